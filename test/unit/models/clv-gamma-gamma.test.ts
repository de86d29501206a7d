import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	expectedAverageOrderValue,
	fitGammaGamma,
	gammaGammaLogLikelihood,
	type GammaGammaFit,
	type SpendSummary
} from '../../../src/lib/models/clv';
import { simulateCustomers } from '../../../src/lib/models/clv/simulate';
import { CDNOW, cdnowSpend } from './clv-cdnow-data';

const relErr = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

function fitOrThrow(rows: readonly SpendSummary[]): GammaGammaFit {
	const result = fitGammaGamma(rows);
	if (!result.ok) throw new Error(result.reason);
	return result.fit;
}

// Without the CDNOW folder the describes that read it are skipped (see clv-cdnow-data.ts).
const rows = CDNOW.missing ? [] : cdnowSpend();
const fit = (CDNOW.missing ? undefined : fitOrThrow(rows)) as GammaGammaFit;
// lifetimes' GammaGammaFitter on the same file; Fader & Hardie publish p=6.25, q=3.74, γ=15.44.
const reference = { p: 6.2488, q: 3.7446, v: 15.4478 };

describe.skipIf(CDNOW.missing)(CDNOW.title('Gamma-Gamma fit on CDNOW'), () => {
	it('uses the 946 repeat customers and matches the published parameters within 0.5 %', () => {
		expect(rows).toHaveLength(2357);
		expect(fit.customers).toBe(946);
		expect(relErr(fit.p, reference.p)).toBeLessThan(0.005);
		expect(relErr(fit.q, reference.q)).toBeLessThan(0.005);
		expect(relErr(fit.v, reference.v)).toBeLessThan(0.005);
		// In fact to the 4–5 digits published.
		for (const key of ['p', 'q', 'v'] as const) expect(relErr(fit[key], reference[key])).toBeLessThan(5e-5);
		expect(fit.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(fit, rows), 6);
	});

	it('sits at a maximum: numeric gradient ≈ 0, every perturbation lowers the likelihood', () => {
		const u0 = [fit.p, fit.q, fit.v].map(Math.log);
		const ll = (u: readonly number[]): number => gammaGammaLogLikelihood({ p: Math.exp(u[0]), q: Math.exp(u[1]), v: Math.exp(u[2]) }, rows);
		const h = 1e-5;
		for (let i = 0; i < 3; i++) {
			const up = u0.slice();
			const down = u0.slice();
			up[i] += h;
			down[i] -= h;
			expect(Math.abs((ll(up) - ll(down)) / (2 * h))).toBeLessThan(1e-3);
		}
		const best = ll(u0);
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
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

	it('is invariant to the currency unit apart from the Jacobian of the spend density', () => {
		const cents = fitOrThrow(rows.map((r) => ({ ...r, monetary: 100 * r.monetary })));
		expect(relErr(cents.p, fit.p)).toBeLessThan(1e-6);
		expect(relErr(cents.q, fit.q)).toBeLessThan(1e-6);
		expect(relErr(cents.v, 100 * fit.v)).toBeLessThan(1e-6);
		expect(cents.logLikelihood).toBeCloseTo(fit.logLikelihood - 946 * Math.log(100), 5);
	});

	it('gives the same fit from weighted rows', () => {
		const doubled = fitOrThrow(rows.map((r) => ({ ...r, weight: 2 })));
		expect(doubled.customers).toBe(2 * 946);
		for (const key of ['p', 'q', 'v'] as const) expect(relErr(doubled[key], fit[key])).toBeLessThan(1e-6);
		expect(doubled.logLikelihood).toBeCloseTo(2 * fit.logLikelihood, 5);
	});
});

describe.skipIf(CDNOW.missing)(CDNOW.title('Gamma-Gamma expected order value'), () => {
	it('matches the closed form for x = 2 transactions averaging 35', () => {
		const { p, q, v } = reference;
		const x = 2;
		const zbar = 35;
		const populationMean = (v * p) / (q - 1);
		const blended = ((q - 1) / (p * x + q - 1)) * populationMean + ((p * x) / (p * x + q - 1)) * zbar;
		expect(expectedAverageOrderValue(reference, { frequency: x, monetary: zbar })).toBeCloseTo(blended, 10);
		// By hand: population mean 35.171, weight on own mean 12.50/15.24 = 0.820.
		expect(blended).toBeCloseTo(35.031, 3);
	});

	it('is the population mean pγ/(q−1) without repeat purchases', () => {
		const { p, q, v } = reference;
		expect(expectedAverageOrderValue(reference, { frequency: 0, monetary: 0 })).toBeCloseTo((p * v) / (q - 1), 10);
	});

	it('lies between the population mean and the customer’s own mean, moving towards the latter with x', () => {
		const populationMean = (fit.p * fit.v) / (fit.q - 1);
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x, zbar) => {
				const once = expectedAverageOrderValue(fit, { frequency: x, monetary: zbar });
				const more = expectedAverageOrderValue(fit, { frequency: x + 1, monetary: zbar });
				expect(once).toBeGreaterThanOrEqual(Math.min(populationMean, zbar) * (1 - 1e-12));
				expect(once).toBeLessThanOrEqual(Math.max(populationMean, zbar) * (1 + 1e-12));
				expect(Math.abs(more - zbar)).toBeLessThanOrEqual(Math.abs(once - zbar) * (1 + 1e-12));
			})
		);
	});
});

