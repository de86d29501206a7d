import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	bgnbdLogLikelihood,
	conditionalExpectedPurchases,
	expectedPurchasesNewCustomer,
	fitBgnbd,
	probabilityAlive,
	type BgnbdFit,
	type BgnbdParams,
	type CustomerSummary
} from '../../../src/lib/models/clv';
import { simulateCustomers } from '../../../src/lib/models/clv/simulate';
import { CDNOW, cdnowSummaries } from './clv-cdnow-data';
import { invert } from '../../fixtures/matrix';
import { fitNbd, nbdExpectedPurchases } from '../../fixtures/nbd-limit';

const relErr = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

function fitOrThrow(customers: readonly CustomerSummary[], timeUnit: 'day' | 'week' = 'week'): BgnbdFit {
	const result = fitBgnbd(customers, { timeUnit });
	if (!result.ok) throw new Error(result.reason);
	return result.fit;
}

// Without the CDNOW folder the describes that read it are skipped (see clv-cdnow-data.ts).
const customers = CDNOW.missing ? [] : cdnowSummaries();
const fit = (CDNOW.missing ? undefined : fitOrThrow(customers)) as BgnbdFit;
// lifetimes' BetaGeoFitter on the same file; FHL (2005) publish r=0.243, α=4.414, a=0.793, b=2.426.
const reference = { r: 0.242593, alpha: 4.413531, a: 0.792888, b: 2.425761 };

const toLog = (p: BgnbdParams): number[] => [p.r, p.alpha, p.a, p.b].map(Math.log);
const fromLog = (u: readonly number[]): BgnbdParams => {
	const [r, alpha, a, b] = u.map(Math.exp);
	return { r, alpha, a, b };
};

describe.skipIf(CDNOW.missing)(CDNOW.title('BG/NBD fit on CDNOW'), () => {
	it('matches the published parameters and log-likelihood within 0.5 %', () => {
		expect(customers).toHaveLength(2357);
		expect(relErr(fit.r, reference.r)).toBeLessThan(0.005);
		expect(relErr(fit.alpha, reference.alpha)).toBeLessThan(0.005);
		expect(relErr(fit.a, reference.a)).toBeLessThan(0.005);
		expect(relErr(fit.b, reference.b)).toBeLessThan(0.005);
		expect(relErr(fit.logLikelihood, -9582.43)).toBeLessThan(0.005);
		// In fact they agree to about 1e-5, the precision of the reference fit itself.
		for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relErr(fit[key], reference[key])).toBeLessThan(1e-5);
		expect(fit.logLikelihood).toBeCloseTo(-9582.4256, 3);
		expect(fit).toMatchObject({ timeUnit: 'week', customers: 2357, converged: true });
	});

	it('evaluates the published log-likelihood at the published parameters', () => {
		expect(bgnbdLogLikelihood(reference, customers)).toBeCloseTo(-9582.43, 2);
	});

	it('sits at a maximum: numeric gradient ≈ 0, every perturbation lowers the likelihood', () => {
		const u0 = toLog(fit);
		const ll = (u: readonly number[]): number => bgnbdLogLikelihood(fromLog(u), customers);
		const h = 1e-5;
		const gradient = u0.map((_, i) => {
			const up = u0.slice();
			const down = u0.slice();
			up[i] += h;
			down[i] -= h;
			return (ll(up) - ll(down)) / (2 * h);
		});
		// For scale: moving any log-parameter by 1 % changes this gradient by 0.3 to 40 units.
		for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-3);

		const best = ll(u0);
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
				fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
				(direction, size) => {
					const norm = Math.hypot(...direction);
					fc.pre(norm > 1e-3);
					expect(ll(u0.map((ui, i) => ui + (size * direction[i]) / norm))).toBeLessThan(best);
				}
			),
			{ numRuns: 50 }
		);
	});

	it('gives the same fit from aggregated, weighted rows', () => {
		const counts = new Map<string, CustomerSummary>();
		for (const c of customers) {
			const key = `${c.frequency},${c.recency},${c.T}`;
			const row = counts.get(key);
			if (row) row.weight = (row.weight ?? 1) + 1;
			else counts.set(key, { ...c, weight: 1 });
		}
		const weighted = fitOrThrow([...counts.values()]);
		expect(counts.size).toBeLessThan(customers.length);
		expect(weighted.customers).toBe(2357);
		for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relErr(weighted[key], fit[key])).toBeLessThan(1e-5);
		expect(weighted.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
	});

	it('is equivalent in days: α scales by 7, the likelihood (a density in time) shifts by −ln 7 per repeat purchase', () => {
		const days = fitOrThrow(
			customers.map((c) => ({ frequency: c.frequency, recency: 7 * c.recency, T: 7 * c.T })),
			'day'
		);
		expect(days.timeUnit).toBe('day');
		expect(relErr(days.alpha, 7 * fit.alpha)).toBeLessThan(1e-5);
		for (const key of ['r', 'a', 'b'] as const) expect(relErr(days[key], fit[key])).toBeLessThan(1e-5);
		const repeatPurchases = customers.reduce((s, c) => s + c.frequency, 0);
		expect(days.logLikelihood).toBeCloseTo(fit.logLikelihood - Math.log(7) * repeatPurchases, 5);
	});
});

