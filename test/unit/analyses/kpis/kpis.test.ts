import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { runAnalyses, runAnalysis, runAll, ANALYSIS_NAMES, ANALYSES, affectedAnalyses, withDefaults } from '../../../../src/lib/analyses/index';
import { KPI_LINES } from '../../../fixtures/analyses/lines';
import { loadTransactions } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
	await loadTransactions(engine, KPI_LINES);
});
afterAll(async () => engine?.close());

describe('KPIs (hand-worked on KPI_LINES)', () => {
	it('computes every headline number by its definition', async () => {
		const k = await runAnalysis('kpis', engine);
		if (!k.available) throw new Error(k.reason);
		// E1 is cancelled by its status: its positive line (5) is left out of the money; the negative
		// lines of C1, C2 and R1 stay, they reverse earlier sales.
		// Net = 20+5+10−5+30−30+100−10+200+50−100+12 = 282
		expect(k.revenue).toBeCloseTo(282, 9);
		// Gross = positive lines except E1's: 20+5+10+30+100+200+50+12 = 427; returned = 5+30+10+100 = 145
		expect(k.grossSales).toBeCloseTo(427, 9);
		expect(k.returnedValue).toBeCloseTo(145, 9);
		// Orders: A1 A2 B1 B2 D1 G1 X1 (C1 C2 by prefix, E1 by status, R1 all negative are cancellations)
		expect(k.orders).toBe(7);
		expect(k.cancelledOrders).toBe(4);
		// AOV = (25 + 5 + 30 + 100 + 200 + 50 + 12) / 7 = 422 / 7
		expect(k.aov).toBeCloseTo(422 / 7, 9);
		// Units: positive quantities 2+1+1+3+1+2+5 = 15 (the cancelled-status line's 1 left out)
		expect(k.units).toBe(15);
		expect(k.customers).toBe(5);
		expect(k.products).toBe(3);
		expect(k.lines).toBe(13);
		expect(k.returnLines).toBe(4);
		expect(k.period).toEqual({ from: '2024-01-05', to: '2024-03-10', days: 66 });
		expect(k.asOf).toBe('2024-03-11');
	});

	it('filters by country, date range and status with values escaped, never interpolated', async () => {
		const fr = await runAnalysis('kpis', engine, { filters: { ...withDefaults().filters, countries: ['FR'] } });
		if (!fr.available) throw new Error(fr.reason);
		// FR: B1 30, C1 −30, B2 100
		expect(fr.revenue).toBeCloseTo(100, 9);
		expect(fr.orders).toBe(2);
		expect(fr.aov).toBeCloseTo(65, 9);
		const feb = await runAnalysis('kpis', engine, { filters: { ...withDefaults().filters, dateFrom: '2024-02-01', dateTo: '2024-02-29' } });
		if (!feb.available) throw new Error(feb.reason);
		// A2 10 − 5, C2 −10, G1 50
		expect(feb.revenue).toBeCloseTo(45, 9);
		expect(feb.orders).toBe(2);
		expect(feb.asOf).toBe('2024-02-16');
		const hostile = await runAnalysis('kpis', engine, { filters: { ...withDefaults().filters, countries: ["FR' OR 1=1 --"] } });
		expect(hostile).toEqual({ available: false, reason: 'no order lines match the selected filters' });
		const shipped = await runAnalysis('kpis', engine, { filters: { ...withDefaults().filters, statuses: ['Cancelled', 'Returned'] } });
		if (!shipped.available) throw new Error(shipped.reason);
		// E1 (cancelled, 5 left out) and R1 (−100, a reversal that stays)
		expect(shipped.revenue).toBeCloseTo(-100, 9);
		expect(shipped.orders).toBe(0);
		expect(shipped.aov).toBeNull();
		await expect(runAnalysis('kpis', engine, { filters: { ...withDefaults().filters, dateFrom: "2024-01-01'; DROP TABLE transactions; --" } })).rejects.toThrow(/YYYY-MM-DD/);
	});

	it('reports order status, data quality and unavailable analyses', async () => {
		const r = await runAll(engine);
		if (!r.status.available) throw new Error(r.status.reason);
		expect(r.status.rows.map((s) => [s.status, s.lines, s.orders, Math.round(s.revenue * 1e6) / 1e6])).toEqual([
			['Shipped', 11, 9, 382],
			['Cancelled', 1, 1, 5], // the status breakdown keeps the value of cancelled orders
			['Returned', 1, 1, -100]
		]);
		if (!r.dataQuality.available) throw new Error('no data quality');
		expect(r.dataQuality).toMatchObject({ lines: 13, linesWithoutCustomer: 1, returnLines: 4, cancelledLines: 4 /* C1, C2, E1, R1: one line each */, cancelledOrders: 4, linesWithoutProduct: 1, zeroRevenueLines: 0 });
		// E1's one line (5) is the only non-negative line of a cancelled order.
		expect(r.dataQuality.leftOutCancelled).toEqual({ orders: 1, lines: 1, revenue: 5 });
		expect(r.dataQuality.overlappingOrders).toEqual({ orders: 0, examples: [] });
		expect(r.categories).toEqual({ available: false, reason: 'needs a category / product line column' });
		expect(r.regions).toEqual({ available: false, reason: 'needs a region / city / territory column' });
		expect(r.demographics.available).toBe(false);
		expect(r.asOf).toBe('2024-03-11');
		expect(Object.keys(r).filter((k) => !['params', 'asOf', 'engine'].includes(k)).sort()).toEqual([...ANALYSIS_NAMES].sort());
	});

	it('says which analyses a parameter change affects, and reports progress', async () => {
		const before = withDefaults();
		expect(affectedAnalyses(before, { ...before, churnDays: 30 })).toEqual(['churn', 'feedback']);
		expect(affectedAnalyses(before, { ...before, margin: 0.5 }).sort()).toEqual(['cltv', 'clv']);
		expect(affectedAnalyses(before, { ...before, filters: { ...before.filters, countries: ['UK'] } }).sort()).toEqual([...ANALYSIS_NAMES].sort());
		for (const n of ANALYSIS_NAMES) expect(ANALYSES[n].params).toContain('filters');
		const seen: string[] = [];
		const part = await runAnalyses(engine, {}, ['trend', 'kpis'], { onProgress: (p) => seen.push(`${p.name}:${p.done}/${p.total}`) });
		expect(seen).toEqual(['kpis:1/2', 'trend:2/2']);
		expect(part.kpis.available && part.trend.available).toBe(true);
		const controller = new AbortController();
		controller.abort();
		await expect(runAll(engine, {}, { signal: controller.signal })).rejects.toThrow();
		// Temp objects of finished runs are dropped, tables and views.
		expect(await runTempObjects(engine)).toBe(0);
	});

	it('drops a run\'s temp objects one by one when the engine refuses several statements at once', async () => {
		const execs: string[] = [];
		const oneAtATime: Engine = {
			...engine,
			exec: async (sql) => {
				execs.push(sql);
				if (/;\s*DROP/.test(sql)) throw new Error('one statement at a time');
				return engine.exec(sql);
			}
		};
		// Filtered, so the run makes a table of its own beside its scope view.
		const k = await runAnalysis('kpis', oneAtATime, { filters: { ...withDefaults().filters, dateFrom: '2024-01-01' } });
		expect(k.available).toBe(true);
		expect(execs.some((sql) => /;\s*DROP/.test(sql))).toBe(true);
		expect(await runTempObjects(engine)).toBe(0);
	});
});

/** Tables and views of analysis runs still in the engine. */
async function runTempObjects(engine: Engine): Promise<number> {
	const [{ n }] = await engine.query<{ n: number }>(
		"SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'cl_run%') + (SELECT count(*) FROM duckdb_views() WHERE view_name LIKE 'cl_run%') AS n"
	);
	return Number(n);
}