describe.skipIf(CDNOW.missing)(CDNOW.title('Gamma-Gamma recovery and refusals'), () => {
	it('recovers simulated spend parameters', () => {
		// 5 000 simulated customers leave ~4 100 repeat buyers; at that size p, q and γ are known to
		// about ±9 %, ±3 % and ±11 % (one standard error, observed information), so 35 % is a ≥3σ band.
		const truth = { p: 6, q: 4, v: 15 };
		const sample = simulateCustomers({ r: 1, alpha: 10, a: 0.8, b: 2.5 }, { customers: 5000, age: 52, seed: 9, spend: truth });
		const recovered = fitOrThrow(sample);
		expect(relErr(recovered.p, truth.p)).toBeLessThan(0.35);
		expect(relErr(recovered.q, truth.q)).toBeLessThan(0.35);
		expect(relErr(recovered.v, truth.v)).toBeLessThan(0.35);
		// The population mean spend pγ/(q−1) is pinned far more tightly than the parameters themselves.
		expect(relErr((recovered.p * recovered.v) / (recovered.q - 1), (truth.p * truth.v) / (truth.q - 1))).toBeLessThan(0.05);
	});

	const expectRefusal = (data: SpendSummary[], pattern: RegExp): void => {
		const result = fitGammaGamma(data);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.reason).toMatch(pattern);
		expect(result.reason).toMatch(/^[A-Z].{40,}\.$/s);
	};

	it('refuses too few repeat customers', () => {
		expectRefusal([...rows.filter((r) => r.frequency === 0), ...rows.filter((r) => r.frequency > 0).slice(0, 9)], /Only 9 customers .*at least 10/);
	});

	it('refuses non-positive or missing order values of repeat customers', () => {
		expectRefusal([...rows.slice(0, 100), { frequency: 2, monetary: 0 }], /row 101 .*positive/);
		expectRefusal([...rows.slice(0, 100), { frequency: 2, monetary: NaN }], /row 101 .*positive/);
		expectRefusal([...rows.slice(0, 100), { frequency: 2.5, monetary: 10 }], /row 101 .*whole number/);
	});

	it('refuses spend with no variation between customers', () => {
		expectRefusal(Array.from({ length: 100 }, (_, i) => ({ frequency: 1 + (i % 4), monetary: 20 })), /could not settle/);
	});

	it('refuses spend so heavy-tailed that the mean order value is infinite', () => {
		const heavy = simulateCustomers({ r: 2, alpha: 10, a: 0.5, b: 5 }, { customers: 3000, age: 52, seed: 4, spend: { p: 2, q: 0.7, v: 10 } });
		expectRefusal(heavy, /heavy-tailed/);
	});
});
