/**
 * Native DuckDB reads a Parquet file in place (a view, no copy). It must give what a copied table
 * gives: the same rows, the same 1-based `row_no`, the same quality summary and KPIs, and errors that
 * name the same row. The copies compared with: the same lines as CSV on native DuckDB (read into a
 * table by read_csv) and the same Parquet on DuckDB-WASM (parsed into a table). Expected figures are
 * worked by hand from the lines below.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { suggestMapping } from '../../../src/lib/ingest/automap';
import { buildCanonical } from '../../../src/lib/ingest/build';
import { inputFromBytes } from '../../../src/lib/ingest/input';
import { dropRawTables, loadFiles } from '../../../src/lib/ingest/load';
import { inputFromPath } from '../../../src/lib/ingest/node-input';
import type { InputFile } from '../../../src/lib/ingest/types';

let wasm: Engine;
let native: Engine;
let dir: string;
beforeAll(async () => {
	[wasm, native] = await Promise.all([createWasmNodeEngine(), createNativeEngine()]);
	dir = mkdtempSync(path.join(tmpdir(), 'parquet-in-place-'));
});
afterAll(async () => {
	await Promise.all([wasm.close(), native.close()]);
	rmSync(dir, { recursive: true, force: true });
});

const HEADER = ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'];
/** Row 6 has an unreadable date, row 9 an unreadable price; everything else is clean. */
const LINES: string[][] = [
	['1001', 'A', '2', '2021-03-01 09:00:00', '1.50', '17'], // row 1: 3.00
	['1001', 'B', '1', '2021-03-01 09:00:00', '4.00', '17'], // row 2: 4.00
	['1002', 'A', '3', '2021-03-02 10:30:00', '1.50', '18'], // row 3: 4.50
	['1003', 'C', '1', '2021-03-05 11:00:00', '10.00', ''], // row 4: 10.00, no customer
	['1004', 'B', '2', '2021-03-07 12:00:00', '4.00', '17'], // row 5: 8.00
	['1005', 'A', '1', 'not a date', '1.50', '19'], // row 6: left out (date)
	['1006', 'C', '2', '2021-03-09 08:15:00', '10.00', '18'], // row 7: 20.00
	['1006', 'A', '4', '2021-03-09 08:15:00', '1.50', '18'], // row 8: 6.00
	['1007', 'B', '1', '2021-03-10 16:00:00', 'abc', '19'], // row 9: left out (revenue)
	['1008', 'C', '1', '2021-03-12 13:45:00', '10.00', '20'], // row 10: 10.00
	['1009', 'A', '6', '2021-03-15 14:00:00', '1.50', '17'], // row 11: 9.00
	['1010', 'B', '3', '2021-03-20 15:00:00', '4.00', '20'] // row 12: 12.00
];
const KEPT_REVENUE = 3 + 4 + 4.5 + 10 + 8 + 20 + 6 + 10 + 9 + 12;

/** The lines as a CSV file and as a Parquet file of text columns (Quantity an integer) written by native DuckDB; their paths. */
async function writeFiles(name: string, lines: string[][], columns = HEADER): Promise<{ csv: string; parquet: string }> {
	const csv = path.join(dir, `${name}.csv`);
	const parquet = path.join(dir, `${name}.parquet`);
	writeFileSync(csv, [columns, ...lines].map((l) => l.join(',')).join('\n') + '\n');
	const types = columns.map((c) => `'${c}': '${c === 'Quantity' ? 'BIGINT' : 'VARCHAR'}'`).join(', ');
	await native.exec(`COPY (SELECT * FROM read_csv('${csv}', header = true, columns = {${types}})) TO '${parquet}' (FORMAT parquet)`);
	return { csv, parquet };
}

async function build(engine: Engine, input: InputFile) {
	const loaded = await loadFiles(engine, [input]);
	expect(loaded.failures.map((f) => f.message)).toEqual([]);
	const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
	const lines = await engine.query(
		'SELECT row_no, order_id, product, quantity, unit_price, revenue, customer_id, CAST(order_ts AS VARCHAR) AS ts, is_return, is_cancelled FROM transactions ORDER BY row_no'
	);
	const [kpis] = await engine.query('SELECT count(*) AS lines, count(DISTINCT order_id) AS orders, count(DISTINCT customer_id) AS customers, round(sum(revenue), 2) AS revenue FROM transactions');
	return { file: loaded.files[0], quality, lines, kpis };
}

const isView = async (engine: Engine, name: string) => (await engine.query('SELECT view_name FROM duckdb_views() WHERE view_name = ?', [name])).length === 1;

