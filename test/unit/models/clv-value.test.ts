import { describe, expect, it } from 'vitest';
import {
	CLV_DEFINITION,
	UNITS_PER_MONTH,
	conditionalExpectedPurchases,
	aliveProbability,
	customerLifetimeValue,
	expectedAverageOrderValue,
	expectedFuturePurchases,
	holdoutComparison,
	predictCustomers,
	predictPurchases,
	probabilityAlive,
	summariseSegments,
	type BgnbdFit,
	type ParetoNbdFit
} from '../../../src/lib/models/clv';
import { simulateCustomers } from '../../../src/lib/models/clv/simulate';

// CDNOW estimates (weeks) from the published fits.
const weekly: BgnbdFit = { r: 0.242593, alpha: 4.413531, a: 0.792888, b: 2.425761, logLikelihood: -9582.43, timeUnit: 'week', customers: 2357, converged: true };
const spend = { p: 6.2488, q: 3.7446, v: 15.4478 };
const customer = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
const options = { horizonMonths: 12, margin: 0.3, monthlyDiscountRate: 0.01 };

describe('customer lifetime value', () => {
	it('is the discounted sum of monthly expected purchases × expected order value × margin', () => {
		const month = 365.25 / 12 / 7;
		const aov = expectedAverageOrderValue(spend, customer);
		let expected = 0;
		for (let m = 1; m <= 12; m++) {
			const purchases = conditionalExpectedPurchases(weekly, customer, m * month) - conditionalExpectedPurchases(weekly, customer, (m - 1) * month);
			expected += (0.3 * aov * purchases) / 1.01 ** m;
		}
		expect(customerLifetimeValue(weekly, customer, aov, options)).toBeCloseTo(expected, 10);
		expect(expected).toBeGreaterThan(0);
	});

	it('telescopes to margin × order value × E[purchases over the horizon] without discounting', () => {
		const aov = 40;
		const undiscounted = customerLifetimeValue(weekly, customer, aov, { ...options, monthlyDiscountRate: 0 });
		const horizon = 12 * UNITS_PER_MONTH.week;
		expect(undiscounted).toBeCloseTo(0.3 * aov * conditionalExpectedPurchases(weekly, customer, horizon), 10);
	});

	it('responds sensibly to horizon, discount rate and margin', () => {
		const clv = (o: Partial<typeof options>): number => customerLifetimeValue(weekly, customer, 40, { ...options, ...o });
		expect(clv({ horizonMonths: 0 })).toBe(0);
		expect(clv({ margin: 0 })).toBe(0);
		expect(clv({ horizonMonths: 24 })).toBeGreaterThan(clv({}));
		expect(clv({ monthlyDiscountRate: 0.05 })).toBeLessThan(clv({}));
		expect(clv({ margin: 0.6 })).toBeCloseTo(2 * clv({}), 10);
	});

	it('does not depend on the time unit the model was fitted in', () => {
		const daily: BgnbdFit = { ...weekly, alpha: 7 * weekly.alpha, timeUnit: 'day' };
		const inDays = { ...customer, recency: 7 * customer.recency, T: 7 * customer.T };
		expect(customerLifetimeValue(daily, inDays, 40, options)).toBeCloseTo(customerLifetimeValue(weekly, customer, 40, options), 10);
	});

	it('rejects meaningless options', () => {
		expect(() => customerLifetimeValue(weekly, customer, 40, { ...options, horizonMonths: 1.5 })).toThrow(RangeError);
		expect(() => customerLifetimeValue(weekly, customer, 40, { ...options, margin: 1.2 })).toThrow(RangeError);
		expect(() => customerLifetimeValue(weekly, customer, 40, { ...options, monthlyDiscountRate: -1 })).toThrow(RangeError);
	});

	it('documents the formula for the data dictionary', () => {
		expect(CLV_DEFINITION).toContain('(1 + d)^m');
		expect(CLV_DEFINITION).toContain('365.25/12 days');
		expect(CLV_DEFINITION).toMatch(/BG\/NBD/);
		expect(CLV_DEFINITION).toMatch(/Gamma-Gamma/);
	});
});

