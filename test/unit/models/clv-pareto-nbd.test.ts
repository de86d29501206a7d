import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	fitParetoNbd,
	paretoNbdConditionalExpectedPurchases,
	paretoNbdExpectedPurchasesIfAlive,
	paretoNbdLogLikelihood,
	paretoNbdProbabilityAlive,
	type ParetoNbdFit,
	type ParetoNbdParams
} from '../../../src/lib/models/clv';
import { hyp2f1, lgamma } from '../../../src/lib/models/clv/special';
import { logHyp2f1OneB, preparedParetoNbdLogLikelihood } from '../../../src/lib/models/clv/pareto-nbd-likelihood';
import { prepareBgnbd } from '../../../src/lib/models/clv/bgnbd-data';
import { simulateParetoNbdCustomers } from '../../../src/lib/models/clv/simulate';
import { CDNOW, cdnowSummaries } from './clv-cdnow-data';
import { fitNbd, nbdExpectedPurchases } from '../../fixtures/nbd-limit';

const relErr = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

/**
 * Independent route to one customer's log-likelihood: the "dropped out in (t_x, T]" integral
 * ∫ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ by composite Simpson on a grid in u = ln(α+τ), where the
 * integrand is smooth, instead of the hypergeometric closed form. Logarithms relative to the
 * integrand's largest value (at t_x) keep frequent buyers from overflowing.
 */
function logLikelihoodByQuadrature({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number): number {
	const logF = (u: number): number => u - (r + x) * u - (s + 1) * Math.log(Math.exp(u) - alpha + beta);
	const lo = Math.log(alpha + tx);
	const hi = Math.log(alpha + T);
	const top = logF(lo);
	const n = 100_000;
	const h = (hi - lo) / n;
	let sum = 1 + Math.exp(logF(hi) - top);
	for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * Math.exp(logF(lo + i * h) - top);
	const logDead = Math.log(s) + top + Math.log((sum * h) / 3);
	const logAlive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
	const big = Math.max(logDead, logAlive);
	const logBracket = big + Math.log(Math.exp(logDead - big) + Math.exp(logAlive - big));
	return lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta) + logBracket;
}

