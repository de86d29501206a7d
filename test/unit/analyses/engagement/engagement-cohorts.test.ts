import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { customerPage, runAnalysis } from '../../../../src/lib/analyses/index';
import { COHORT_LINES, ENGAGEMENT_LINES } from '../../../fixtures/analyses/lines';
import { loadTransactions } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

describe('engagement (40-day fixture, worked by hand)', () => {
	it('computes DAU, MAU and stickiness for every calendar day', async () => {
		await loadTransactions(engine, ENGAGEMENT_LINES);
		const e = await runAnalysis('engagement', engine);
		if (!e.available) throw new Error(e.reason);
		expect(e.days).toBe(40);
		expect([e.from, e.to]).toEqual(['2024-01-01', '2024-02-09']);
		// DAU: day 1 → u1, u2; day 2, 20, 31, 35, 40 → one each; day 15 guest and day 25 cancellation → 0.
		const dau = new Array(40).fill(0);
		dau[0] = 2;
		for (const d of [2, 20, 31, 35, 40]) dau[d - 1] = 1;
		expect(e.series.map((p) => p.dau)).toEqual(dau);
		// Coverage (order day e counts for e … e+29): u1 1–31 and 35–40, u2 1–40, u3 20–40, u4 40.
		// MAU: days 1–19 → 2, 20–31 → 3, 32–34 → 2, 35–39 → 3, 40 → 4.
		const mau = [...Array(19).fill(2), ...Array(12).fill(3), ...Array(3).fill(2), ...Array(5).fill(3), 4];
		expect(e.series.map((p) => p.mau)).toEqual(mau);
		expect(e.avgDau).toBeCloseTo(7 / 40, 12);
		// Days 1–29 look back past the first order date (day 1): their MAU is incomplete. Days 30–40 (11 days):
		// MAU 3, 3, 2, 2, 2, 3, 3, 3, 3, 3, 4 = 31; DAU on days 31, 35, 40 = 3.
		expect([e.completeFrom, e.completeDays]).toEqual(['2024-01-30', 11]);
		expect(e.avgMau).toBeCloseTo(31 / 11, 12);
		expect(e.stickiness).toBeCloseTo(3 / 31, 12);
		expect(e.series.map((p) => p.complete)).toEqual([...Array(29).fill(false), ...Array(11).fill(true)]);
		expect(e.series[0]).toEqual({ date: '2024-01-01', dau: 2, mau: 2, ratio: 1, complete: false });
		expect(e.series[39]).toEqual({ date: '2024-02-09', dau: 1, mau: 4, ratio: 0.25, complete: true });
		expect(e.downsampled).toBe(false);
	});
});

describe('engagement with no complete 30-day window', () => {
	it('gives no average MAU and no stickiness when the data spans under 30 days', async () => {
		await loadTransactions(engine, ENGAGEMENT_LINES.filter((l) => l.ts < '2024-01-21'));
		const e = await runAnalysis('engagement', engine);
		if (!e.available) throw new Error(e.reason);
		// Days 1–20 only: every window reaches back before 1 January.
		expect([e.days, e.completeFrom, e.completeDays, e.avgMau, e.stickiness]).toEqual([20, null, 0, null, null]);
		// DAU: day 1 → 2, day 2 → 1, day 20 → 1.
		expect(e.avgDau).toBeCloseTo(4 / 20, 12);
		expect(e.series.every((p) => !p.complete)).toBe(true);
	});
});

