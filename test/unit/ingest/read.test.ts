/**
 * Reading every supported format into raw tables, and refusing what we cannot read with a
 * specific message. Expected values come from the fixture lines themselves (test/fixtures/ingest).
 */
import { readFileSync } from 'node:fs';
import * as arrow from 'apache-arrow';
import { gzipSync } from 'node:zlib';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { parquetWasmBytes } from '../../../src/lib/engine/inline-parser';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { IngestError } from '../../../src/lib/ingest/errors';
import { inputFromBlob, inputFromBytes } from '../../../src/lib/ingest/input';
import { dropRawTables, loadFiles } from '../../../src/lib/ingest/load';
import { inputFromPath } from '../../../src/lib/ingest/node-input';
import type { LoadProgress } from '../../../src/lib/ingest/types';
import { needDatasets } from '../../datasets';
import { DATASETS, fixture, loadPaths } from './helpers';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

const rowsOf = (table: string, order = '1') => engine.query(`SELECT * FROM "${table}" ORDER BY ${order}`);

describe('delimited text', () => {
	it('reads a comma CSV with sniffed types and keeps row order', async () => {
		const { files } = await loadPaths(engine, [fixture('orders-small.csv')]);
		const f = files[0];
		expect(f.format).toBe('csv');
		expect(f.rows).toBe(11);
		expect(f.readOptions).toMatchObject({ delimiter: ',', header: true });
		expect(f.columns.map((c) => c.name)).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
		const byName = Object.fromEntries(f.columns.map((c) => [c.name, c]));
		expect(byName.Quantity.type).toBe('BIGINT');
		// Dates stay text: ingest reads them itself, whatever their format.
		expect(byName.InvoiceDate.type).toBe('VARCHAR');
		expect(byName.InvoiceDate.dateShare).toBe(1);
		expect(byName.CustomerID.nulls).toBe(1);
		expect(byName.InvoiceNo.distinct).toBe(8); // 536365, 536366, C536379, 536380, 536381, 536382, 536383, 536384
		expect(byName.InvoiceNo.examples).toEqual(['536365', '536366', 'C536379', '536380', '536381']);
		const rows = await engine.query(`SELECT "InvoiceNo" AS id FROM ${f.table} ORDER BY rowid`);
		expect(rows.map((r) => r.id)).toEqual(['536365', '536365', '536366', 'C536379', '536380', '536381', '536381', '536382', '536383', '536383', '536384']);
	});

	it('reads a TSV', async () => {
		const { files } = await loadPaths(engine, [fixture('orders.tsv')]);
		expect(files[0].readOptions.delimiter).toBe('\t');
		expect(await rowsOf(files[0].table, 'rowid')).toEqual([
			{ order_id: 'A1', customer: 'c1', 'order date': '2021-03-01', item: 'Widget', qty: 2, price: 10 },
			{ order_id: 'A1', customer: 'c1', 'order date': '2021-03-01', item: 'Gadget', qty: 1, price: 5.5 },
			{ order_id: 'A2', customer: 'c2', 'order date': '2021-03-05', item: 'Widget', qty: 1, price: 10 }
		]);
	});

	it('reads a ;-delimited file with quoted delimiters and doubled quotes', async () => {
		const { files } = await loadPaths(engine, [fixture('orders-semicolon.csv')]);
		expect(files[0].readOptions.delimiter).toBe(';');
		const rows = await engine.query(`SELECT "Customer Name" AS c, "Product" AS p, "Amount" AS a FROM ${files[0].table} ORDER BY rowid`);
		expect(rows).toEqual([
			{ c: 'Smith, John', p: 'Chair, oak', a: '1234,50' },
			{ c: 'Doe; Jane', p: 'Table', a: '99' },
			{ c: 'Smith, John', p: 'Lamp "Deluxe"', a: '12,5' }
		]);
	});

	it('reads a gzip CSV (detected by its bytes, whatever the name)', async () => {
		const gz = gzipSync(readFileSync(fixture('orders-small.csv')));
		const { files, failures } = await loadFiles(engine, [inputFromBytes('export.csv', new Uint8Array(gz))]);
		expect(failures).toEqual([]);
		expect(files[0].rows).toBe(11);
		const [s] = await engine.query(`SELECT sum("Quantity")::DOUBLE AS q FROM ${files[0].table}`);
		// 6 + 6 + 6 - 1 + 24 - 2 + 4 + 1 + 2 + 2 + 1
		expect(s.q).toBe(49);
	});

	it('reads a headerless CSV with given column names', async () => {
		const csv = new TextEncoder().encode('1001,2021-01-01,5.5\n1002,2021-01-02,7\n');
		const { files } = await loadFiles(engine, [inputFromBytes('noheader.csv', csv)], { read: { 'noheader.csv': { header: false, columnNames: ['id', 'day', 'amount'] } } });
		expect(files[0].readOptions).toMatchObject({ header: false, delimiter: ',' });
		expect(await rowsOf(files[0].table, 'rowid')).toEqual([
			{ id: 1001, day: '2021-01-01', amount: 5.5 },
			{ id: 1002, day: '2021-01-02', amount: 7 }
		]);
	});

	it('falls back to Latin-1 when the bytes are not UTF-8, and says so', async () => {
		const { files } = await loadPaths(engine, [fixture('latin1.csv')]);
		expect(files[0].readOptions.encoding).toBe('latin-1');
		expect(files[0].notes.join(' ')).toMatch(/not UTF-8/);
		const rows = await engine.query(`SELECT customer, product FROM ${files[0].table} ORDER BY rowid`);
		expect(rows).toEqual([
			{ customer: 'Martín', product: 'Café' },
			{ customer: 'José', product: 'Té' }
		]);
	});

	const cdnowSample = needDatasets('cdnow/CDNOW_sample.txt');
	it.skipIf(cdnowSample.missing)(cdnowSample.title('reads a headerless whitespace file with explicit options (CDNOW sample)'), async () => {
		const path = `${DATASETS}/cdnow/CDNOW_sample.txt`;
		const { files } = await loadPaths(engine, [path], {
			'CDNOW_sample.txt': { header: false, delimiter: 'whitespace', columnNames: ['master_id', 'sample_id', 'date', 'cds', 'dollars'] }
		});
		const f = files[0];
		expect(f.format).toBe('whitespace');
		expect(f.rows).toBe(6919);
		expect(f.columns.map((c) => [c.name, c.type])).toEqual([
			['master_id', 'VARCHAR'],
			['sample_id', 'VARCHAR'],
			['date', 'BIGINT'],
			['cds', 'BIGINT'],
			['dollars', 'DOUBLE']
		]);
		// First line of the file: " 00004 0001 19970101  2   29.33" (CRLF).
		const [first] = await engine.query(`SELECT * FROM ${f.table} WHERE rowid = 0`);
		expect(first).toEqual({ master_id: '00004', sample_id: '0001', date: 19970101, cds: 2, dollars: 29.33 });
		const [s] = await engine.query(`SELECT round(sum(dollars), 2) AS d, count(DISTINCT master_id) AS c FROM ${f.table}`);
		expect(s).toEqual({ d: 244091.94, c: 2357 });
	});

	const cdnowMaster = needDatasets('cdnow/CDNOW_master.txt');
	it.skipIf(cdnowMaster.missing)(cdnowMaster.title('detects a whitespace file with a header line (CDNOW master) without options'), async () => {
		const { files } = await loadPaths(engine, [`${DATASETS}/cdnow/CDNOW_master.txt`]);
		const f = files[0];
		expect(f.format).toBe('whitespace');
		expect(f.readOptions.header).toBe(true);
		expect(f.columns.map((c) => c.name)).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
		const [s] = await engine.query(`SELECT count(*) AS n, round(sum(dollar_value), 2) AS d FROM ${f.table}`);
		// SOURCES.md: 69,659 transactions, sum dollar_value 2,500,315.63.
		expect(s).toEqual({ n: 69659, d: 2500315.63 });
		await dropRawTables(engine, [f.table]);
	});
});