/**
 * Independent route to E[X(t)]: given p the expected count is (1 − (α/(α+pt))^r)/p, averaged over
 * p ~ Beta(a, b). Integrated by tanh-sinh quadrature, which is exact to ~1e-12 despite the
 * p^(a−1) and (1−p)^(b−1) endpoint singularities; the Beta normalising constant is integrated with
 * the same rule, so no special function is involved.
 */
function integratedExpectation({ r, alpha, a, b }: BgnbdParams, t: number): number {
	const step = 1 / 64;
	let numerator = 0;
	let denominator = 0;
	for (let s = -5; s <= 5; s += step) {
		// p = 1/(1 + e^(−π sinh s)), dp/ds = π cosh s · p(1−p); 1−p is computed directly to keep its precision.
		const logP = -Math.log1p(Math.exp(-Math.PI * Math.sinh(s)));
		const logQ = -Math.log1p(Math.exp(Math.PI * Math.sinh(s)));
		const p = Math.exp(logP);
		const weight = Math.PI * Math.cosh(s) * Math.exp(a * logP + b * logQ);
		const perCustomer = -Math.expm1(-r * Math.log1p((p * t) / alpha)) / p;
		numerator += weight * perCustomer;
		denominator += weight;
	}
	return numerator / denominator;
}

