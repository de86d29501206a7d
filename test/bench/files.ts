/**
 * The bench's files, written deterministically into .bench/ from the data sets folder (`../datasets.ts`:
 * ../shared/datasets or CUSTOMER_LENS_DATASETS; not committed):
 * Online Retail CSV (541,909 rows; the gzipped file, as a user would drop it); Online Retail II, both
 * years as one CSV (2009-2010 then 2010-2011, the first file's header); the same as snappy Parquet;
 * Online Retail repeated 19× with invoice and customer ids and dates shifted (10.3 M rows, snappy Parquet).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNativeEngine } from '../../src/lib/engine/native-node';
import { datasetPath } from '../datasets';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RETAIL = datasetPath('online_retail_2010-2011.csv.gz');
const RETAIL_II = datasetPath('online_retail_II_2009-2010.csv.gz');

/** Runs SQL on a fresh single-threaded native DuckDB, so row order is the files' order. */
async function nativeSql(sql: string): Promise<void> {
	const engine = await createNativeEngine();
	try {
		await engine.exec('SET threads = 1');
		await engine.exec(sql);
	} finally {
		await engine.close();
	}
}

export const REPEATS = 19;

export interface BenchFile {
	label: string;
	file: string;
	/** The file's own column names, for the bare reference. */
	columns: { invoice: string; price: string; customer: string };
}

export async function benchFiles(): Promise<BenchFile[]> {
	if (!existsSync(RETAIL) || !existsSync(RETAIL_II)) throw new Error(`the bench needs ${RETAIL} and ${RETAIL_II}`);
	const dir = path.join(root, '.bench');
	mkdirSync(dir, { recursive: true });
	const both = path.join(dir, 'online-retail-ii-both.csv');
	const bothParquet = path.join(dir, 'online-retail-ii-both.parquet');
	const big = path.join(dir, 'online-retail-19x.parquet');
	if (!existsSync(both)) {
		console.log('writing Online Retail II, both years, as one CSV …');
		// Text kept as it is (all_varchar); the second file's rows go under the first file's header.
		await nativeSql(
			`COPY (SELECT * FROM read_csv('${RETAIL_II}', all_varchar=true) UNION ALL SELECT * FROM read_csv('${RETAIL}', all_varchar=true)) TO '${both}' (HEADER)`
		);
	}
	if (!existsSync(bothParquet)) {
		console.log('writing it as snappy Parquet …');
		await nativeSql(`COPY (SELECT * FROM read_csv('${both}')) TO '${bothParquet}' (FORMAT parquet, COMPRESSION snappy)`);
	}
	if (!existsSync(big)) {
		console.log(`writing Online Retail repeated ${REPEATS}× as snappy Parquet …`);
		// Copy k: invoice numbers + k·1,000,000 (letter prefixes kept), customer ids + k·100,000, dates + k years.
		const copy = (k: number) =>
			`SELECT regexp_extract(InvoiceNo, '^(\\D*)', 1) || CAST(CAST(regexp_extract(InvoiceNo, '(\\d+)', 1) AS BIGINT) + ${k * 1_000_000} AS VARCHAR) AS InvoiceNo,
				StockCode, Description, Quantity, InvoiceDate + INTERVAL ${k} YEAR AS InvoiceDate, UnitPrice, CustomerID + ${k * 100_000} AS CustomerID, Country
			FROM read_csv('${RETAIL}')`;
		await nativeSql(`COPY (${Array.from({ length: REPEATS }, (_, k) => copy(k)).join(' UNION ALL ')}) TO '${big}' (FORMAT parquet, COMPRESSION snappy)`);
	}
	const retailColumns = { invoice: 'InvoiceNo', price: 'UnitPrice', customer: 'CustomerID' };
	const retailIIColumns = { invoice: 'Invoice', price: 'Price', customer: '"Customer ID"' };
	return [
		{ label: 'Online Retail CSV (gzipped), 541,909 rows', file: RETAIL, columns: retailColumns },
		{ label: 'Online Retail II both years CSV, 1,067,371 rows', file: both, columns: retailIIColumns },
		{ label: 'the same as snappy Parquet', file: bothParquet, columns: retailIIColumns },
		{ label: `Online Retail ${REPEATS}× snappy Parquet, 10.3 M rows`, file: big, columns: retailColumns }
	];
}