describe('formats parsed in JS', () => {
	const threeOrders = [
		{ id: 'J1', 'customer.id': 'u1', 'customer.city': 'Oslo', date: '2023-05-01T10:00:00Z', product: 'Tea', total: 12.5, status: null },
		{ id: 'J2', 'customer.id': 'u2', 'customer.city': 'Bergen', date: '2023-05-02T11:30:00Z', product: 'Coffee', total: 7, status: null },
		{ id: 'J3', 'customer.id': 'u1', 'customer.city': 'Oslo', date: '2023-06-10T09:15:00Z', product: 'Tea', total: -12.5, status: 'refunded' }
	];

	it('reads a JSON array of objects, flattening nested objects', async () => {
		const { files } = await loadPaths(engine, [fixture('orders.json')]);
		expect(files[0].format).toBe('json');
		expect(await rowsOf(files[0].table, 'rowid')).toEqual(threeOrders);
	});

	it('reads newline-delimited JSON (blank lines ignored)', async () => {
		const { files } = await loadPaths(engine, [fixture('orders.ndjson')]);
		expect(files[0].format).toBe('ndjson');
		expect(await rowsOf(files[0].table, 'rowid')).toEqual(threeOrders);
	});

	it('reads Parquet (parquet-wasm) as native DuckDB does: timestamps, dates, decimals, nulls', async () => {
		const { files } = await loadPaths(engine, [fixture('orders.parquet')]);
		const f = files[0];
		expect(f.format).toBe('parquet');
		// The second method: native DuckDB's own Parquet reader on the same file.
		const native = await createNativeEngine();
		try {
			const types = await native.query<{ name: string; type: string }>(`SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM read_parquet('${fixture('orders.parquet')}'))`);
			expect(f.columns.map((c) => [c.name, c.type])).toEqual(types.map((t) => [t.name, t.type]));
			expect(await rowsOf(f.table, 'rowid')).toEqual(await native.query(`SELECT * FROM read_parquet('${fixture('orders.parquet')}')`));
		} finally {
			await native.close();
		}
		expect(await rowsOf(f.table, 'rowid')).toEqual([
			{ order_id: 'P1', customer_id: 101, order_ts: '2022-01-03 10:00:00', ship_date: '2022-01-05', product: 'Pen', quantity: 3, unit_price: 1.5, country: 'UK' },
			{ order_id: 'P1', customer_id: 101, order_ts: '2022-01-03 10:00:00', ship_date: '2022-01-05', product: 'Ink', quantity: 1, unit_price: 4.25, country: 'UK' },
			{ order_id: 'P2', customer_id: 102, order_ts: '2022-02-14 16:30:00', ship_date: '2022-02-16', product: 'Pad', quantity: 2, unit_price: 3, country: 'FR' },
			{ order_id: 'P3', customer_id: null, order_ts: '2022-02-15 09:00:00', ship_date: null, product: 'Pen', quantity: 10, unit_price: 1.5, country: 'FR' }
		]);
	});

	it('reads the Arrow types pandas and Polars write into Parquet: dictionary and large strings, time zones', async () => {
		// Written by arrow-rs (parquet-wasm's writer), which stores the Arrow schema in the file as pyarrow and Polars do.
		const pw = await import('parquet-wasm/esm');
		await pw.default({ module_or_path: await parquetWasmBytes() });
		const table = new arrow.Table({
			country: arrow.vectorFromArray(['UK', 'FR', 'UK', null], new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32())),
			label: arrow.vectorFromArray(['a', 'bb', null, 'dddd'], new arrow.LargeUtf8()),
			ordered: arrow.vectorFromArray([Date.UTC(2024, 0, 2, 10), Date.UTC(2024, 0, 3), null, Date.UTC(2024, 1, 29, 23, 59)], new arrow.TimestampMillisecond('UTC'))
		});
		const bytes = pw.writeParquet(pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')));
		const { files } = await loadFiles(engine, [inputFromBytes('arrow-types.parquet', bytes)]);
		expect(files[0].columns.map((c) => c.type)).toEqual(['VARCHAR', 'VARCHAR', 'TIMESTAMP WITH TIME ZONE']);
		expect(await engine.query(`SELECT country, label, CAST(ordered AS VARCHAR) AS ordered FROM "${files[0].table}" ORDER BY rowid`)).toEqual([
			{ country: 'UK', label: 'a', ordered: '2024-01-02 10:00:00+00' },
			{ country: 'FR', label: 'bb', ordered: '2024-01-03 00:00:00+00' },
			{ country: 'UK', label: null, ordered: null },
			{ country: null, label: 'dddd', ordered: '2024-02-29 23:59:00+00' }
		]);
	});

	it('reads XLSX (first sheet by default, sheet names listed, a chosen sheet, dates as timestamps)', async () => {
		const buf = await writeXlsxFile([
			{
				sheet: 'Orders',
				data: [
					['Order ID', 'Customer', 'Order Date', 'Serial Date', 'Qty', 'Unit Price'],
					['X1', 'ann', { value: new Date(Date.UTC(2021, 0, 15, 9, 30)), type: Date, format: 'yyyy-mm-dd hh:mm' }, 44211, 2, 4.5],
					['X2', 'bob', { value: new Date(Date.UTC(2021, 1, 1)), type: Date, format: 'dd/mm/yyyy' }, 44228, 1, 3]
				]
			},
			{ sheet: 'Returns', data: [['Order ID', 'Qty'], ['X1', -1]] }
		]).toBuffer();
		const bytes = new Uint8Array(buf);
		const { files } = await loadFiles(engine, [inputFromBlob(new Blob([bytes]), 'orders.xlsx')]);
		const f = files[0];
		expect(f.format).toBe('xlsx');
		expect(f.sheets).toEqual(['Orders', 'Returns']);
		expect(f.readOptions.sheet).toBe('Orders');
		expect(await rowsOf(f.table, 'rowid')).toEqual([
			{ 'Order ID': 'X1', Customer: 'ann', 'Order Date': '2021-01-15 09:30:00', 'Serial Date': 44211, Qty: 2, 'Unit Price': 4.5 },
			{ 'Order ID': 'X2', Customer: 'bob', 'Order Date': '2021-02-01 00:00:00', 'Serial Date': 44228, Qty: 1, 'Unit Price': 3 }
		]);
		const second = await loadFiles(engine, [inputFromBytes('orders.xlsx', bytes)], { read: { 'orders.xlsx': { sheet: 'Returns' } } });
		expect(await rowsOf(second.files[0].table)).toEqual([{ 'Order ID': 'X1', Qty: -1 }]);
		const missing = await loadFiles(engine, [inputFromBytes('orders.xlsx', bytes)], { read: { 'orders.xlsx': { sheet: 'Nope' } } });
		expect(missing.failures[0].message).toBe('orders.xlsx has no sheet named "Nope". Choose one of: Orders, Returns.');
	});
});