describe.skipIf(CDNOW.missing)(CDNOW.title('BG/NBD predictions'), () => {
	it('reproduces the published conditional expectation (FHL 2005, p. 280)', () => {
		// x = 2, t_x = 30.43, T = 38.86 weeks → 1.226 purchases expected in the next 39 weeks.
		const customer = { frequency: 2, recency: 30.43, T: 38.86 };
		expect(relErr(conditionalExpectedPurchases(reference, customer, 39), 1.226)).toBeLessThan(0.005);
		expect(relErr(conditionalExpectedPurchases(fit, customer, 39), 1.226)).toBeLessThan(0.005);
	});


	it('matches a numeric integral for E[X(t)], including a = 1 and a + b < 2', () => {
		const cases: BgnbdParams[] = [reference, { r: 0.5, alpha: 10, a: 1, b: 3 }, { r: 2, alpha: 30, a: 0.6, b: 1.2 }, { r: 0.3, alpha: 2, a: 3.5, b: 1.5 }];
		for (const params of cases) {
			let previous = 0;
			for (const t of [0.5, 10, 39, 520, 5200]) {
				const expected = expectedPurchasesNewCustomer(params, t);
				expect(relErr(expected, integratedExpectation(params, t))).toBeLessThan(1e-9);
				expect(expected).toBeGreaterThan(previous);
				previous = expected;
			}
		}
	});

	it('matches a Monte-Carlo simulation of the generative process for a new customer', () => {
		const t = 52;
		const sample = simulateCustomers(reference, { customers: 100_000, age: t, seed: 7 });
		const mean = sample.reduce((s, c) => s + c.frequency, 0) / sample.length;
		const sd = Math.sqrt(sample.reduce((s, c) => s + (c.frequency - mean) ** 2, 0) / (sample.length - 1));
		const standardError = sd / Math.sqrt(sample.length);
		expect(Math.abs(expectedPurchasesNewCustomer(reference, t) - mean)).toBeLessThan(4 * standardError);
	});

	const params = fc.record({
		r: fc.double({ min: 0.01, max: 20, noNaN: true }),
		alpha: fc.double({ min: 0.1, max: 1000, noNaN: true }),
		a: fc.double({ min: 0.05, max: 10, noNaN: true }),
		b: fc.double({ min: 0.05, max: 50, noNaN: true })
	});
	const history = fc
		.record({
			frequency: fc.integer({ min: 0, max: 300 }),
			share: fc.double({ min: 0, max: 1, noNaN: true }),
			T: fc.double({ min: 0, max: 1000, noNaN: true })
		})
		.map(({ frequency, share, T }) => ({ frequency, recency: frequency === 0 ? 0 : share * T, T }));

	it('P(alive) = 1 for customers without a repeat purchase', () => {
		fc.assert(
			fc.property(params, fc.double({ min: 0, max: 1000, noNaN: true }), (p, T) => {
				expect(probabilityAlive(p, { frequency: 0, recency: 0, T })).toBe(1);
			})
		);
	});

	it('P(alive) lies in [0, 1] and does not increase as the customer ages without buying', () => {
		fc.assert(
			fc.property(params, history, fc.double({ min: 0, max: 500, noNaN: true }), (p, customer, extra) => {
				const now = probabilityAlive(p, customer);
				const later = probabilityAlive(p, { ...customer, T: customer.T + extra });
				expect(now).toBeGreaterThanOrEqual(0);
				expect(now).toBeLessThanOrEqual(1);
				expect(later).toBeLessThanOrEqual(now);
			})
		);
	});

	it('expected purchases are finite and grow with the prediction horizon', () => {
		fc.assert(
			fc.property(
				params,
				history,
				fc.double({ min: 0.01, max: 2000, noNaN: true }),
				fc.double({ min: 1.01, max: 10, noNaN: true }),
				(p, customer, t, factor) => {
					const shorter = conditionalExpectedPurchases(p, customer, t);
					const longer = conditionalExpectedPurchases(p, customer, t * factor);
					expect(Number.isFinite(longer)).toBe(true);
					expect(shorter).toBeGreaterThanOrEqual(0);
					expect(longer).toBeGreaterThanOrEqual(shorter * (1 - 1e-12));
					// Non-strict: when everyone has surely dropped out the expectation is flat to the last digit.
					expect(expectedPurchasesNewCustomer(p, t * factor)).toBeGreaterThanOrEqual(expectedPurchasesNewCustomer(p, t) * (1 - 1e-12));
				}
			)
		);
	});
});

describe('BG/NBD predictions where the 2F1 series first grows', () => {
	it('match the numeric integral for a large a with a small b, which once failed as a series that did not converge', () => {
		// Posterior parameters (r + x, α + T, a, b + x) of customers with one repeat purchase under fits
		// with a = 27.2 and 19.4: the 2F1's term ratio starts above 1 and falls through 1 towards z.
		const cases: [BgnbdParams, number][] = [
			[{ r: 1.2196, alpha: 20.684, a: 27.186, b: 1.0456 }, 1921.9],
			[{ r: 1.4592, alpha: 14.296, a: 19.416, b: 1.0116 }, 140.42]
		];
		for (const [params, t] of cases) expect(relErr(expectedPurchasesNewCustomer(params, t), integratedExpectation(params, t))).toBeLessThan(1e-9);
	});
});

describe('BG/NBD parameter recovery', () => {
	it('recovers simulated parameters within four standard errors', () => {
		const truth = { r: 0.5, alpha: 8, a: 0.6, b: 2.5 };
		const sample = simulateCustomers(truth, { customers: 3000, age: [26, 104], seed: 42 });
		const recovered = fitOrThrow(sample);
		expect(recovered.converged).toBe(true);

		// Standard errors on the log scale from the observed information (numeric Hessian). Even with
		// 3 000 customers the drop-out parameters a and b are only known to ~10–25 %, so a fixed
		// tolerance would be either flaky or meaningless; four standard errors is a failure rate of
		// ~1e-4 per parameter for a correct fitter, while a biased one is caught.
		const u0 = toLog(recovered);
		const ll = (u: readonly number[]): number => bgnbdLogLikelihood(fromLog(u), sample);
		const h = 1e-3;
		const at = (i: number, si: number, j: number, sj: number): number => {
			const u = u0.slice();
			u[i] += si * h;
			u[j] += sj * h;
			return ll(u);
		};
		const negHessian = u0.map((_, i) =>
			u0.map((__, j) => -(at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h))
		);
		const covariance = invert(negHessian);
		const truthLog = toLog(truth);
		u0.forEach((ui, i) => {
			const standardError = Math.sqrt(covariance[i][i]);
			expect(standardError).toBeGreaterThan(0);
			expect(standardError).toBeLessThan(0.5);
			expect(Math.abs(ui - truthLog[i])).toBeLessThan(4 * standardError);
		});
	});
});

