/**
 * Real files against independently published facts (../shared/datasets/SOURCES.md), on DuckDB-WASM,
 * and the same builds on native DuckDB: both engines must give the same quality summary and sums.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { suggestMapping } from '../../../src/lib/ingest/automap';
import { buildCanonical } from '../../../src/lib/ingest/build';
import { IngestError } from '../../../src/lib/ingest/errors';
import { CUSTOMER_ATTRIBUTES } from '../../../src/lib/ingest/canonical-fields';
import type { BuildResult, LoadResult, Mapping, QualitySummary } from '../../../src/lib/ingest/types';
import { needDatasets } from '../../datasets';
import { DATASETS, SAMPLES, fixture, loadPaths } from './helpers';

let wasm: Engine;
let native: Engine;
beforeAll(async () => {
	[wasm, native] = await Promise.all([createWasmNodeEngine(), createNativeEngine()]);
});
afterAll(async () => {
	await Promise.all([wasm.close(), native.close()]);
});

const RETAIL = `${DATASETS}/online_retail_2010-2011.csv.gz`;
const SALES = `${DATASETS}/sales_data_sample.csv`;

/** Raw table names differ between engines only by their counter. */
const comparable = (q: QualitySummary) => JSON.parse(JSON.stringify(q).replace(/raw_\d+/g, 'raw'));

/** KPI-relevant sums straight from `transactions`. */
const KPIS = `SELECT count(*) AS lines, count(DISTINCT order_id) AS orders, count(DISTINCT customer_id) AS customers,
	round(sum(revenue), 2) AS revenue, round(sum(quantity), 2) AS quantity, count(*) FILTER (WHERE is_return) AS returns,
	count(*) FILTER (WHERE is_cancelled) AS cancelled, CAST(min(order_ts) AS VARCHAR) AS first, CAST(max(order_ts) AS VARCHAR) AS last,
	sum(row_no) AS row_sum, count(DISTINCT source_file) AS files
	FROM transactions`;

async function build(engine: Engine, paths: string[], mapping?: (l: LoadResult) => Mapping, read?: Parameters<typeof loadPaths>[2]) {
	const loaded = await loadPaths(engine, paths, read);
	const m = mapping ? mapping(loaded) : suggestMapping(loaded.files).mapping;
	const result = await buildCanonical(engine, loaded, m);
	const [kpis] = await engine.query(KPIS);
	return { loaded, result, kpis };
}

const retail = needDatasets('online_retail_2010-2011.csv.gz');
describe.skipIf(retail.missing)(retail.title('UCI Online Retail, 541,909 rows (load once per engine)'), () => {
	let w: { loaded: LoadResult; result: BuildResult; kpis: Record<string, unknown> };

	beforeAll(async () => {
		const loaded = await loadPaths(wasm, [RETAIL]);
		const result = await buildCanonical(wasm, loaded, suggestMapping(loaded.files).mapping);
		const [kpis] = await wasm.query(KPIS);
		w = { loaded, result, kpis };
	}, 180_000);

	it('matches the published facts with zero clicks', async () => {
		const [t] = await wasm.query(`SELECT count(*) AS n, count(DISTINCT order_id) AS invoices, count(*) FILTER (WHERE order_id LIKE 'C%') AS c_lines,
			count(DISTINCT customer_id) AS customers, sum(quantity) AS qty, round(sum(quantity * unit_price), 2) AS value,
			count(*) FILTER (WHERE customer_id IS NOT NULL) AS with_customer, count(*) FILTER (WHERE product IS NULL) AS no_description,
			count(DISTINCT country) AS countries FROM transactions`);
		// SOURCES.md §1.
		expect(t).toEqual({ n: 541909, invoices: 25900, c_lines: 9288, customers: 4372, qty: 5176450, value: 9747747.93, with_customer: 406829, no_description: 1454, countries: 38 });
		const q = w.result.quality;
		expect(q.rowsInTransactions).toBe(541909);
		expect(q.flagged.badDates.count).toBe(0);
		expect(q.revenue).toBe(9747747.93);
		expect([q.dateFrom, q.dateTo]).toEqual(['2010-12-01', '2011-12-09']);
		expect(q.flagged.missingCustomerId).toBe(541909 - 406829);
		// Every line of a C… invoice is flagged as a cancellation.
		expect((await wasm.query("SELECT count(*) AS n FROM transactions WHERE order_id LIKE 'C%' AND NOT is_cancelled"))[0].n).toBe(0);
	});

	it('counts exact duplicate lines like a plain line-by-line count of the file', () => {
		const lines = gunzipSync(readFileSync(RETAIL)).toString('utf8').split('\n').slice(1).filter((l) => l.length > 0);
		const seen = new Set<string>();
		let dups = 0;
		for (const l of lines) if (seen.has(l)) dups++;
			else seen.add(l);
		expect(lines.length).toBe(541909);
		expect(w.result.quality.flagged.duplicateLines).toBe(dups);
	});

	it('gives the same quality summary and sums on native DuckDB', async () => {
		const n = await build(native, [RETAIL]);
		expect(comparable(n.result.quality)).toEqual(comparable(w.result.quality));
		expect(n.kpis).toEqual(w.kpis);
	}, 60_000);
});