describe('predictCustomers', () => {
	it('agrees with the single-customer functions, also for customers sharing (x, T)', () => {
		const customers = [
			customer,
			{ ...customer, recency: 5 }, // same (x, T), much longer silence
			{ frequency: 0, recency: 0, T: 38.86, monetary: 0 },
			{ frequency: 7, recency: 37, T: 38.86, monetary: 80 }
		];
		const predictions = predictCustomers(weekly, spend, customers, { ...options, purchaseHorizon: 39 });
		expect(predictions[1].pAlive).toBeLessThan(predictions[0].pAlive);
		predictions.forEach((prediction, i) => {
			const c = customers[i];
			const aov = expectedAverageOrderValue(spend, c);
			expect(prediction.pAlive).toBeCloseTo(probabilityAlive(weekly, c), 12);
			expect(prediction.expectedPurchases).toBeCloseTo(conditionalExpectedPurchases(weekly, c, 39), 12);
			expect(prediction.expectedAov).toBeCloseTo(aov, 12);
			expect(prediction.clv).toBeCloseTo(customerLifetimeValue(weekly, c, aov, options), 10);
		});
	});
});

describe('predictPurchases', () => {
	it('gives exactly the single-customer P(alive), expected purchases and CLV per unit of order value, with purchases if alive shared per (x, T)', () => {
		const paretoNbd: ParetoNbdFit = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7, logLikelihood: -9595, timeUnit: 'week', customers: 2357, converged: true };
		const customers = [
			{ frequency: 2, recency: 30.43, T: 38.86 },
			{ frequency: 2, recency: 5, T: 38.86 },
			{ frequency: 2, recency: 30.43, T: 20 },
			{ frequency: 0, recency: 0, T: 38.86 },
			{ frequency: 0, recency: 0, T: 38.86 },
			{ frequency: 7, recency: 37, T: 38.86 }
		];
		for (const fit of [weekly, paretoNbd]) {
			const predicted = predictPurchases(fit, customers, { ...options, purchaseHorizon: 39 });
			customers.forEach((c, i) => {
				expect(predicted.pAlive[i]).toBe(aliveProbability(fit, c));
				expect(predicted.expectedPurchases[i]).toBe(expectedFuturePurchases(fit, c, 39));
				expect(predicted.clvPerAov[i]).toBe(customerLifetimeValue(fit, c, 1, options));
			});
			// Same (x, T), a longer silence: less likely alive, so fewer purchases and less value.
			expect(predicted.clvPerAov[1]).toBeLessThan(predicted.clvPerAov[0]);
		}
	});
});

describe('holdout diagnostics', () => {
	it('predicts the holdout purchases of simulated customers bucket by bucket', () => {
		const truth = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 };
		const sample = simulateCustomers(truth, { customers: 20_000, age: [13, 52], holdout: 39, seed: 123 });
		const rows = holdoutComparison(
			truth,
			sample,
			sample.map((c) => c.holdoutPurchases),
			39
		);
		expect(rows.map((r) => r.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
		expect(rows.reduce((s, r) => s + r.customers, 0)).toBe(20_000);
		for (const row of rows) {
			const members = sample.filter((c) => Math.min(c.frequency, 7) === row.frequency);
			const sd = Math.sqrt(members.reduce((s, c) => s + (c.holdoutPurchases - row.actualMean) ** 2, 0) / (members.length - 1));
			// Conditional expectations are exact under the true parameters: the gap is sampling noise.
			expect(Math.abs(row.predictedMean - row.actualMean)).toBeLessThan((4 * sd) / Math.sqrt(members.length));
		}
	});

	it('counts weighted rows and leaves out empty buckets', () => {
		const rows = holdoutComparison(
			weekly,
			[
				{ frequency: 0, recency: 0, T: 30, weight: 3 },
				{ frequency: 9, recency: 20, T: 30 }
			],
			[1, 4],
			10,
			3
		);
		expect(rows.map((r) => [r.label, r.customers, r.actualMean])).toEqual([
			['0', 3, 1],
			['3+', 1, 4]
		]);
		expect(() => holdoutComparison(weekly, [customer], [], 10)).toThrow(RangeError);
	});
});

describe('summariseSegments', () => {
	it('totals purchases and CLV, averages P(alive), weighted, in first-seen order', () => {
		const summary = summariseSegments([
			{ segment: 'Loyal', pAlive: 0.9, expectedPurchases: 3, clv: 100 },
			{ segment: 'At risk', pAlive: 0.2, expectedPurchases: 0.5, clv: 10, weight: 3 },
			{ segment: 'Loyal', pAlive: 0.7, expectedPurchases: 2, clv: 60 }
		]);
		expect(summary).toHaveLength(2);
		expect(summary[0]).toMatchObject({ segment: 'Loyal', customers: 2, expectedPurchases: 5, predictedClv: 160 });
		expect(summary[0].meanPAlive).toBeCloseTo(0.8, 12);
		expect(summary[1]).toMatchObject({ segment: 'At risk', customers: 3, expectedPurchases: 1.5, predictedClv: 30 });
		expect(summary[1].meanPAlive).toBeCloseTo(0.2, 12);
		expect(summariseSegments([])).toEqual([]);
	});
});
