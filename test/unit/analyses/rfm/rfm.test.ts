import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import { createNativeEngine } from '../../../../src/lib/engine/native-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { customerPage, exportCustomers, runAnalysis } from '../../../../src/lib/analyses/index';
import type { RfmResult } from '../../../../src/lib/analyses/index';
import { RFM_LINES } from '../../../fixtures/analyses/lines';
import { loadTransactions } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
	await loadTransactions(engine, RFM_LINES);
});
afterAll(async () => engine?.close());

/*
 * Hand working (as of 2024-04-01, N = 7 scored customers, p = (rank − 1)/6, score = 1 + ⌊5p⌋):
 *   customer  recency  freq  monetary │ R  F  M │ FM = ⌊(F+M+1)/2⌋ │ standard          simple
 *   a         1        3     300      │ 5  5  4 │ 5                │ Champions         VIPs
 *   b         1        1     50       │ 5  1  1 │ 1                │ New Customers     Potential Loyalists
 *   c         10       2     400      │ 4  3  5 │ 4                │ Loyal Customers   VIPs
 *   d         30       2     160      │ 3  3  3 │ 3                │ Need Attention    Loyal Customers
 *   e         91       4     1200     │ 1  5  5 │ 5                │ Can't Lose Them   At Risk
 *   f         182      1     20       │ 1  1  1 │ 1                │ Lost              Lost Customers
 *   g         60       1     50       │ 2  1  1 │ 1                │ Hibernating       Lost Customers
 * Recency ranks (descending): f 1, e 2, g 3, d 4, c 5, a = b 6 (tie) → R 1, 1, 2, 3, 4, 5, 5.
 * Frequency ranks: b = f = g 1, c = d 4, a 6, e 7 → F 1, 3, 5, 5(capped from 6).
 * Monetary ranks: f 1, b = g 2, d 4, a 5, c 6, e 7 → M 1, 1, 3, 4, 5, 5.
 * h has only a cancellation (−40): excluded, reported separately.
 */
const EXPECTED: Record<string, [number, number, number, number, number, number, string]> = {
	a: [1, 3, 300, 5, 5, 4, 'Champions'],
	b: [1, 1, 50, 5, 1, 1, 'New Customers'],
	c: [10, 2, 400, 4, 3, 5, 'Loyal Customers'],
	d: [30, 2, 160, 3, 3, 3, 'Need Attention'],
	e: [91, 4, 1200, 1, 5, 5, "Can't Lose Them"],
	f: [182, 1, 20, 1, 1, 1, 'Lost'],
	g: [60, 1, 50, 2, 1, 1, 'Hibernating']
};