describe('BG/NBD of customers who never drop out', () => {
	it('fits the no-drop-out limit, the NBD fitted on its own, instead of refusing it as degenerate', () => {
		// A drop-out probability of 1e-8 per purchase: the likelihood rises towards a → 0, b → ∞ and the
		// search stops on that flat ridge. It was refused when the walk had got beyond 1e-6, as here.
		const customers = simulateCustomers({ r: 0.8, alpha: 8, a: 1e-4, b: 1e4 }, { customers: 2000, age: [20, 60], seed: 11 });
		const fit = fitOrThrow(customers);
		const nbd = fitNbd(customers);
		expect(relErr(fit.r, nbd.r)).toBeLessThan(0.01);
		expect(relErr(fit.alpha, nbd.alpha)).toBeLessThan(0.01);
		for (const c of customers) {
			expect(probabilityAlive(fit, c)).toBeGreaterThan(0.99);
			expect(relErr(conditionalExpectedPurchases(fit, c, 52), nbdExpectedPurchases(nbd, c, 52))).toBeLessThan(0.01);
		}
	});
});

describe.skipIf(CDNOW.missing)(CDNOW.title('BG/NBD refusals'), () => {
	const expectRefusal = (data: CustomerSummary[], pattern: RegExp): void => {
		const result = fitBgnbd(data, { timeUnit: 'day' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.reason).toMatch(pattern);
		expect(result.reason).toMatch(/^[A-Z].{40,}\.$/s);
	};
	const healthy = (): CustomerSummary[] => customers.slice(0, 200);

	it('refuses too few customers', () => {
		expectRefusal([], /at least 20/);
		expectRefusal(healthy().slice(0, 19), /Only 19 customers were supplied.*at least 20/);
	});

	it('refuses too few repeat customers', () => {
		const data = [
			...Array.from({ length: 40 }, () => ({ frequency: 0, recency: 0, T: 30 })),
			...Array.from({ length: 9 }, () => ({ frequency: 2, recency: 10, T: 30 }))
		];
		expectRefusal(data, /Only 9 customers have a repeat purchase.*at least 10/);
	});

	it('refuses data where everyone bought on one date only', () => {
		expectRefusal(Array.from({ length: 50 }, () => ({ frequency: 0, recency: 0, T: 0 })), /no history/);
	});

	it('refuses malformed summaries, naming the row', () => {
		const withRow = (row: CustomerSummary): CustomerSummary[] => [...healthy().slice(0, 3), row, ...healthy()];
		expectRefusal(withRow({ frequency: 1.5, recency: 1, T: 2 }), /row 4 .*whole number/);
		expectRefusal(withRow({ frequency: -1, recency: 0, T: 2 }), /row 4 .*whole number/);
		expectRefusal(withRow({ frequency: 2, recency: 5, T: 2 }), /row 4 .*recency ≤ age/);
		expectRefusal(withRow({ frequency: 2, recency: 1, T: NaN }), /row 4 .*finite/);
		expectRefusal(withRow({ frequency: 0, recency: 1, T: 2 }), /row 4 .*recency must be 0/);
		expectRefusal(withRow({ frequency: 1, recency: 1, T: 2, weight: 0 }), /row 4 .*positive/);
	});

	it('refuses a degenerate optimum instead of reporting absurd parameters', () => {
		// Everyone bought exactly as often and as recently: no heterogeneity to estimate, r and α run off to ∞.
		expectRefusal(Array.from({ length: 200 }, () => ({ frequency: 10, recency: 52, T: 52 })), /degenerate/);
	});
});