describe('ln 2F1(1, b; c; z), the likelihood\'s fast special case', () => {
	it('agrees with the general 2F1 on both sides of z = 0.9 and close to 1', () => {
		// Includes a point where the two terms of the z → 1−z formula have opposite signs (b = 3.4746, k = 2.2776).
		expect(logHyp2f1OneB(3.4746, 5.7522, 0.9001)).toBeCloseTo(Math.log(hyp2f1(1, 3.4746, 5.7522, 0.9001)), 12);
		fc.assert(
			fc.property(
				fc.double({ min: 0.05, max: 40, noNaN: true }),
				fc.double({ min: 0.05, max: 40, noNaN: true }),
				fc.oneof(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0.9, max: 0.9999999, noNaN: true })),
				(b, k, z) => {
					const expected = Math.log(hyp2f1(1, b, b + k, z));
					expect(Math.abs(logHyp2f1OneB(b, b + k, z) - expected)).toBeLessThan(1e-11 * Math.max(1, Math.abs(expected)));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('gives each (b, c) its own gamma factor when calls alternate between them near z = 1', () => {
		// The connection formula's Γ(c)Γ(1−k)/Γ(c−k) is kept from one call to the next with the same (b, c).
		const calls: [number, number, number][] = [
			[1.2, 3.9, 0.95],
			[1.2, 3.9, 0.999],
			[2.7, 4.1, 0.999],
			[1.2, 3.9, 0.97],
			[2.7, 4.1, 0.93]
		];
		for (const [b, c, z] of calls) expect(logHyp2f1OneB(b, c, z)).toBeCloseTo(Math.log(hyp2f1(1, b, c, z)), 11);
	});

	it('agrees with 40-digit values where k = c − b is near 1 and c is below 2 (a purchase-rate shape r near 1, or a small drop-out shape s)', () => {
		// The connection formula is singular at whole k; from c = 1.5 these are integrated instead of
		// continued by the general 2F1, which took 10-35 times as long per evaluation.
		// [b, c, ε = 1 − z, ln 2F1(1, b; c; z)] from mpmath at 40 digits.
		const cases: [number, number, number, number][] = [
			[1.001, 1.971, 0.01, 1.5883583993919993764],
			[1.001, 1.971, 1e-5, 2.5966001635442799161],
			[1.001, 1.971, 1e-9, 3.3318173532191182716],
			[1.02, 2.0, 0.0001, 2.3139436550108363641],
			[0.6, 1.6003, 0.05, 0.89054016342910321662],
			[0.6, 1.6003, 1e-7, 2.3250628861948077633],
			[0.9, 1.9, 0.001, 1.8535715406056372252],
			[0.52, 1.55, 0.08, 0.69668694076917568109]
		];
		for (const [b, c, epsilon, expected] of cases) expect(Math.abs(logHyp2f1OneB(b, c, 1 - epsilon, epsilon) - expected)).toBeLessThan(1e-12 * Math.max(1, expected));
	});

	it('keeps the far left of its quadrature when k = c − b < 1 and z is within 1e-17 of 1', () => {
		// The integrand then falls off only like w^(1−k) below its peak. Independently, A&S 15.3.6:
		// F = (c−1)/(k−1)·2F1(1, b; 2−k; ε) + Γ(c)Γ(1−k)/Γ(c−k)·ε^(k−1)(1−ε)^(1−c), here with b·ε ≪ 1.
		const [b, c, epsilon] = [999.3, 1000, 1e-17];
		const k = c - b;
		let term = 1;
		let series = 1;
		for (let n = 0; Math.abs(term) > 1e-17 * Math.abs(series); n++) {
			term *= ((b + n) * epsilon) / (2 - k + n);
			series += term;
		}
		const singular = Math.exp(lgamma(c) - lgamma(b) + lgamma(1 - k) + (k - 1) * Math.log(epsilon) + (1 - c) * Math.log1p(-epsilon));
		const expected = Math.log(((c - 1) / (k - 1)) * series + singular);
		expect(Math.abs(logHyp2f1OneB(b, c, 1 - epsilon, epsilon) - expected)).toBeLessThan(1e-11);
	});
});

describe('Pareto/NBD likelihood', () => {
	it('matches direct numerical integration when α > β, α < β, α = β and α ≫ β', () => {
		const cases: [ParetoNbdParams, number, number, number][] = [
			[{ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, 0, 0, 38.86],
			[{ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, 2, 30.43, 38.86],
			[{ r: 2, alpha: 30, s: 1.5, beta: 3 }, 5, 12, 40],
			[{ r: 0.3, alpha: 2, s: 0.4, beta: 25 }, 1, 0.5, 20],
			[{ r: 1, alpha: 5, s: 2, beta: 5 }, 3, 4, 9],
			// z = (α−β)/(α+t_x) ≈ 0.99: beyond the plain series, through the general 2F1.
			[{ r: 0.5, alpha: 100, s: 0.8, beta: 1 }, 1, 0.5, 30]
		];
		for (const [params, x, tx, T] of cases) {
			const ll = paretoNbdLogLikelihood(params, [{ frequency: x, recency: tx, T }]);
			expect(ll).toBeCloseTo(logLikelihoodByQuadrature(params, x, tx, T), 9);
		}
	});

	it('sums the customers when several share an (x, t_x) or (x, T)', () => {
		// Shared pairs: (2, 10) as t_x twice, (2, 30) as T twice and as t_x once; one-time buyers share T = 30.
		const customers = [
			{ frequency: 2, recency: 10, T: 30 },
			{ frequency: 2, recency: 10, T: 40 },
			{ frequency: 2, recency: 30, T: 40 },
			{ frequency: 2, recency: 30, T: 30 },
			{ frequency: 0, recency: 0, T: 30 },
			{ frequency: 0, recency: 0, T: 30 },
			{ frequency: 0, recency: 0, T: 0 }
		];
		for (const params of [{ r: 0.6, alpha: 8, s: 0.7, beta: 3 }, { r: 0.3, alpha: 2, s: 0.4, beta: 25 }]) {
			const expected = customers.reduce(
				(sum, c) => sum + (c.T === c.recency ? lgamma(params.r + c.frequency) - lgamma(params.r) + params.r * Math.log(params.alpha) + params.s * Math.log(params.beta) - (params.r + c.frequency) * Math.log(params.alpha + c.T) - params.s * Math.log(params.beta + c.T) : logLikelihoodByQuadrature(params, c.frequency, c.recency, c.T)),
				0
			);
			expect(paretoNbdLogLikelihood(params, customers)).toBeCloseTo(expected, 6);
		}
	});

	it('stays finite where a large drop-out shape meets z near 1 (the quadrature terms overflow before scaling)', () => {
		// c = r + x + s + 1 > 500 and z = (α−β)/(α+t_x) ≈ 0.99: e^(−k ln(1−z)) alone exceeds the largest double.
		const params = { r: 0.6, alpha: 400, s: 600, beta: 2 };
		for (const [x, tx, T] of [[2, 10, 30], [2, 30, 40]]) {
			const ll = paretoNbdLogLikelihood(params, [{ frequency: x, recency: tx, T }]);
			expect(ll).toBeCloseTo(logLikelihoodByQuadrature(params, x, tx, T), 6);
		}
	});

	it('stays finite for a frequent buyer gone quiet, where the textbook 2F1 overflows', () => {
		const ll = paretoNbdLogLikelihood({ r: 0.5, alpha: 1, s: 0.5, beta: 200 }, [{ frequency: 400, recency: 10, T: 300 }]);
		expect(Number.isFinite(ll)).toBe(true);
		expect(ll).toBeCloseTo(logLikelihoodByQuadrature({ r: 0.5, alpha: 1, s: 0.5, beta: 200 }, 400, 10, 300), 6);
	});

	it('has the gradient of its values, also where the integrals are done by quadrature and differentiated term by term', () => {
		const customers = simulateParetoNbdCustomers({ r: 0.8, alpha: 20, s: 1.2, beta: 60 }, { customers: 400, age: [20, 120], seed: 3 });
		const data = prepareBgnbd(customers, 1);
		// Scales and shapes that put the integrals in each regime: series and connection formula (small s),
		// the connection formula alone on either side (one scale far above the other: a search walking
		// towards no drop-out, or towards one purchase rate for everyone), the quadrature for c above 500
		// (large s, α < β and α > β) and from c = 50 where the connection formula fails.
		const points = [
			{ r: 0.8, alpha: 20, s: 1.2, beta: 60 },
			{ r: 0.8, alpha: 20, s: 1e-3, beta: 1e5 },
			{ r: 0.8, alpha: 1e5, s: 0.6, beta: 20 },
			{ r: 0.8, alpha: 20, s: 2000, beta: 1e5 },
			{ r: 0.8, alpha: 5e4, s: 900, beta: 30 },
			{ r: 0.8, alpha: 20, s: 80, beta: 4000 }
		];
		for (const p of points) {
			const u = [Math.log(p.r), Math.log(p.alpha), Math.log(p.s), Math.log(p.beta)];
			const gradient = [0, 0, 0, 0];
			preparedParetoNbdLogLikelihood(u, data, gradient);
			// Independently: a five-point central difference of the values alone.
			const h = 1e-3;
			u.forEach((_, k) => {
				const at = (d: number) => preparedParetoNbdLogLikelihood(u.map((v, j) => (j === k ? v + d : v)), data);
				const numeric = (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
				expect(Math.abs(gradient[k] - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)) + 1e-4);
			});
		}
	});
});

describe('Pareto/NBD likelihood on grouped rows', () => {
	// Repeated (x, t_x, T) triples, an age that is also another row's recency (30), one-time buyers
	// sharing ages with repeat buyers, and a customer who bought at the end (t_x = T).
	const customers = [
		{ frequency: 3, recency: 12, T: 30 },
		{ frequency: 3, recency: 12, T: 30 },
		{ frequency: 3, recency: 12, T: 30 },
		{ frequency: 3, recency: 30, T: 45 },
		{ frequency: 1, recency: 30, T: 45 },
		{ frequency: 1, recency: 30, T: 45 },
		{ frequency: 5, recency: 45, T: 45 },
		{ frequency: 0, recency: 0, T: 30 },
		{ frequency: 0, recency: 0, T: 30 },
		{ frequency: 0, recency: 0, T: 45 },
		{ frequency: 0, recency: 0, T: 12 }
	];
	// The series (small s), the quadrature for c above 500 with α < β and α > β (the search's
	// degenerate walk), and a mix where some integrals are summed as series and others integrated.
	const points = [
		{ r: 0.8, alpha: 20, s: 1.2, beta: 60 },
		{ r: 0.9, alpha: 0.4, s: 6e5, beta: 2e4 },
		{ r: 0.8, alpha: 5e4, s: 900, beta: 30 },
		{ r: 1.1, alpha: 0.5, s: 6.4, beta: 10 }
	];
	const logOf = (p: ParetoNbdParams) => [Math.log(p.r), Math.log(p.alpha), Math.log(p.s), Math.log(p.beta)];

	it('equals the sum over the customers one by one, value and gradient, with repeated triples merged into weighted rows', () => {
		const grouped = prepareBgnbd(customers, 45);
		expect(grouped.rowX.length + grouped.zeroAgeIndex.length).toBeLessThan(customers.length);
		for (const p of points) {
			const u = logOf(p);
			const gradient = [0, 0, 0, 0];
			const value = preparedParetoNbdLogLikelihood(u, grouped, gradient);
			let sum = 0;
			const sumGradient = [0, 0, 0, 0];
			for (const c of customers) {
				const one = [0, 0, 0, 0];
				sum += preparedParetoNbdLogLikelihood(u, prepareBgnbd([c], 45), one);
				one.forEach((g, k) => (sumGradient[k] += g));
			}
			expect(Math.abs(value - sum)).toBeLessThan(1e-11 * Math.abs(sum));
			gradient.forEach((g, k) => expect(Math.abs(g - sumGradient[k])).toBeLessThan(1e-9 * Math.max(1, Math.abs(sumGradient[k]))));
		}
	});

	it('gives exactly the same value with and without its gradient (the optimiser evaluates its start once for both)', () => {
		const data = prepareBgnbd(customers, 45);
		for (const p of points) {
			const u = logOf(p);
			expect(preparedParetoNbdLogLikelihood(u, data, [0, 0, 0, 0])).toBe(preparedParetoNbdLogLikelihood(u, data));
		}
	});
});

describe.skipIf(CDNOW.missing)(CDNOW.title('Pareto/NBD fit on CDNOW'), () => {
	const customers = !CDNOW.missing ? cdnowSummaries() : [];
	// Fader, Hardie & Lee (2005), "A note on deriving the Pareto/NBD model and related expressions".
	const published = { r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.6688 };
	let fit: ParetoNbdFit;

	it('matches the published parameters within 0.5 % and the log-likelihood −9594.98', () => {
		const result = fitParetoNbd(customers, { timeUnit: 'week' });
		if (!result.ok) throw new Error(result.reason);
		fit = result.fit;
		for (const k of ['r', 'alpha', 's', 'beta'] as const) expect(relErr(fit[k], published[k])).toBeLessThan(0.005);
		expect(fit.logLikelihood).toBeCloseTo(-9594.98, 1);
		expect(fit).toMatchObject({ timeUnit: 'week', customers: 2357, converged: true });
		// The published parameters, rounded to 4 decimals, are as good to within 0.01.
		expect(paretoNbdLogLikelihood(published, customers)).toBeCloseTo(-9594.98, 1);
	});

	it('is equivalent in days: α and β scale by 7, the likelihood shifts by −ln 7 per repeat purchase', () => {
		const days = fitParetoNbd(
			customers.map((c) => ({ frequency: c.frequency, recency: 7 * c.recency, T: 7 * c.T })),
			{ timeUnit: 'day' }
		);
		if (!days.ok) throw new Error(days.reason);
		expect(relErr(days.fit.alpha, 7 * fit.alpha)).toBeLessThan(1e-4);
		expect(relErr(days.fit.beta, 7 * fit.beta)).toBeLessThan(1e-4);
		for (const k of ['r', 's'] as const) expect(relErr(days.fit[k], fit[k])).toBeLessThan(1e-4);
		const repeat = customers.reduce((sum, c) => sum + c.frequency, 0);
		expect(days.fit.logLikelihood).toBeCloseTo(fit.logLikelihood - Math.log(7) * repeat, 3);
	});
});

describe('Pareto/NBD P(alive)', () => {
	it('equals 1/(1 + s/m·[((α+T)/(α+t_x))^m − 1]), m = r+s+x, when α = β (hand-worked)', () => {
		// r = s = α = β = 1, x = 0, T = 1: m = 2, P = 1/(1 + ½·(2² − 1)) = 0.4.
		expect(paretoNbdProbabilityAlive({ r: 1, alpha: 1, s: 1, beta: 1 }, { frequency: 0, recency: 0, T: 1 })).toBeCloseTo(0.4, 12);
		// x = 2, t_x = 3, T = 7 with α = β = 1: m = 4, ((8/4)^4 − 1) = 15, P = 1/(1 + 15/4).
		expect(paretoNbdProbabilityAlive({ r: 1, alpha: 1, s: 1, beta: 1 }, { frequency: 2, recency: 3, T: 7 })).toBeCloseTo(1 / 4.75, 12);
	});

	it('falls with time for a one-time buyer, who BG/NBD would call certainly alive', () => {
		const params = { r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.6688 };
		let previous = 1;
		for (const T of [1, 5, 13, 26, 52, 104]) {
			const p = paretoNbdProbabilityAlive(params, { frequency: 0, recency: 0, T });
			expect(p).toBeLessThan(previous);
			previous = p;
		}
		expect(previous).toBeLessThan(0.5);
	});

	it('is 1 for a customer who bought at the end of the observation', () => {
		expect(paretoNbdProbabilityAlive({ r: 0.5, alpha: 10, s: 0.6, beta: 12 }, { frequency: 3, recency: 20, T: 20 })).toBe(1);
	});
});

describe('Pareto/NBD expected purchases', () => {
	it('is continuous through s = 1, where the closed form has its removable 0/0', () => {
		const at = (s: number): number => paretoNbdExpectedPurchasesIfAlive({ r: 1, alpha: 4, s, beta: 6 }, { frequency: 2, T: 10 }, 13);
		// s = 1: (r+x)/(α+T)·(β+T)·ln(1 + t/(β+T)) = 3/14 · 16 · ln(29/16).
		expect(at(1)).toBeCloseTo((3 / 14) * 16 * Math.log(29 / 16), 12);
		expect(at(1 + 1e-9)).toBeCloseTo(at(1), 7);
		expect(at(1 - 1e-9)).toBeCloseTo(at(1), 7);
	});

	it('predicts the holdout purchases of simulated Pareto/NBD customers, in total and by calibration frequency', () => {
		const params = { r: 0.8, alpha: 8, s: 0.7, beta: 15 };
		const customers = simulateParetoNbdCustomers(params, { customers: 40_000, age: [5, 40], holdout: 26, seed: 20260114 });
		const buckets = new Map<number, { actual: number; predicted: number; squares: number; n: number }>();
		for (const c of customers) {
			const key = Math.min(c.frequency, 4);
			const b = buckets.get(key) ?? { actual: 0, predicted: 0, squares: 0, n: 0 };
			buckets.set(key, b);
			b.actual += c.holdoutPurchases;
			b.squares += c.holdoutPurchases ** 2;
			b.predicted += paretoNbdConditionalExpectedPurchases(params, c, 26);
			b.n += 1;
		}
		expect(buckets.size).toBe(5);
		for (const b of buckets.values()) {
			// By the tower property E[holdout | calibration] averages to the bucket's mean holdout count;
			// allow four standard errors of that mean.
			const mean = b.actual / b.n;
			const se = Math.sqrt((b.squares / b.n - mean ** 2) / b.n);
			expect(Math.abs(b.predicted / b.n - mean)).toBeLessThan(4 * se);
		}
	});
});

describe('Pareto/NBD fit on simulated customers', () => {
	it('recovers the parameters it simulated from', () => {
		const truth = { r: 0.8, alpha: 8, s: 0.7, beta: 15 };
		const customers = simulateParetoNbdCustomers(truth, { customers: 4000, age: [20, 60], seed: 7 });
		const result = fitParetoNbd(customers, { timeUnit: 'week' });
		if (!result.ok) throw new Error(result.reason);
		expect(relErr(result.fit.r, truth.r)).toBeLessThan(0.15);
		expect(relErr(result.fit.alpha, truth.alpha)).toBeLessThan(0.2);
		// Drop-out is seen only through quiet spells, so it is estimated much less precisely.
		expect(relErr(result.fit.s, truth.s)).toBeLessThan(0.5);
		expect(relErr(result.fit.beta, truth.beta)).toBeLessThan(0.8);
	});

	it('fits customers who all drop out at the same rate: one rate for everyone, the rate simulated', () => {
		// A huge s with s/β fixed is one drop-out rate (0.08 a week) for everyone: the likelihood keeps
		// rising, ever more slowly, as s and β grow together, and the search stops on that flat ridge.
		const rate = 0.08;
		const customers = simulateParetoNbdCustomers({ r: 0.8, alpha: 8, s: 1e5, beta: 1e5 / rate }, { customers: 400, age: [20, 60], seed: 4 });
		const result = fitParetoNbd(customers, { timeUnit: 'week' });
		if (!result.ok) throw new Error(result.reason);
		// The gamma's coefficient of variation 1/√s: under 5%, the rates barely differ between customers.
		expect(1 / Math.sqrt(result.fit.s)).toBeLessThan(0.05);
		// Most customers drop out within their 20–60 weeks at this rate (1 − e^(−0.08·20) = 80%), so it is well determined.
		expect(relErr(result.fit.s / result.fit.beta, rate)).toBeLessThan(0.25);
		expect(relErr(result.fit.r, 0.8)).toBeLessThan(0.35);
	});

	it('fits customers who never drop out with the no-drop-out limit: the NBD fitted on its own', () => {
		// A mean drop-out rate of 1e-8 a week: the likelihood rises towards s → 0, β → ∞ and the search
		// stops on that flat ridge, accepted (it was refused or not depending on rounding).
		const customers = simulateParetoNbdCustomers({ r: 0.8, alpha: 8, s: 1e-4, beta: 1e4 }, { customers: 2000, age: [20, 60], seed: 11 });
		const result = fitParetoNbd(customers, { timeUnit: 'week' });
		if (!result.ok) throw new Error(result.reason);
		const nbd = fitNbd(customers);
		expect(relErr(result.fit.r, nbd.r)).toBeLessThan(0.01);
		expect(relErr(result.fit.alpha, nbd.alpha)).toBeLessThan(0.01);
		for (const c of customers) {
			expect(paretoNbdProbabilityAlive(result.fit, c)).toBeGreaterThan(0.99);
			expect(relErr(paretoNbdConditionalExpectedPurchases(result.fit, c, 52), nbdExpectedPurchases(nbd, c, 52))).toBeLessThan(0.01);
		}
	});

	it('refuses too few customers with a reason', () => {
		const result = fitParetoNbd([{ frequency: 1, recency: 1, T: 2 }], { timeUnit: 'day' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toMatch(/at least 20/);
	});
});