const sales = needDatasets('sales_data_sample.csv');
// The transactions table keeps every line; the headline (cancelled orders out of the money) is checked in
// test/unit/analyses/kpis/sales-sample.test.ts.
describe.skipIf(sales.missing)(sales.title('Kaggle sales_data_sample.csv'), () => {
	it('matches the published facts (dates read month-first from M/D/YYYY H:MM), on both engines', async () => {
		const { result, kpis } = await build(wasm, [SALES]);
		const q = result.quality;
		expect(q.dateFormats[0]).toMatchObject({ column: 'ORDERDATE', format: 'mdy' });
		expect(q.flagged.badDates.count).toBe(0);
		expect(kpis).toMatchObject({ lines: 2823, orders: 307, customers: 92, revenue: 10032628.85 });
		expect([q.dateFrom, q.dateTo]).toEqual(['2003-01-06', '2005-05-31']);
		expect((await wasm.query("SELECT count(*) AS n FROM transactions WHERE status = 'Cancelled'"))[0].n).toBe(60);
		expect(q.flagged.cancellationLines).toBe(60);
		// SOURCES.md: sales by year — only right if month and day are not swapped.
		expect(await wasm.query('SELECT year(order_date) AS y, round(sum(revenue), 2) AS s FROM transactions GROUP BY y ORDER BY y')).toEqual([
			{ y: 2003, s: 3516979.54 },
			{ y: 2004, s: 4724162.6 },
			{ y: 2005, s: 1791486.71 }
		]);
		expect(await wasm.query('SELECT deal_size AS d, count(*) AS n FROM transactions GROUP BY d ORDER BY d')).toEqual([
			{ d: 'Large', n: 157 },
			{ d: 'Medium', n: 1384 },
			{ d: 'Small', n: 1282 }
		]);
		const n = await build(native, [SALES]);
		expect(comparable(n.result.quality)).toEqual(comparable(q));
		expect(n.kpis).toEqual(kpis);
	});
});

const cdnow = needDatasets('cdnow/CDNOW_sample.txt');
describe.skipIf(cdnow.missing)(cdnow.title('CDNOW sample with an explicit mapping'), () => {
	const read = { 'CDNOW_sample.txt': { header: false, delimiter: 'whitespace', columnNames: ['master_id', 'sample_id', 'date', 'cds', 'dollars'] } };
	const mapping = (l: LoadResult): Mapping => ({
		files: [{ table: l.files[0].table, file: l.files[0].name, role: 'transactions', fields: { customer_id: 'master_id', order_ts: 'date', quantity: 'cds', revenue: 'dollars' }, attributes: {} }]
	});

	it('matches the published facts, on both engines', async () => {
		const { result, kpis } = await build(wasm, [`${DATASETS}/cdnow/CDNOW_sample.txt`], mapping, read);
		expect(kpis).toMatchObject({ lines: 6919, customers: 2357, revenue: 244091.94 });
		expect(result.quality.dateFormats[0].format).toBe('ymd');
		expect(result.quality.notes).toContain('CDNOW_sample.txt has no order id column: each distinct customer and date/time is counted as one order.');
		expect(result.quality.disabledAnalyses.map((d) => d.analysis)).toEqual(['products', 'categories', 'countries', 'status', 'feedback', 'demographics']);
		const n = await build(native, [`${DATASETS}/cdnow/CDNOW_sample.txt`], mapping, read);
		expect(comparable(n.result.quality)).toEqual(comparable(result.quality));
		expect(n.kpis).toEqual(kpis);
	});
});

