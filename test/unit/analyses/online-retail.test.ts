/**
 * The UCI Online Retail file (541,909 lines): the published facts in ../shared/datasets/SOURCES.md
 * hold in the analyses' results. Loaded with a plain CREATE TABLE … AS from read_csv (see uci.ts),
 * on the native engine (the engines are checked against each other on the fixtures).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import type { Engine } from '../../../src/lib/engine/engine';
import { exportCustomers, runAll } from '../../../src/lib/analyses/index';
import type { AnalysisResults } from '../../../src/lib/analyses/index';
import { UCI, loadUci } from '../../fixtures/analyses/uci';

let engine: Engine;
let r: AnalysisResults;
beforeAll(async () => {
	if (UCI.missing) return;
	engine = await createNativeEngine();
	await loadUci(engine);
	r = await runAll(engine);
});
afterAll(async () => engine?.close());

describe.skipIf(UCI.missing)(UCI.title('UCI Online Retail 2010-2011'), () => {
	it('matches the published facts', async () => {
		if (!r.kpis.available || !r.dataQuality.available || !r.countries.available) throw new Error('unavailable');
		// sum(Quantity × UnitPrice) = 9,747,747.93 = net revenue (returns and cancellations included).
		expect(r.kpis.revenue).toBeCloseTo(9_747_747.93, 2);
		expect(r.kpis.customers).toBe(4_372);
		// 25,900 invoices = non-cancelled orders + cancellations.
		expect(r.kpis.orders + r.kpis.cancelledOrders).toBe(25_900);
		expect(r.dataQuality.lines).toBe(541_909);
		expect(r.dataQuality.lines - r.dataQuality.linesWithoutCustomer).toBe(406_829);
		expect(r.dataQuality.linesWithoutProduct).toBe(1_454);
		expect(r.countries.distinct).toBe(38);
		expect([r.kpis.period.from, r.kpis.period.to, r.asOf]).toEqual(['2010-12-01', '2011-12-09', '2011-12-10']);
		const [{ q, c }] = await engine.query<{ q: number; c: number }>(
			"SELECT sum(quantity) AS q, count(*) FILTER (WHERE order_id LIKE 'C%') AS c FROM transactions"
		);
		expect(q).toBe(5_176_450);
		expect(c).toBe(9_288);
		// Every C-prefixed line is in a cancelled order.
		expect(r.dataQuality.cancelledLines).toBeGreaterThanOrEqual(9_288);
	});

	it('is internally consistent', async () => {
		if (!r.kpis.available || !r.trend.available || !r.rfm.available || !r.churn.available || !r.cltv.available || !r.products.available) throw new Error('unavailable');
		const monthly = r.trend.months.reduce((s, m) => s + m.revenue, 0);
		expect(monthly).toBeCloseTo(r.kpis.revenue, 4);
		expect(r.kpis.grossSales - r.kpis.returnedValue).toBeCloseTo(r.kpis.revenue, 4);
		expect(r.trend.partialLast).toBe(true);
		expect(r.trend.partialFirst).toBe(false);
		expect(r.trend.months.at(-1)!.month).toBe('2011-12');
		// Customers with only cancellations are excluded from RFM, the rest are scored.
		expect(r.rfm.customers + r.rfm.excludedCancelledOnly.customers).toBe(4_372);
		expect(r.rfm.segments.reduce((s, x) => s + x.customers, 0)).toBe(r.rfm.customers);
		const [{ identified }] = await engine.query<{ identified: number }>('SELECT sum(revenue) AS identified FROM transactions WHERE customer_id IS NOT NULL');
		const rows = await exportCustomers(engine, {});
		expect(rows.reduce((s, x) => s + x.monetary, 0) + r.rfm.excludedCancelledOnly.revenue).toBeCloseTo(identified, 4);
		expect(r.churn.customers).toBe(r.rfm.customers);
		expect(r.cltv.segments.reduce((s, x) => s + x.customers, 0)).toBe(r.rfm.customers);
		expect(r.products.rows.reduce((s, x) => s + x.revenue, 0)).toBeCloseTo(r.kpis.revenue, 4);
		// The widely reported BG/NBD fit of this data set (lifetimes, daily): r ≈ 0.83, α ≈ 69, b ≈ 6.7, a ≈ 0.
		if (!r.clv.available) throw new Error(r.clv.reason);
		expect(r.clv.bgnbd.r).toBeCloseTo(0.83, 1);
		expect(r.clv.bgnbd.alpha).toBeGreaterThan(60);
		expect(r.clv.bgnbd.alpha).toBeLessThan(78);
		expect(r.clv.gammaGamma).not.toBeNull();
		expect(r.forecast.available).toBe(true);
	});
});