describe('refusals with a specific message', () => {
	const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

	it.each([
		['empty.csv', null, 'empty', 'empty.csv is empty.'],
		['header-only.csv', null, 'header-only', 'header-only.csv has column names but no data rows.'],
		['photo.png', png, 'unsupported', 'photo.png is not a data file we can read (CSV, TSV, Parquet, JSON or XLSX).'],
		['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'old-excel', 'old.xls is an old Excel (.xls) workbook, which we cannot read. Open it in Excel and save it as .xlsx or CSV.'],
		['data.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, ...new TextEncoder().encode('data.csv')]), 'archive', 'data.zip is a zip archive, not a data file. Unzip it and add the data file inside.'],
		['blank.json', new TextEncoder().encode('[]'), 'empty', 'blank.json is empty.']
	])('%s', async (name, bytes, problem, message) => {
		const input = bytes ? inputFromBytes(name, bytes) : await inputFromPath(fixture(name));
		const { files, failures } = await loadFiles(engine, [input]);
		expect(files).toEqual([]);
		expect(failures).toHaveLength(1);
		expect(failures[0]).toBeInstanceOf(IngestError);
		expect(failures[0]).toMatchObject({ file: name, problem, message });
	});

	it('reports a broken NDJSON line by number', async () => {
		const { failures } = await loadFiles(engine, [inputFromBytes('x.ndjson', new TextEncoder().encode('{"a":1}\n{"a":2\n'))]);
		expect(failures[0]).toMatchObject({ problem: 'unreadable', row: 2, message: 'x.ndjson, line 2 is not valid JSON. Each line of a newline-delimited JSON file must be one JSON object.' });
	});

	it('loads the good files of a batch and reports the bad ones', async () => {
		const { files, failures } = await loadFiles(engine, [inputFromBytes('photo.png', png), await inputFromPath(fixture('orders.tsv'))]);
		expect(files.map((f) => f.name)).toEqual(['orders.tsv']);
		expect(failures.map((f) => f.file)).toEqual(['photo.png']);
	});
});

describe('raw tables and progress', () => {
	it('never overwrites an earlier raw table, even after a failure', async () => {
		const a = await loadPaths(engine, [fixture('orders.tsv')]);
		await loadFiles(engine, [await inputFromPath(fixture('header-only.csv'))]);
		const b = await loadPaths(engine, [fixture('orders.tsv')]);
		const ka = Number(a.files[0].table.slice(4));
		const kb = Number(b.files[0].table.slice(4));
		expect(a.files[0].table).toMatch(/^raw_\d+$/);
		expect(kb).toBeGreaterThan(ka);
		expect((await engine.query(`SELECT count(*) AS n FROM ${a.files[0].table}`))[0].n).toBe(3);
		// The failed file left no table behind.
		const leftovers = await engine.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%\\_\\_%' ESCAPE '\\'");
		expect(leftovers).toEqual([]);
		await dropRawTables(engine, [a.files[0].table, b.files[0].table, 'transactions']);
		expect((await engine.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name IN ('${a.files[0].table}', '${b.files[0].table}')`))[0].n).toBe(0);
	});

	it('reports reading, parsing and profiling with byte counts and rows', async () => {
		const seen: LoadProgress[] = [];
		const input = await inputFromPath(fixture('orders.json'));
		await loadFiles(engine, [input], { onProgress: (p) => seen.push(p) });
		const phases = seen.map((p) => p.phase).filter((p, i, a) => a[i - 1] !== p);
		expect(phases).toEqual(['reading', 'parsing', 'profiling']);
		expect(seen.every((p) => p.file === 'orders.json' && p.bytesTotal === input.size)).toBe(true);
		expect(seen.some((p) => p.phase === 'reading' && p.bytesDone === input.size)).toBe(true);
		expect(seen.at(-1)).toMatchObject({ phase: 'profiling', rows: 3 });
	});
});
