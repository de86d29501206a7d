import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { runAnalyses, runAnalysis } from '../../../../src/lib/analyses/index';
import type { BreakdownResult } from '../../../../src/lib/analyses/index';
import { BREAKDOWN_LINES, DEAL_LINES, KPI_LINES } from '../../../fixtures/analyses/lines';
import { dropCustomers, loadCustomers, loadTransactions } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

const rows = (b: BreakdownResult) => b.rows.map((r) => [r.label, r.lines, r.orders, r.units, r.revenue]);

describe('breakdowns (worked by hand on BREAKDOWN_LINES)', () => {
	it('ranks products by net revenue, top 20 + Other + not given', async () => {
		await loadTransactions(engine, BREAKDOWN_LINES);
		const r = await runAnalyses(engine, {}, ['products', 'categories', 'countries', 'kpis']);
		const p = r.products as BreakdownResult;
		expect(p.available).toBe(true);
		// P01 nets 100 − 100 = 0 after its cancellation, so the top 20 are P02 … P21; Other = P22, P23, P01.
		expect(p.distinct).toBe(23);
		expect(p.rows).toHaveLength(22);
		expect(rows(p).slice(0, 2)).toEqual([
			['P02', 1, 1, 1, 99],
			['P03', 1, 1, 1, 98]
		]);
		expect(rows(p)[19]).toEqual(['P21', 1, 1, 2, 60]);
		// Other: P22 (O21) 50, P23 (O23) 40, P01 (O01 + C25) 0 → 4 lines, orders O21 O23 O01, units 1 + 3 + 1.
		expect(rows(p)[20]).toEqual(['Other (3)', 4, 3, 5, 90]);
		expect(p.rows[20].isOther).toBe(true);
		expect(rows(p)[21]).toEqual(['(not given)', 1, 1, 1, 30]);
		expect(p.rows[21].isMissing).toBe(true);
		// Net revenue in scope: 1810 + 60 + 50 + 40 + 30 − 100 = 1890.
		expect(p.rows[0].share).toBeCloseTo(99 / 1890, 12);
		expect(r.kpis.available && r.kpis.products).toBe(23);

		const c = r.categories as BreakdownResult;
		// Books: P11…P20 (855) + P21 + P22 = 965, 12 lines, 11 orders; Toys: P01…P10 (955) + O24 30 − C25 100 = 885.
		expect(rows(c)).toEqual([
			['Books', 12, 11, 13, 965],
			['Toys', 12, 11, 11, 885],
			['(not given)', 1, 1, 3, 40]
		]);
	});

	it('shows all countries when there are exactly top + 1, from the order-level table', async () => {
		const r = await runAnalysis('countries', engine);
		if (!r.available) throw new Error(r.reason);
		expect(r.distinct).toBe(11);
		// A: 100 + 89 + 60 + 50 − 100 = 199 (O01, O12, O21 ×2, C25; orders O01 O12 O21); B: 99 + 88 + 40 = 227.
		expect(rows(r).slice(0, 2)).toEqual([
			['Country B', 3, 3, 5, 227],
			['Country A', 5, 3, 5, 199]
		]);
		expect(r.rows.map((x) => x.label)).toEqual([
			'Country B',
			'Country A',
			...['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((l) => `Country ${l}`),
			'(not given)'
		]);
		expect(r.rows.some((x) => x.isOther)).toBe(false);
		// With a top of 10 and 12 values, the last two become "Other (2)".
		await loadTransactions(engine, [...BREAKDOWN_LINES, { order: 'Z1', customer: 'k9', ts: '2024-01-25', revenue: 1, country: 'Country L' }]);
		const r2 = await runAnalysis('countries', engine);
		if (!r2.available) throw new Error(r2.reason);
		expect(rows(r2).slice(10)).toEqual([
			['Other (2)', 2, 2, 1, 91], // K (P11, 1 unit, 90) + L (no quantity, 1)
			['(not given)', 1, 1, 1, 30]
		]);
	});

	it('bands orders around the median order value without a deal-size column', async () => {
		await loadTransactions(engine, DEAL_LINES);
		const d = await runAnalysis('dealSize', engine);
		if (!d.available) throw new Error(d.reason);
		// Order values 10, 40, 100, 100, 150, 250, 900 → median 100: Small < 50, Large > 200.
		expect(d.basis).toBe('bands');
		expect(d.bands).toEqual({ medianOrderValue: 100, smallBelow: 50, largeAbove: 200 });
		expect(d.rows.map((r) => [r.label, r.lines, r.orders, r.revenue])).toEqual([
			['Small', 2, 2, 50],
			['Medium', 4, 3, 350],
			['Large', 3, 2, 1150]
		]);
		expect(d.rows[2].share).toBeCloseTo(1150 / 1550, 12);
	});

	it('uses the deal-size column when there is one', async () => {
		await loadTransactions(engine, [
			{ order: 'o1', customer: 'a', ts: '2024-01-01', revenue: 10, deal: 'Small' },
			{ order: 'o1', customer: 'a', ts: '2024-01-01', revenue: 20, deal: 'Small' },
			{ order: 'o2', customer: 'a', ts: '2024-01-02', revenue: 500, deal: 'Large' },
			{ order: 'o3', customer: 'b', ts: '2024-01-03', revenue: 5, deal: null }
		]);
		const d = await runAnalysis('dealSize', engine);
		if (!d.available) throw new Error(d.reason);
		expect(d.basis).toBe('column');
		expect(d.rows.map((r) => [r.label, r.lines, r.orders, r.revenue])).toEqual([
			['Large', 1, 1, 500],
			['Small', 2, 1, 30],
			['(not given)', 1, 1, 5]
		]);
	});
});

describe('demographics (KPI_LINES + a customers table)', () => {
	it('profiles age bands, gender, city and channel', async () => {
		await loadTransactions(engine, KPI_LINES);
		await loadCustomers(engine, [
			{ customer_id: 'c1', age: 30, gender: 'F', city: 'London', customer_channel: 'Web' },
			{ customer_id: 'c2', age: 45, gender: 'M', city: 'Paris', customer_channel: 'Store' },
			{ customer_id: 'c3', age: 17, gender: 'F', city: 'Leeds', customer_channel: 'Web' },
			{ customer_id: 'c4', age: null, gender: 'F', city: 'London', customer_channel: 'Web' }
		]);
		try {
			const d = await runAnalysis('demographics', engine);
			if (!d.available) throw new Error(d.reason);
			// c3 has only a cancellation and c5 no attributes: matched = c1, c2, c4.
			// c1: orders 2, order revenue 30, revenue 30; c2: 2, 130, 100; c4: 1, 200, 200 − 100 = 100
			// (E1, cancelled by its status, leaves the money; R1's −100 reverses a sale and stays). Total 230.
			expect(d.customersMatched).toBe(3);
			const dim = (n: string) => d.dimensions.find((x) => x.dimension === n)!.rows;
			expect(dim('age').map((r) => [r.label, r.customers, r.orders, r.aov, r.revenue])).toEqual([
				['25–34', 1, 2, 15, 30],
				['45–54', 1, 2, 65, 100],
				['Unknown', 1, 1, 200, 100]
			]);
			const gender = dim('gender');
			expect(gender.map((r) => [r.label, r.customers, r.orders, r.revenue])).toEqual([
				['F', 2, 3, 130],
				['M', 1, 2, 100]
			]);
			expect(gender[0].aov).toBeCloseTo(230 / 3, 12);
			expect(gender[0].revenueShare).toBeCloseTo(130 / 230, 12);
			// F: c1 P1 20 + 10, P2 5 − 5; c4 P3 200 − 100 (E1's P2 5 left out) → P3 100, P1 30, P2 0.
			expect(gender[0].topProducts).toEqual([
				{ product: 'P3', revenue: 100 },
				{ product: 'P1', revenue: 30 },
				{ product: 'P2', revenue: 0 }
			]);
			expect(dim('city').map((r) => [r.label, r.customers])).toEqual([
				['London', 2],
				['Paris', 1]
			]);
			expect(dim('channel').map((r) => [r.label, r.customers, r.revenue])).toEqual([
				['Web', 2, 130],
				['Store', 1, 100]
			]);
		} finally {
			await dropCustomers(engine);
		}
		expect((await runAnalysis('demographics', engine)).available).toBe(false);
	});
});