describe('crm-orders.csv + crm-customers.csv (published counts from static/samples/README.md), on both engines', () => {
	it('joins the customers file', async () => {
		const paths = [`${SAMPLES}/crm-orders.csv`, `${SAMPLES}/crm-customers.csv`];
		const { result, kpis } = await build(wasm, paths);
		const q = result.quality;
		expect(kpis).toMatchObject({ lines: 29225, orders: 17723, files: 1 });
		expect(q.customersTable).toEqual({ rows: 2500, attributes: CUSTOMER_ATTRIBUTES.map((a) => a.field), withoutOrders: 514, orderCustomersMissing: 0 });
		expect([q.dateFrom, q.dateTo]).toEqual(['2024-01-01', '2025-12-31']);
		const cols = await wasm.query<{ name: string; type: string }>("SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = 'customers' ORDER BY column_index");
		expect(cols).toEqual([{ name: 'customer_id', type: 'VARCHAR' }, ...CUSTOMER_ATTRIBUTES.map((a) => ({ name: a.field, type: a.type }))]);
		const customers =
			'SELECT count(*) FILTER (WHERE gender IS NULL) AS no_gender, CAST(min(signup_date) AS VARCHAR) AS first, count(DISTINCT city) AS cities, count(age) AS ages FROM customers';
		// README: gender empty for 31 customers; signups from 2022-07; 15 UK cities.
		expect(await wasm.query(customers)).toEqual([{ no_gender: 31, first: '2022-07-01', cities: 15, ages: 2500 }]);
		expect(result.attributes).toEqual(CUSTOMER_ATTRIBUTES.map((a) => a.field));
		const n = await build(native, paths);
		expect(comparable(n.result.quality)).toEqual(comparable(q));
		expect(n.kpis).toEqual(kpis);
		expect(await native.query(customers)).toEqual(await wasm.query(customers));
	});
});

const telco = needDatasets('telco_customer_churn_ibm.csv');
describe.skipIf(telco.missing)(telco.title('telco churn (one row per customer)'), () => {
	it('gives the no-orders message instead of crashing', async () => {
		const loaded = await loadPaths(wasm, [`${DATASETS}/telco_customer_churn_ibm.csv`]);
		const s = suggestMapping(loaded.files);
		expect(s.problems[0]).toMatchObject({ problem: 'no-transactions', file: 'telco_customer_churn_ibm.csv' });
		expect(s.problems[0].message).toMatch(/^telco_customer_churn_ibm\.csv has one row per customer and no order dates, so there are no orders to analyse\. Without order dates these analyses are off: .*RFM.*cohorts/);
		const err = await buildCanonical(wasm, loaded, s.mapping).catch((e) => e);
		expect(err).toBeInstanceOf(IngestError);
		expect(err.message).toBe(s.problems[0].message);
	});
});

describe('native and wasm agree on the fixtures', () => {
	it.each([
		['orders-small.csv', [fixture('orders-small.csv')]],
		['orders.parquet', [fixture('orders.parquet')]],
		['orders.ndjson', [fixture('orders.ndjson')]],
		['orders-semicolon.csv', [fixture('orders-semicolon.csv')]]
	])('%s', async (_name, paths) => {
		const a = await build(wasm, paths);
		const b = await build(native, paths);
		expect(comparable(b.result.quality)).toEqual(comparable(a.result.quality));
		expect(b.kpis).toEqual(a.kpis);
	});
});
