import { describe, expect, it } from 'vitest';
import {
	UNITS_PER_MONTH,
	aliveRisk,
	chooseModel,
	customerLifetimeValue,
	expectedFuturePurchases,
	paretoNbdConditionalExpectedPurchases,
	paretoNbdDropoutShare,
	paretoNbdProbabilityAlive,
	predictCustomers,
	summariseObservation,
	type HoldoutCustomer,
	type ParetoNbdFit,
	type PurchaseModelParams
} from '../../../src/lib/models/clv';
import { simulateCustomers, simulateParetoNbdCustomers } from '../../../src/lib/models/clv/simulate';
import { CDNOW, cdnowTransactions, dayNumber } from './clv-cdnow-data';

/** Per-customer RMSE written out again, from the definition. */
function rmse(params: PurchaseModelParams, customers: readonly HoldoutCustomer[], t: number): number {
	const errors = customers.map((c) => (expectedFuturePurchases(params, c, t) - c.holdoutPurchases) ** 2);
	return Math.sqrt(errors.reduce((a, b) => a + b, 0) / errors.length);
}

function choose(customers: readonly HoldoutCustomer[], holdout: number) {
	const result = chooseModel(customers, holdout, { timeUnit: 'week' });
	if (!result.ok) throw new Error(result.reason);
	const { bgnbd, paretoNbd } = result.fit;
	if (!bgnbd.ok || !paretoNbd.ok) throw new Error('both models should fit');
	return { ...result.fit, bg: bgnbd.fit, pn: paretoNbd.fit };
}

describe('chooseModel', () => {
	it.each([1, 2])('picks the model that generated the data (seed %i), by the lower holdout RMSE', (seed) => {
		const fromPareto = simulateParetoNbdCustomers({ r: 0.8, alpha: 8, s: 0.7, beta: 15 }, { customers: 3000, age: [10, 60], holdout: 30, seed });
		const p = choose(fromPareto, 30);
		expect(p.chosen).toBe('paretoNbd');
		expect(p.holdoutRmse.paretoNbd).toBeCloseTo(rmse(p.pn, fromPareto, 30), 12);
		expect(p.holdoutRmse.bgnbd).toBeCloseTo(rmse(p.bg, fromPareto, 30), 12);
		expect(p.reason).toMatch(/^Pareto\/NBD was used because .*last 30 weeks.* better: RMS error \d\.\d{3} per customer against \d\.\d{3} for BG\/NBD\.$/);

		const fromBgnbd = simulateCustomers({ r: 0.8, alpha: 8, a: 0.5, b: 2 }, { customers: 3000, age: [10, 60], holdout: 30, seed });
		const b = choose(fromBgnbd, 30);
		expect(b.chosen).toBe('bgnbd');
		expect(b.holdoutRmse.bgnbd!).toBeLessThan(b.holdoutRmse.paretoNbd!);
		expect(b.reason).toMatch(/^BG\/NBD was used because/);
	});

	it('says "marginally better" rather than "1.234 against 1.234" when the two errors agree to four digits', () => {
		// A data set (found by trying seeds) on which the two models' holdout errors differ only in the fifth digit.
		const customers = simulateParetoNbdCustomers({ r: 0.8, alpha: 8, s: 1, beta: 40 }, { customers: 2000, age: [10, 60], holdout: 30, seed: 4 });
		const c = choose(customers, 30);
		const [bg, pn] = [rmse(c.bg, customers, 30), rmse(c.pn, customers, 30)];
		expect(bg.toPrecision(4)).toBe(pn.toPrecision(4));
		expect(bg).not.toBe(pn);
		const [label, lower] = pn < bg ? ['Pareto/NBD', pn] : ['BG/NBD', bg];
		expect(c.reason).toBe(`${label} was used because it predicted the purchases of a period held out from fitting (the last 30 weeks) marginally better: both RMS errors are ${lower.toPrecision(4)} per customer to four digits.`);
	});

	it('ranks weighted rows holding mean holdout counts as it ranks the customers themselves', () => {
		const customers = simulateParetoNbdCustomers({ r: 0.8, alpha: 8, s: 0.7, beta: 15 }, { customers: 600, age: 30, holdout: 20, seed: 5 })
			.map((c) => ({ ...c, recency: Math.round(c.recency) }));
		const rows = new Map<string, HoldoutCustomer & { sum: number }>();
		for (const c of customers) {
			const key = `${c.frequency},${c.recency}`;
			const row = rows.get(key) ?? { frequency: c.frequency, recency: c.recency, T: c.T, weight: 0, sum: 0, holdoutPurchases: 0 };
			rows.set(key, row);
			row.weight! += 1;
			row.sum += c.holdoutPurchases;
		}
		const grouped = [...rows.values()].map(({ sum, ...row }) => ({ ...row, holdoutPurchases: sum / row.weight! }));
		expect(grouped.length).toBeLessThan(customers.length);
		const single = chooseModel(customers, 20, { timeUnit: 'week' });
		const weighted = chooseModel(grouped, 20, { timeUnit: 'week' });
		if (!single.ok || !weighted.ok) throw new Error('both should fit');
		expect(weighted.fit.chosen).toBe(single.fit.chosen);
		// The within-row spread is the same for both models: the squared errors differ by the same amount.
		const gap = (f: typeof single.fit): number => f.holdoutRmse.bgnbd! ** 2 - f.holdoutRmse.paretoNbd! ** 2;
		expect(gap(weighted.fit)).toBeCloseTo(gap(single.fit), 8);
	});

	it('refuses when neither model can be fitted, and a holdout of no length', () => {
		const few = [{ frequency: 1, recency: 2, T: 5, holdoutPurchases: 0 }];
		const result = chooseModel(few, 10, { timeUnit: 'day' });
		expect(result.ok).toBe(false);
		expect(() => chooseModel(few, 0, { timeUnit: 'day' })).toThrow(RangeError);
	});
});

