/**
 * Parquet (every codec), a sheet of a 2-sheet XLSX, and the CSV of the same data give the same
 * transactions. Expected figures are computed in JS from the generated rows, not by the program.
 * The 1 M-row case (Online Retail II, both years, written as Parquet by native DuckDB) needs
 * ../shared/datasets and is compared with native DuckDB reading the CSVs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { suggestMapping } from '../../../src/lib/ingest/automap';
import { buildCanonical } from '../../../src/lib/ingest/build';
import { inputFromBytes } from '../../../src/lib/ingest/input';
import { loadFiles } from '../../../src/lib/ingest/load';
import type { InputFile, ReadOptions } from '../../../src/lib/ingest/types';
import { DATASETS, loadPaths } from './helpers';

let wasm: Engine;
let native: Engine;
let dir: string;
beforeAll(async () => {
	[wasm, native] = await Promise.all([createWasmNodeEngine(), createNativeEngine()]);
	dir = mkdtempSync(path.join(tmpdir(), 'formats-agree-'));
});
afterAll(async () => {
	await Promise.all([wasm.close(), native.close()]);
	rmSync(dir, { recursive: true, force: true });
});

interface Line {
	invoice: string;
	stock: string;
	quantity: number;
	date: Date;
	price: number;
	customer: number | null;
	country: string;
}

/** Deterministic Online-Retail-shaped lines: orders of 1–4 lines, some cancelled (`C…`, negative quantities), some without customer. */
function generate(orders: number): Line[] {
	let seed = 7;
	const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const out: Line[] = [];
	for (let o = 0; o < orders; o++) {
		const cancelled = o % 9 === 4;
		const invoice = `${cancelled ? 'C' : ''}${536000 + o}`;
		const date = new Date(Date.UTC(2011, Math.floor(o / 40) % 12, 1 + (o % 28), 8 + (o % 10), (o * 7) % 60));
		const customer = o % 11 === 3 ? null : 12000 + Math.floor(rand() * 60);
		const n = 1 + (o % 4);
		for (let k = 0; k < n; k++) {
			const q = 1 + Math.floor(rand() * 12);
			out.push({ invoice, stock: `S${100 + Math.floor(rand() * 40)}`, quantity: cancelled ? -q : q, date, price: Math.round(rand() * 2000) / 100 + 0.01, customer, country: o % 3 ? 'United Kingdom' : 'France' });
		}
	}
	return out;
}

const LINES = generate(240);
const HEADER = ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
const iso = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

function expected() {
	const customers = new Set(LINES.filter((l) => l.customer !== null).map((l) => l.customer));
	const dates = LINES.map((l) => l.date.getTime());
	return {
		lines: LINES.length,
		orders: new Set(LINES.map((l) => l.invoice)).size,
		customers: customers.size,
		revenue: Math.round(LINES.reduce((s, l) => s + l.quantity * l.price, 0) * 100) / 100,
		returns: LINES.filter((l) => l.quantity < 0).length,
		cancelled: LINES.filter((l) => l.invoice.startsWith('C')).length,
		first: iso(new Date(Math.min(...dates))),
		last: iso(new Date(Math.max(...dates)))
	};
}

const KPIS = `SELECT count(*) AS lines, count(DISTINCT order_id) AS orders, count(DISTINCT customer_id) AS customers,
	round(sum(revenue), 2) AS revenue, count(*) FILTER (WHERE is_return) AS returns, count(*) FILTER (WHERE is_cancelled) AS cancelled,
	CAST(min(order_ts) AS VARCHAR) AS first, CAST(max(order_ts) AS VARCHAR) AS last FROM transactions`;

async function kpisOf(engine: Engine, input: InputFile, read?: ReadOptions) {
	const loaded = await loadFiles(engine, [input], read ? { read: { [input.name]: read } } : {});
	expect(loaded.failures.map((f) => f.message)).toEqual([]);
	await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
	const [k] = await engine.query<Record<string, number | string>>(KPIS);
	return { ...k, revenue: Math.round(Number(k.revenue) * 100) / 100 };
}

function csvText(): string {
	const rows = LINES.map((l) => [l.invoice, l.stock, l.quantity, iso(l.date), l.price, l.customer ?? '', l.country].join(','));
	return [HEADER.join(','), ...rows].join('\n') + '\n';
}

describe('the same data in every format gives the same transactions', () => {
	it('CSV matches the figures computed from the generated lines', async () => {
		expect(await kpisOf(wasm, inputFromBytes('orders.csv', new TextEncoder().encode(csvText())))).toEqual(expected());
	});

	it.each(['snappy', 'gzip', 'zstd', 'brotli', 'lz4', 'uncompressed'])('Parquet written with %s compression', async (codec) => {
		const csv = path.join(dir, 'orders.csv');
		const out = path.join(dir, `orders-${codec}.parquet`);
		writeFileSync(csv, csvText());
		await native.exec(`COPY (SELECT * FROM read_csv('${csv}')) TO '${out}' (FORMAT parquet, COMPRESSION ${codec})`);
		expect(await kpisOf(wasm, inputFromBytes(`orders-${codec}.parquet`, new Uint8Array(readFileSync(out))))).toEqual(expected());
	});

	it('the second sheet of a 2-sheet XLSX workbook', async () => {
		const buf = await writeXlsxFile([
			{ sheet: 'About', data: [['Exported orders'], ['Source', 'shop']] },
			{
				sheet: 'Orders',
				data: [
					HEADER,
					...LINES.map((l) => [l.invoice, l.stock, l.quantity, { value: l.date, type: Date, format: 'yyyy-mm-dd hh:mm:ss' }, l.price, l.customer, l.country])
				]
			}
		]).toBuffer();
		expect(await kpisOf(wasm, inputFromBytes('orders.xlsx', new Uint8Array(buf)), { sheet: 'Orders' })).toEqual(expected());
	});
});

const RETAIL_II = `${DATASETS}/online_retail_II_2009-2010.csv.gz`;
const RETAIL = `${DATASETS}/online_retail_2010-2011.csv.gz`;
const haveData = existsSync(RETAIL_II) && existsSync(RETAIL);
const required = process.env.CUSTOMER_LENS_REQUIRE_DATASETS === '1';

describe.skipIf(!haveData && !required)('1 M-row Parquet (Online Retail II, both years)', () => {
	it('gives the same transactions on DuckDB-WASM as native DuckDB reading the CSVs', async () => {
		if (!haveData) throw new Error(`CUSTOMER_LENS_REQUIRE_DATASETS=1 but ${RETAIL_II} or ${RETAIL} is missing`);
		const csv = await loadPaths(native, [RETAIL_II, RETAIL]);
		await buildCanonical(native, csv, suggestMapping(csv.files).mapping);
		const [fromCsv] = await native.query(KPIS);
		const out = path.join(dir, 'retail-both.parquet');
		// A positional UNION ALL: the two years name the same columns differently.
		await native.exec(`COPY (SELECT * FROM read_csv('${RETAIL_II}') UNION ALL SELECT * FROM read_csv('${RETAIL}')) TO '${out}' (FORMAT parquet)`);
		const parquet = await loadPaths(wasm, [out]);
		expect(parquet.files[0].rows).toBe(csv.files[0].rows + csv.files[1].rows);
		expect(parquet.files[0].rows).toBeGreaterThan(1_000_000);
		await buildCanonical(wasm, parquet, suggestMapping(parquet.files).mapping);
		const [fromParquet] = await wasm.query(KPIS);
		expect(fromParquet).toEqual(fromCsv);
	}, 600_000);
});