describe('cohorts (worked by hand)', () => {
	it('tables share still ordering and revenue by month of first order', async () => {
		await loadTransactions(engine, COHORT_LINES);
		const c = await runAnalysis('cohorts', engine);
		if (!c.available) throw new Error(c.reason);
		const cells = (i: number) => c.cohorts[i].cells.map((x) => [x.monthsSince, x.activeCustomers, x.share, x.revenue]);
		expect(c.cohorts.map((x) => [x.cohort, x.customers])).toEqual([
			['2024-01', 2],
			['2024-02', 1],
			['2024-03', 1]
		]);
		// January (k1, k2): Jan both 300; Feb k1 50; Mar k2 20; Apr k1 30. k5 (cancellation only) is no cohort member.
		expect(cells(0)).toEqual([
			[0, 2, 1, 300],
			[1, 1, 0.5, 50],
			[2, 1, 0.5, 20],
			[3, 1, 0.5, 30]
		]);
		// February (k3, first non-cancelled order 02-14): Feb −10 + 40 + 10 = 40.
		expect(cells(1)).toEqual([
			[0, 1, 1, 40],
			[1, 0, 0, 0],
			[2, 0, 0, 0]
		]);
		// March (k4): Mar 60; Apr only an all-negative (cancelled) order: not active, revenue −15.
		expect(cells(2)).toEqual([
			[0, 1, 1, 60],
			[1, 0, 0, -15]
		]);
		expect(c.maxMonthsSince).toBe(3);
	});
});

describe('cohorts under a date filter (worked by hand)', () => {
	it('keeps each customer in the cohort of their first order in the whole history; the filter limits the months shown', async () => {
		await loadTransactions(engine, COHORT_LINES);
		const c = await runAnalysis('cohorts', engine, { filters: { dateFrom: '2024-03-01', dateTo: null, countries: [], categories: [], statuses: [] } });
		if (!c.available) throw new Error(c.reason);
		// In scope: k2 03-03 (20), k4 03-15 (60), k4 04-01 (−15, a return only), k1 04-02 (30). First orders over the whole
		// history: k1, k2 January; k3 February; k4 March. Inside the filter alone k2 would be a March and k1 an April cohort.
		// January (size 2, both customers): March = month 2, k2 (20); April = month 3, k1 (30).
		// February (k3) has no order in the period: not shown. March (k4): month 0 60; month 1 only the return: inactive, −15.
		expect(c.cohorts.map((k) => [k.cohort, k.customers, k.cells.map((x) => [x.monthsSince, x.activeCustomers, x.share, x.revenue])])).toEqual([
			['2024-01', 2, [[2, 1, 0.5, 20], [3, 1, 0.5, 30]]],
			['2024-03', 1, [[0, 1, 1, 60], [1, 0, 0, -15]]]
		]);
		expect(c.maxMonthsSince).toBe(3);
	});

	it('gives the customer list the same acquisition month as the cohorts panel', async () => {
		const filters = { dateFrom: '2024-03-01', dateTo: null, countries: [], categories: [], statuses: [] };
		// In scope from 1 March: k1 (April), k2 (March), k4 (March). k1 and k2 were acquired in January.
		const january = await customerPage(engine, { filters }, { filter: { cohort: '2024-01' } });
		expect(january.rows.map((r) => r.customer_id).sort()).toEqual(['k1', 'k2']);
		const march = await customerPage(engine, { filters }, { filter: { cohort: '2024-03' } });
		expect(march.rows.map((r) => r.customer_id)).toEqual(['k4']);
		const april = await customerPage(engine, { filters }, { filter: { cohort: '2024-04' } });
		expect(april.total).toBe(0);
	});

	it('an end date only drops the later months and the cohorts with no order before it', async () => {
		const c = await runAnalysis('cohorts', engine, { filters: { dateFrom: null, dateTo: '2024-02-29', countries: [], categories: [], statuses: [] } });
		if (!c.available) throw new Error(c.reason);
		// January: Jan both (100 + 200), Feb k1 (50). February (k3): −10 + 40 + 10. March (k4) has nothing before 1 March.
		expect(c.cohorts.map((k) => [k.cohort, k.customers, k.cells.map((x) => [x.monthsSince, x.activeCustomers, x.share, x.revenue])])).toEqual([
			['2024-01', 2, [[0, 2, 1, 300], [1, 1, 0.5, 50]]],
			['2024-02', 1, [[0, 1, 1, 40]]]
		]);
		expect(c.maxMonthsSince).toBe(1);
	});
});
