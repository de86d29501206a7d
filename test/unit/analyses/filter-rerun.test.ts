/**
 * What a filter or setting change reuses: the whole-data order and customer-day tables (a filter on
 * order-level columns selects whole rows of them) and the model fits (a setting they do not read).
 * Each reuse is checked against the same run computed without it: a second engine that never ran
 * unfiltered (so every table comes from the order lines) and a runner that has never fitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../src/lib/engine/engine';
import { inProcessModels, runAll, runAnalyses, startWholeData, withDefaults, type AnalysisFilters, type ModelRunner } from '../../../src/lib/analyses/index';
import { CLV_AS_OF, clvFixture } from '../../fixtures/analyses/clv-data';
import { KPI_LINES } from '../../fixtures/analyses/lines';
import { loadTransactions, type Line } from '../../fixtures/analyses/transactions';

/**
 * KPI_LINES plus orders whose lines differ in an order-level column (S1 in two countries, S2 in two
 * statuses: each is two rows of the order table), a region on some lines only, and categories.
 */
const LINES: Line[] = [
	...KPI_LINES.map((l, i) => ({ ...l, category: i % 2 ? 'Kitchen' : 'Garden' })),
	{ order: 'S1', customer: 'c6', ts: '2024-02-20 10:00:00', product: 'P1', category: 'Garden', qty: 1, price: 10, country: 'UK', status: 'Shipped', region: 'North' },
	{ order: 'S1', customer: 'c6', ts: '2024-02-20 10:00:00', product: 'P2', category: 'Kitchen', qty: 2, price: 5, country: 'FR', status: 'Shipped' },
	{ order: 'S2', customer: 'c1', ts: '2024-03-02 10:00:00', product: 'P3', category: 'Garden', qty: 1, price: 100, country: 'UK', status: 'Shipped' },
	{ order: 'S2', customer: 'c1', ts: '2024-03-02 10:00:00', product: 'P1', category: 'Garden', qty: 1, price: 10, country: 'UK', status: 'Cancelled' }
];

const filters = (f: Partial<AnalysisFilters>) => ({ filters: { ...withDefaults().filters, ...f } });
const FILTERED = [
	filters({ dateFrom: '2024-02-01' }),
	filters({ dateFrom: '2024-01-10', dateTo: '2024-02-29' }),
	filters({ countries: ['FR'] }),
	filters({ statuses: ['Shipped'] }),
	filters({ dateFrom: '2024-02-15', countries: ['UK', 'DE'] }),
	filters({ categories: ['Garden'] }),
	filters({ dateFrom: '2024-03-01', categories: ['Kitchen'] })
];

let warm: Engine;
let cold: Engine;
beforeAll(async () => {
	[warm, cold] = await Promise.all([createWasmNodeEngine(), createWasmNodeEngine()]);
	await loadTransactions(warm, LINES);
	await loadTransactions(cold, LINES);
});
afterAll(async () => {
	await warm?.close();
	await cold?.close();
});

/** Records every statement the engine runs while `fn` runs. */
async function statements(engine: Engine, fn: () => Promise<unknown>): Promise<string[]> {
	const seen: string[] = [];
	const { exec, query } = engine;
	engine.exec = (sql) => (seen.push(sql), exec(sql));
	engine.query = ((sql: string, params?: never) => (seen.push(sql), query(sql, params))) as Engine['query'];
	try {
		await fn();
	} finally {
		engine.exec = exec;
		engine.query = query;
	}
	return seen;
}