describe.skipIf(CDNOW.missing)(CDNOW.title('chooseModel on CDNOW: 39 calibration weeks, 39 holdout weeks'), () => {
	it('fits both models on the calibration period and names the one with the lower holdout RMSE', () => {
		const cut = dayNumber('19971001');
		const end = dayNumber('19980701');
		const days = new Map<string, Set<number>>();
		for (const t of !CDNOW.missing ? cdnowTransactions() : []) {
			const set = days.get(t.customer) ?? new Set<number>();
			days.set(t.customer, set);
			set.add(t.day);
		}
		const customers = [...days.values()].map((set) => {
			const all = [...set].sort((a, b) => a - b);
			const cal = all.filter((d) => d < cut);
			const summary = summariseObservation({ firstDay: cal[0], lastDay: cal[cal.length - 1], purchaseDays: cal.length }, cut, 7);
			return { ...summary, holdoutPurchases: all.length - cal.length };
		});
		const holdout = (end - cut) / 7;
		const c = choose(customers, holdout);
		// The calibration fits are the published ones (FHL 2005).
		expect(c.bg.a).toBeCloseTo(0.7929, 3);
		expect(c.pn.s).toBeCloseTo(0.6061, 3);
		const bg = rmse(c.bg, customers, holdout);
		const pn = rmse(c.pn, customers, holdout);
		expect(c.chosen).toBe(pn < bg ? 'paretoNbd' : 'bgnbd');
		// FHL (2005) find the two models' holdout predictions on CDNOW very close.
		expect(Math.abs(bg - pn) / bg).toBeLessThan(0.02);
	});
});

describe('aliveRisk', () => {
	const bg = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
	const pn = { r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.6688 };
	const span = 78;
	const oneTimeLongAgo = { frequency: 0, recency: 0, T: 78 };

	it('never calls a one-time buyer low risk on a BG/NBD P(alive) of 1', () => {
		expect(aliveRisk(oneTimeLongAgo, bg, null, span)).toEqual({ group: 'Medium', pAlive: null });
		const withPareto = aliveRisk(oneTimeLongAgo, bg, pn, span);
		expect(withPareto.pAlive).toBe(paretoNbdProbabilityAlive(pn, oneTimeLongAgo));
		// 1/(1 + s·∫…) at the CDNOW fit: a one-time buyer quiet for 78 weeks is more likely gone than not.
		expect(withPareto.pAlive!).toBeLessThan(0.5);
		expect(withPareto.group).not.toBe('Low');
	});

	it('does not trust a Pareto/NBD fit that sees (almost) nobody leave', () => {
		// s = 1e-5, β = 3.5e6: 1 − (β/(β+78))^s ≈ 2.2e-10 of customers drop out within the data.
		const noDropout = { r: 0.83, alpha: 69, s: 1e-5, beta: 3.5e6 };
		expect(paretoNbdDropoutShare(noDropout, span)).toBeCloseTo(1e-5 * Math.log1p(78 / 3.5e6), 15);
		expect(paretoNbdProbabilityAlive(noDropout, oneTimeLongAgo)).toBeGreaterThan(0.99);
		expect(aliveRisk(oneTimeLongAgo, noDropout, noDropout, span)).toEqual({ group: 'Medium', pAlive: null });
		expect(aliveRisk(oneTimeLongAgo, bg, noDropout, span)).toEqual({ group: 'Medium', pAlive: null });
		// CDNOW's fit: 1 − (11.6688/89.6688)^0.6061 ≈ 71 % drop out within 78 weeks.
		expect(paretoNbdDropoutShare(pn, span)).toBeCloseTo(1 - (11.6688 / 89.6688) ** 0.6061, 12);
	});

	it('uses the model in use for repeat buyers and for everyone under Pareto/NBD', () => {
		const recentRepeat = { frequency: 4, recency: 38, T: 39 };
		expect(aliveRisk(recentRepeat, bg, pn, span).group).toBe('Low');
		const goneRepeat = { frequency: 4, recency: 5, T: 78 };
		expect(aliveRisk(goneRepeat, bg, pn, span).group).toBe('High');
		const justArrived = { frequency: 0, recency: 0, T: 1 };
		expect(aliveRisk(justArrived, pn, pn, span).group).toBe('Low');
	});
});

describe('CLV and predictions with Pareto/NBD', () => {
	const fit: ParetoNbdFit = { r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.6688, logLikelihood: -9594.98, timeUnit: 'week', customers: 2357, converged: true };
	const customer = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };

	it('telescopes to margin × order value × Pareto/NBD E[purchases over the horizon] without discounting', () => {
		const clv = customerLifetimeValue(fit, customer, 40, { horizonMonths: 12, margin: 0.3, monthlyDiscountRate: 0 });
		expect(clv).toBeCloseTo(0.3 * 40 * paretoNbdConditionalExpectedPurchases(fit, customer, 12 * UNITS_PER_MONTH.week), 10);
	});

	it('predictCustomers agrees with the single-customer Pareto/NBD functions', () => {
		const spend = { p: 6.2488, q: 3.7446, v: 15.4478 };
		const [row] = predictCustomers(fit, spend, [customer], { horizonMonths: 12, margin: 1, monthlyDiscountRate: 0.01, purchaseHorizon: 39 });
		expect(row.pAlive).toBe(paretoNbdProbabilityAlive(fit, customer));
		expect(row.expectedPurchases).toBeCloseTo(paretoNbdConditionalExpectedPurchases(fit, customer, 39), 12);
	});
});