describe('Parquet read in place on native DuckDB', () => {
	it('gives the rows, row numbers, quality summary and KPIs of a copied table', async () => {
		const { csv, parquet } = await writeFiles('orders', LINES);
		const inPlace = await build(native, await inputFromPath(parquet));
		expect(await isView(native, inPlace.file.table)).toBe(true);
		expect(inPlace.file.rows).toBe(12);
		expect(inPlace.file.columns.map((c) => c.name)).toEqual(HEADER);

		expect(inPlace.lines.map((l) => l.row_no)).toEqual([1, 2, 3, 4, 5, 7, 8, 10, 11, 12]);
		expect(inPlace.kpis).toEqual({ lines: 10, orders: 8, customers: 3, revenue: KEPT_REVENUE });
		expect(inPlace.quality.flagged.badDates.examples).toEqual([{ file: 'orders.parquet', row: 6, value: 'not a date' }]);
		expect(inPlace.quality.flagged.missingRevenue.examples).toEqual([{ file: 'orders.parquet', row: 9, value: null }]);
		const price = inPlace.quality.numberFormats.find((n) => n.field === 'unit_price');
		expect(price?.examples).toEqual([{ file: 'orders.parquet', row: 9, value: 'abc' }]);

		const copies = [await build(native, await inputFromPath(csv)), await build(wasm, inputFromBytes('orders.parquet', new Uint8Array(readFileSync(parquet))))];
		for (const copy of copies) {
			expect(await isView(copy === copies[0] ? native : wasm, copy.file.table)).toBe(false);
			expect(inPlace.lines).toEqual(copy.lines);
			expect(inPlace.kpis).toEqual(copy.kpis);
			const sameFile = <T extends { file: string }>(xs: T[]) => xs.map((x) => ({ ...x, file: 'orders' }));
			expect(sameFile(inPlace.quality.flagged.badDates.examples)).toEqual(sameFile(copy.quality.flagged.badDates.examples));
			expect(sameFile(inPlace.quality.flagged.missingRevenue.examples)).toEqual(sameFile(copy.quality.flagged.missingRevenue.examples));
			expect(inPlace.quality.rowsRead).toBe(copy.quality.rowsRead);
		}
	});

	it('names the same row in an error as a copied table', async () => {
		// Most dates impossible (month 13): the build stops and names the first such row (row 3).
		const lines = LINES.slice(0, 8).map((l, i) => (i >= 2 ? [...l.slice(0, 3), `2021-13-0${i + 1} 10:00:00`, ...l.slice(4)] : l));
		const { csv, parquet } = await writeFiles('dates', lines);
		const message = async (engine: Engine, input: InputFile) => {
			const loaded = await loadFiles(engine, [input]);
			return buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping).then(
				() => 'built',
				(e: Error) => e.message
			);
		};
		const inPlace = await message(native, await inputFromPath(parquet));
		expect(inPlace).toMatch(/6 of 8 values could not be read as dates \(e\.g\. row 3: "2021-13-03 10:00:00"\)/);
		expect(inPlace.replace('dates.parquet', 'dates')).toBe((await message(native, await inputFromPath(csv))).replace('dates.csv', 'dates'));
		expect(inPlace).toBe(await message(wasm, inputFromBytes('dates.parquet', new Uint8Array(readFileSync(parquet)))));
	});

	it('shows a column called "rowid" as "rowid_" and still numbers rows from the file', async () => {
		const { parquet } = await writeFiles('ids', LINES.map((l, i) => [String(100 - i), ...l]), ['RowID', ...HEADER]);
		const { file, lines } = await build(native, await inputFromPath(parquet));
		expect(file.columns.map((c) => c.name)).toEqual(['RowID_', ...HEADER]);
		expect(file.notes).toContain('ids.parquet: the column "RowID" is shown as "RowID_".');
		expect(lines.map((l) => l.row_no)).toEqual([1, 2, 3, 4, 5, 7, 8, 10, 11, 12]);
	});

	it('copies a file whose own column is called "file_row_number" (it hides the row number a view needs)', async () => {
		const { parquet } = await writeFiles('frn', LINES.map((l, i) => [String(100 - i), ...l]), ['file_row_number', ...HEADER]);
		const { file, lines } = await build(native, await inputFromPath(parquet));
		expect(await isView(native, file.table)).toBe(false);
		expect(lines.map((l) => l.row_no)).toEqual([1, 2, 3, 4, 5, 7, 8, 10, 11, 12]);
	});

	it('drops a raw view like a raw table', async () => {
		const { csv, parquet } = await writeFiles('drop', LINES);
		const [viewFile] = (await loadFiles(native, [await inputFromPath(parquet)])).files;
		const [tableFile] = (await loadFiles(native, [await inputFromPath(csv)])).files;
		await dropRawTables(native, [viewFile.table, tableFile.table]);
		const left = await native.query(
			"SELECT table_name AS name FROM duckdb_tables() WHERE table_name IN (?, ?) UNION ALL SELECT view_name FROM duckdb_views() WHERE view_name IN (?, ?)",
			[viewFile.table, tableFile.table, viewFile.table, tableFile.table]
		);
		expect(left).toEqual([]);
	});
});