describe('RFM (hand-worked on RFM_LINES)', () => {
	it('scores with ties sharing a score and assigns the standard segments', async () => {
		const rows = await exportCustomers(engine, {});
		expect(rows.map((r) => r.customer_id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		for (const r of rows) {
			const [rec, freq, mon, R, F, M, seg] = EXPECTED[r.customer_id];
			expect([r.recency_days, r.frequency, r.monetary, r.r, r.f, r.m, r.segment]).toEqual([rec, freq, mon, R, F, M, seg]);
		}
	});

	it('summarises segments, overlays, the heatmap and the cancelled-only customer', async () => {
		const rfm = (await runAnalysis('rfm', engine)) as RfmResult;
		expect(rfm.available).toBe(true);
		expect(rfm.asOf).toBe('2024-04-01');
		expect(rfm.customers).toBe(7);
		expect(rfm.excludedCancelledOnly).toEqual({ customers: 1, revenue: -40 });
		const seg = Object.fromEntries(rfm.segments.map((s) => [s.segment, s]));
		expect(rfm.segments).toHaveLength(11);
		expect(rfm.segments.reduce((s, x) => s + x.customers, 0)).toBe(7);
		expect(seg['Champions']).toMatchObject({ customers: 1, avgRecency: 1, avgFrequency: 3, avgMonetary: 300, revenue: 300 });
		expect(seg['Champions'].share).toBeCloseTo(1 / 7, 12);
		// Total monetary 300+50+400+160+1200+20+50 = 2180
		expect(seg["Can't Lose Them"].revenueShare).toBeCloseTo(1200 / 2180, 12);
		expect(seg['At Risk'].customers).toBe(0);
		// Overlays: Big Spenders = M 5 (c, e); Lost Cheap = R 1 and M 1 (f); no Price Shoppers.
		expect(rfm.overlays.map((o) => [o.overlay, o.customers, o.revenue])).toEqual([
			['Big Spenders', 2, 1600],
			['Lost Cheap', 1, 20]
		]);
		expect(rfm.heatmap.map((h) => [h.r, h.f, h.customers, h.meanMonetary])).toEqual([
			[1, 1, 1, 20],
			[1, 5, 1, 1200],
			[2, 1, 1, 50],
			[3, 3, 1, 160],
			[4, 3, 1, 400],
			[5, 1, 1, 50],
			[5, 5, 1, 300]
		]);
		// Grid: max recency 182 → bin width ⌈183/30⌉ = 7 days.
		expect(rfm.scatter.recencyBinDays).toBe(7);
		expect(rfm.scatter.cells.reduce((s, c) => s + c.customers, 0)).toBe(7);
		expect(rfm.scatter.cells.find((c) => c.recencyFrom === 0 && c.frequencyFrom === 1)).toMatchObject({ recencyTo: 7, frequencyTo: 1, customers: 1, meanMonetary: 50 });
	});

	it('uses the simple scheme and other bin counts without changing segment rules', async () => {
		const simple = (await exportCustomers(engine, { rfmScheme: 'simple' })).map((r) => r.segment);
		expect(simple).toEqual(['VIPs', 'Potential Loyalists', 'VIPs', 'Loyal Customers', 'At Risk', 'Lost Customers', 'Lost Customers']);
		// 3 bins: score = 1 + ⌊3(rank − 1)/6⌋: recency ranks f1 e2 g3 d4 c5 a=b6 → 1 1 2 2 3 3 3.
		const three = await exportCustomers(engine, { rfmBins: 3 });
		expect(Object.fromEntries(three.map((r) => [r.customer_id, r.r]))).toEqual({ a: 3, b: 3, c: 3, d: 2, e: 1, f: 1, g: 2 });
		expect(three.map((r) => r.segment)).toEqual(Object.values(EXPECTED).map((e) => e[6]));
		const rfm = (await runAnalysis('rfm', engine, { rfmScheme: 'simple' })) as RfmResult;
		expect(rfm.segments.map((s) => [s.segment, s.customers])).toEqual([
			['VIPs', 2],
			['Loyal Customers', 1],
			['Potential Loyalists', 1],
			['At Risk', 1],
			['Lost Customers', 2]
		]);
		expect(rfm.overlays).toEqual([]);
	});

	it('computes historical CLTV with margin and profit tertiles', async () => {
		const cltv = await runAnalysis('cltv', engine);
		if (!cltv.available) throw new Error(cltv.reason);
		// Profit = 0.3 × monetary: f 6, b 15, g 15, d 48, a 90, c 120, e 360.
		// P33: position 0.33 × 6 = 1.98 → between 15 and 15 = 15; P66: 3.96 → 48 + 0.96 × (90 − 48) = 88.32.
		expect(cltv.profitBasis).toBe('margin');
		expect(cltv.margin).toBe(0.3);
		expect(cltv.cutPoints.p33).toBeCloseTo(15, 9);
		expect(cltv.cutPoints.p66).toBeCloseTo(88.32, 9);
		expect(cltv.profit).toBeCloseTo(654, 9);
		expect(cltv.segments.map((s) => [s.segment, s.customers])).toEqual([
			['Low', 3],
			['Medium', 1],
			['High', 3]
		]);
		expect(cltv.segments[2].profit).toBeCloseTo(570, 9);
		expect(cltv.top[0]).toEqual({ customerId: 'e', revenue: 1200, profit: 360 });
		const rows = await exportCustomers(engine, { margin: 0.5 });
		expect(Object.fromEntries(rows.map((r) => [r.customer_id, r.cltv_segment]))).toEqual({ a: 'High', b: 'Low', c: 'High', d: 'Medium', e: 'High', f: 'Low', g: 'Low' });
		expect(rows.find((r) => r.customer_id === 'd')!.cltv_profit).toBeCloseTo(80, 9);
	});

	it('uses the cost column for profit when there is one', async () => {
		const e2 = await createNativeEngine();
		try {
			// x: revenue 100 cost 60 + revenue 50 without cost (valued at margin 0.3 → 15) → profit 55.
			await loadTransactions(e2, [
				{ order: 'o1', customer: 'x', ts: '2024-01-01', revenue: 100, cost: 60 },
				{ order: 'o1', customer: 'x', ts: '2024-01-01', revenue: 50 },
				{ order: 'o2', customer: 'y', ts: '2024-01-02', revenue: 10, cost: 4 }
			]);
			const cltv = await runAnalysis('cltv', e2);
			if (!cltv.available) throw new Error(cltv.reason);
			expect(cltv.profitBasis).toBe('cost');
			expect(cltv.linesWithoutCost).toBe(1);
			const rows = await exportCustomers(e2, {});
			expect(rows.map((r) => [r.customer_id, r.cltv_revenue, Math.round(r.cltv_profit * 1e9) / 1e9])).toEqual([
				['x', 150, 55],
				['y', 10, 6]
			]);
		} finally {
			await e2.close();
		}
	});

	it('groups churn by recency against the window', async () => {
		const churn = await runAnalysis('churn', engine);
		if (!churn.available) throw new Error(churn.reason);
		// Window 90: churned e (91), f (182); Low ≤ 30 with more than one order: a c d; Medium ≤ 60: g, and
		// b (1 day, but a one-time buyer is never Low on recency alone); High: none.
		expect(churn.churned).toBe(2);
		expect(churn.churnRate).toBeCloseTo(2 / 7, 12);
		expect(churn.groups.map((g) => [g.group, g.customers])).toEqual([
			['Churned', 2],
			['High', 0],
			['Medium', 2],
			['Low', 3]
		]);
		// The model needs ≥ 20 customers: the P(alive) side says why it is missing.
		expect(churn.pAlive.available).toBe(false);
		// Window 30: churned e f g; Low ≤ 10 with more than one order: a c; Medium ≤ 20: b (one-time, 1 day); High: d (30).
		const c30 = await runAnalysis('churn', engine, { churnDays: 30 });
		if (!c30.available) throw new Error(c30.reason);
		expect(c30.groups.map((g) => [g.group, g.customers])).toEqual([
			['Churned', 3],
			['High', 1],
			['Medium', 1],
			['Low', 2]
		]);
		expect(c30.thresholds).toEqual({ low: 10, medium: 20 });
	});

	it('pages, sorts and filters the customer table in SQL', async () => {
		const page = await customerPage(engine, {}, { sort: { column: 'monetary', direction: 'desc' }, offset: 1, limit: 2 });
		expect(page.total).toBe(7);
		expect(page.rows.map((r) => r.customer_id)).toEqual(['c', 'a']);
		expect(page.modelNote).toMatch(/^Predictive columns are empty: /);
		expect(page.rows[0].p_alive).toBeNull();
		expect(typeof page.rows[0].churned).toBe('boolean');
		const lost = await customerPage(engine, {}, { filter: { churnRisk: 'Churned' } });
		expect(lost.rows.map((r) => r.customer_id)).toEqual(['e', 'f']);
		const seg = await customerPage(engine, {}, { filter: { segment: "Can't Lose Them" } });
		expect(seg.rows.map((r) => r.customer_id)).toEqual(['e']);
		const cohort = await customerPage(engine, {}, { filter: { cohort: '2023-10' } });
		expect(cohort.rows.map((r) => r.customer_id)).toEqual(['e', 'f']);
		const quote = await customerPage(engine, {}, { filter: { search: "' OR 1=1 --" } });
		expect(quote.total).toBe(0);
		await expect(customerPage(engine, {}, { sort: { column: 'monetary; DROP TABLE transactions' as 'monetary', direction: 'asc' } })).rejects.toThrow(/cannot sort/);
	});
});