describe('a filter change after an unfiltered run', () => {
	it('gives every result exactly as computed from the order lines', async () => {
		await runAll(warm, {});
		for (const params of FILTERED) {
			const fromWhole = await runAll(warm, params);
			const fromLines = await runAll(cold, params);
			expect(fromWhole).toEqual(fromLines);
		}
	});

	it('selects the rows of the whole-data order table instead of grouping the lines again, unless a category filter needs the lines', async () => {
		await runAll(warm, {});
		const byDate = await statements(warm, () => runAll(warm, FILTERED[0]));
		expect(byDate.some((s) => /_orders AS SELECT \* FROM cl_data\d+_orders WHERE/.test(s))).toBe(true);
		expect(byDate.some((s) => /_orders AS SELECT order_id/.test(s))).toBe(false);
		// Acquisition dates look at the whole history: the whole-data table, not the lines.
		expect(byDate.some((s) => /_first_purchases AS [\s\S]*FROM cl_data\d+_orders/.test(s))).toBe(true);
		expect(byDate.some((s) => /_customer_days AS SELECT \* FROM cl_data\d+_customer_days WHERE/.test(s))).toBe(true);
		const byCategory = await statements(warm, () => runAll(warm, FILTERED[5]));
		expect(byCategory.some((s) => /_orders AS SELECT order_id[\s\S]*GROUP BY order_id/.test(s))).toBe(true);
	});

	it('forgets the whole-data tables of data that was replaced', async () => {
		const engine = await createWasmNodeEngine();
		try {
			await loadTransactions(engine, LINES);
			await runAll(engine, {});
			const before = await engine.query<{ t: string }>("SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE 'cl\\_data%' ESCAPE '\\'");
			expect(before.length).toBeGreaterThan(0);
			// New data: one order of 3 × 7.
			await loadTransactions(engine, [{ order: 'N1', customer: 'n', ts: '2025-01-01', product: 'P', qty: 3, price: 7, country: 'UK' }]);
			const k = (await runAll(engine, {})).kpis;
			if (!k.available) throw new Error(k.reason);
			expect(k.revenue).toBeCloseTo(21, 9);
			expect(k.orders).toBe(1);
			const after = await engine.query<{ t: string }>("SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE 'cl\\_data%' ESCAPE '\\'");
			expect(after.map((r) => r.t).filter((t) => before.some((b) => b.t === t))).toEqual([]);
		} finally {
			await engine.close();
		}
	});
});

describe('the order table started before a run (a page starts it before it redraws for new data)', () => {
	it('is queued when startWholeData resolves, and the unfiltered run that follows uses it with the same results', async () => {
		const engine = await createWasmNodeEngine();
		try {
			await loadTransactions(engine, LINES);
			const started = await statements(engine, () => startWholeData(engine, {}));
			expect(started.filter((s) => /CREATE OR REPLACE TEMP TABLE cl_data\d+_orders AS SELECT order_id/.test(s))).toHaveLength(1);
			const run = await statements(engine, async () => expect(await runAll(engine, {})).toEqual(await runAll(cold, {})));
			expect(run.some((s) => /cl_data\d+_orders AS/.test(s))).toBe(false);
		} finally {
			await engine.close();
		}
	});

	it('starts nothing for a filtered run, which would not build it', async () => {
		const engine = await createWasmNodeEngine();
		try {
			await loadTransactions(engine, LINES);
			for (const params of FILTERED) expect(await statements(engine, () => startWholeData(engine, params))).toEqual([]);
		} finally {
			await engine.close();
		}
	});
});

describe('a setting the model fits do not read', () => {
	it('reuses the fit (margin, churn window) and fits again when its input changes (as-of date)', async () => {
		const engine = await createWasmNodeEngine();
		try {
			await loadTransactions(engine, clvFixture().lines);
			const calls: string[] = [];
			const counting: ModelRunner = {
				fitClv: async (input) => (calls.push('fitClv'), inProcessModels.fitClv(input)),
				forecast: async (input) => (calls.push('forecast'), inProcessModels.forecast(input)),
				holdout: async (input) => (calls.push('holdout'), inProcessModels.holdout(input))
			};
			await runAnalyses(engine, { asOf: CLV_AS_OF }, ['clv', 'churn'], { models: counting });
			expect(calls).toEqual(['fitClv', 'holdout']);
			const reused = await runAnalyses(engine, { asOf: CLV_AS_OF, margin: 0.5, churnDays: 60 }, ['clv', 'churn'], { models: counting });
			expect(calls).toEqual(['fitClv', 'holdout']);
			// The same analyses with a runner that has never fitted.
			const fresh = await runAnalyses(engine, { asOf: CLV_AS_OF, margin: 0.5, churnDays: 60 }, ['clv', 'churn'], { models: { ...inProcessModels } });
			expect(reused.clv).toEqual(fresh.clv);
			expect(reused.churn).toEqual(fresh.churn);
			if (!reused.clv.available || !fresh.clv.available) throw new Error('CLV should be available on the simulated customers');
			expect(reused.clv.margin).toBe(0.5);
			await runAnalyses(engine, { asOf: '2023-12-01' }, ['clv'], { models: counting });
			expect(calls).toEqual(['fitClv', 'holdout', 'fitClv', 'holdout']);
		} finally {
			await engine.close();
		}
	});
});
