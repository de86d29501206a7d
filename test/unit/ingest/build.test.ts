/**
 * Building `transactions` / `customers` from hand-worked fixtures: every expected number below is
 * counted by hand from the fixture lines (see test/fixtures/ingest/README.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { suggestMapping } from '../../../src/lib/ingest/automap';
import { buildCanonical } from '../../../src/lib/ingest/build';
import { CANONICAL_FIELDS, DERIVED_COLUMNS, TRANSACTIONS_TABLE } from '../../../src/lib/ingest/canonical-fields';
import { IngestError } from '../../../src/lib/ingest/errors';
import { inputFromBytes } from '../../../src/lib/ingest/input';
import { loadFiles } from '../../../src/lib/ingest/load';
import type { LoadProgress, LoadResult, Mapping } from '../../../src/lib/ingest/types';
import { SAMPLES, fixture, loadPaths } from './helpers';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

async function loadAndBuild(paths: string[]) {
	const loaded = await loadPaths(engine, paths);
	const s = suggestMapping(loaded.files);
	const result = await buildCanonical(engine, loaded, s.mapping);
	return { loaded, suggestion: s, result };
}

const text = (csv: string) => new TextEncoder().encode(csv);

describe('orders-small.csv, worked by hand', () => {
	it('has exactly the canonical columns and types', async () => {
		await loadAndBuild([fixture('orders-small.csv')]);
		const cols = await engine.query<{ name: string; type: string }>(
			"SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = 'transactions' ORDER BY column_index"
		);
		expect(cols.map((c) => c.name)).toEqual([...CANONICAL_FIELDS.map((f) => f.field), ...DERIVED_COLUMNS]);
		expect(cols.map((c) => c.type)).toEqual([
			...CANONICAL_FIELDS.map((f) => f.type),
			'BIGINT', // row_no
			'VARCHAR', // source_file
			'DATE', // order_date
			'BOOLEAN', // is_return
			'BOOLEAN' // is_cancelled
		]);
	});

	it('stores only the fields the file gives; the others read as NULL', async () => {
		await loadAndBuild([fixture('orders-small.csv')]);
		const stored = await engine.query<{ name: string }>(
			"SELECT column_name AS name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
			[TRANSACTIONS_TABLE]
		);
		// The file's columns: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country.
		expect(stored.map((c) => c.name)).toEqual(['order_id', 'customer_id', 'order_ts', 'product', 'quantity', 'unit_price', 'revenue', 'country', ...DERIVED_COLUMNS]);
		const [absent] = await engine.query<Record<string, number>>(
			'SELECT count(*) AS n, count(category) AS category, count(cost) AS cost, count(status) AS status, count(rating) AS rating, count(review_date) AS review_date FROM transactions'
		);
		expect(absent).toEqual({ n: 10, category: 0, cost: 0, status: 0, rating: 0, review_date: 0 });
	});

	it('flags, excludes and counts what the lines say', async () => {
		const { result } = await loadAndBuild([fixture('orders-small.csv')]);
		const q = result.quality;
		expect(q.rowsRead).toBe(11);
		expect(q.rowsInTransactions).toBe(10); // row 8 has the impossible date 2010-13-45
		expect(q.flagged).toEqual({
			cancellationLines: 1, // C536379 (row 4)
			returnLines: 2, // rows 4 and 6 have negative quantities
			missingCustomerId: 1, // row 5
			badDates: { count: 1, missing: 0, unparseable: 1, examples: [{ file: 'orders-small.csv', row: 8, value: '2010-13-45 10:00:00' }] },
			zeroRevenue: 1, // row 11, price 0
			missingRevenue: { count: 0, examples: [] },
			duplicateLines: 1 // row 10 = row 9
		});
		// 536365, 536366, C536379, 536380, 536381, 536383, 536384 (536382 excluded with its date)
		expect(q.orders).toBe(7);
		expect(q.customers).toBe(4); // 17850, 14527, 15311, 12345
		// 15.30 + 20.34 + 11.10 − 27.50 + 34.80 − 9.90 + 5.00 + 2.90 + 2.90 + 0
		expect(q.revenue).toBe(54.94);
		expect([q.dateFrom, q.dateTo]).toEqual(['2010-12-01', '2010-12-03']);
		expect(q.dateFormats).toEqual([{ file: 'orders-small.csv', column: 'InvoiceDate', format: 'iso', description: 'YYYY-MM-DD with an optional time' }]);
		expect(q.notes).toContain('Order ids starting with "C" are cancellations in orders-small.csv (1 line).');
		expect(q.notes).toContain('1 line without a readable date was left out (e.g. orders-small.csv row 8: "2010-13-45 10:00:00").');
		expect(q.customersTable).toBeNull();
		expect(q.disabledAnalyses.map((d) => d.analysis).sort()).toEqual(['categories', 'demographics', 'feedback', 'status']);
		expect(JSON.parse(JSON.stringify(q))).toEqual(q); // plain and serialisable

		const rows = await engine.query('SELECT row_no, order_id, revenue, is_return, is_cancelled FROM transactions ORDER BY row_no');
		expect(rows.map((r) => r.row_no)).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 10, 11]);
		const byRow = Object.fromEntries(rows.map((r) => [r.row_no, r]));
		expect(byRow[4]).toMatchObject({ order_id: 'C536379', is_return: true, is_cancelled: true });
		// A return line inside an order with a positive line: a return, not a cancelled order.
		expect(byRow[6]).toMatchObject({ order_id: '536381', is_return: true, is_cancelled: false });
		expect(byRow[7]).toMatchObject({ is_return: false, is_cancelled: false });
		const [t] = await engine.query("SELECT count(*) FILTER (WHERE customer_id IS NULL) AS nc, min(source_file) AS f, count(*) FILTER (WHERE order_date <> CAST(order_ts AS DATE)) AS bad FROM transactions");
		expect(t).toEqual({ nc: 1, f: 'orders-small.csv', bad: 0 });
	});

	it('reports building progress step by step', async () => {
		const loaded = await loadPaths(engine, [fixture('orders.tsv')]);
		const seen: LoadProgress[] = [];
		await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping, { onProgress: (p) => seen.push(p) });
		expect(seen.every((p) => p.phase === 'building' && p.file === 'orders.tsv')).toBe(true);
		// Announced before any work (0), then once per step.
		expect(seen.map((p) => p.bytesDone)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(seen.at(-1)).toMatchObject({ bytesTotal: 6, rows: 3 });
	});

	it('gives the same result from the gzipped file', async () => {
		const { gzipSync } = await import('node:zlib');
		const { readFileSync } = await import('node:fs');
		const plain = (await loadAndBuild([fixture('orders-small.csv')])).result.quality;
		const loaded = await loadFiles(engine, [inputFromBytes('orders-small.csv.gz', new Uint8Array(gzipSync(readFileSync(fixture('orders-small.csv')))))]);
		const gz = (await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping)).quality;
		const strip = (q: typeof plain) => JSON.parse(JSON.stringify(q).replaceAll('orders-small.csv.gz', 'orders-small.csv').replace(/raw_\d+/g, 'raw'));
		expect(strip(gz)).toEqual(strip(plain));
	});
});

describe('several files', () => {
	it('unions order files with the same header, keeping each file\'s row numbers', async () => {
		const head = 'order_id,order_date,customer,sales\n';
		const loaded = await loadFiles(engine, [
			inputFromBytes('jan.csv', text(`${head}1,2021-01-04,a,10\n2,2021-01-05,b,20\n`)),
			inputFromBytes('feb.csv', text(`${head}3,2021-02-01,a,5\n`))
		]);
		const s = suggestMapping(loaded.files);
		expect(s.mapping.files.map((m) => m.role)).toEqual(['transactions', 'transactions']);
		expect(s.notes).toContain('2 order files with the same columns are combined.');
		const { quality } = await buildCanonical(engine, loaded, s.mapping);
		expect(quality.files.map((f) => [f.file, f.rowsRead, f.rowsUsed])).toEqual([
			['jan.csv', 2, 2],
			['feb.csv', 1, 1]
		]);
		expect(quality).toMatchObject({ rowsRead: 3, rowsInTransactions: 3, orders: 3, customers: 2, revenue: 35, dateFrom: '2021-01-04', dateTo: '2021-02-01' });
		expect(await engine.query('SELECT source_file AS f, row_no AS r FROM transactions ORDER BY order_id')).toEqual([
			{ f: 'jan.csv', r: 1 },
			{ f: 'jan.csv', r: 2 },
			{ f: 'feb.csv', r: 1 }
		]);
	});

	it('stores each line\'s file name as one small value, read back as the name (quotes and repeated names too)', async () => {
		const head = 'order_id,order_date,customer,sales\n';
		const loaded = await loadFiles(engine, [
			inputFromBytes("it's.csv", text(`${head}1,2021-01-04,a,10\n`)),
			inputFromBytes('sales.csv', text(`${head}2,2021-01-05,b,20\n`)),
			inputFromBytes('sales.csv', text(`${head}3,2021-02-01,a,5\n`))
		]);
		await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		const [stored] = await engine.query<{ type: string }>("SELECT data_type AS type FROM duckdb_columns() WHERE table_name = ? AND column_name = 'source_file'", [TRANSACTIONS_TABLE]);
		expect(stored.type).toMatch(/^ENUM\(/);
		expect(await engine.query("SELECT source_file AS f, typeof(source_file) AS t FROM transactions WHERE source_file = 'sales.csv' ORDER BY order_id")).toEqual([
			{ f: 'sales.csv', t: 'VARCHAR' },
			{ f: 'sales.csv', t: 'VARCHAR' }
		]);
		expect(await engine.query('SELECT source_file AS f FROM transactions WHERE order_id = ?', ['1'])).toEqual([{ f: "it's.csv" }]);
	});

	it('tells empty dates from unreadable ones when repeated dates are parsed once per distinct text', async () => {
		// 28 lines, 4 distinct texts: few enough for the dictionary of parsed dates (a quarter of the lines or fewer).
		const good = Array.from({ length: 24 }, (_, i) => `o${i},2021-01-0${(i % 2) + 4} 10:00,1`);
		const csv = ['order,order_date,sales', ...good, 'x1,,2', 'x2, ,3', 'x3,someday,4', 'x4,someday,5'].join('\n') + '\n';
		const loaded = await loadFiles(engine, [inputFromBytes('rep.csv', text(csv))]);
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		// Data rows 25 and 26 (an empty cell, a blank one) have no date; rows 27 and 28 one that cannot be read.
		expect(quality.flagged.badDates).toEqual({
			count: 4,
			missing: 2,
			unparseable: 2,
			examples: [
				{ file: 'rep.csv', row: 25, value: null },
				{ file: 'rep.csv', row: 26, value: null },
				{ file: 'rep.csv', row: 27, value: 'someday' },
				{ file: 'rep.csv', row: 28, value: 'someday' }
			]
		});
		expect(quality.rowsInTransactions).toBe(24);
	});

	it('keeps row numbers right when the file has a column called rowid', async () => {
		const loaded = await loadFiles(engine, [inputFromBytes('r.csv', text('rowid,order_date,sales\nx,2021-01-04,1\ny,bad,2\n'))]);
		expect(loaded.files[0].columns.map((c) => c.name)).toEqual(['rowid_', 'order_date', 'sales']);
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(quality.flagged.badDates.examples).toEqual([{ file: 'r.csv', row: 2, value: 'bad' }]);
	});
});

describe('cancellations', () => {
	it('reads the C-prefix only when the other ids are numeric', async () => {
		const csv = 'order,date,amount\nC100,2021-01-01,5\nAB1,2021-01-02,6\nAB7,2021-01-03,-2\n';
		const loaded = await loadFiles(engine, [inputFromBytes('codes.csv', text(csv))]);
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		// The other ids are not numbers, so "C100" is just an id; the all-negative order AB7 is still a cancellation.
		expect(quality.flagged.cancellationLines).toBe(1);
		expect(await engine.query('SELECT order_id FROM transactions WHERE is_cancelled')).toEqual([{ order_id: 'AB7' }]);
		expect(quality.notes.join(' ')).not.toMatch(/starting with "C"/);
	});

	it('counts the orders cancelled by a C-prefix, by all-negative lines, or both', async () => {
		// Numeric ids with a C-prefixed one, so the file follows the convention. C103 has a positive
		// line (cancelled by its prefix only); 104 is all negative (cancelled without the prefix).
		const csv = 'order,date,amount\n100,2021-01-01,5\n101,2021-01-02,6\n102,2021-01-03,7\nC103,2021-01-04,4\nC103,2021-01-04,-1\n104,2021-01-05,-3\n105,2021-01-06,2\n';
		const loaded = await loadFiles(engine, [inputFromBytes('mixed.csv', text(csv))]);
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(quality.orders).toBe(6);
		expect(quality.flagged.cancellationLines).toBe(3);
		expect(quality.flagged.returnLines).toBe(2);
		expect(quality.notes).toContain('Order ids starting with "C" are cancellations in mixed.csv (2 lines).');
		expect(quality.notes).toContain('2 orders (3 lines) are flagged as cancelled; cancellations are kept and flagged, not deleted.');
		expect(await engine.query('SELECT DISTINCT order_id FROM transactions WHERE is_cancelled ORDER BY order_id')).toEqual([{ order_id: '104' }, { order_id: 'C103' }]);
	});

	it('does not read ids that all start with C as cancellations', async () => {
		const csv = 'order_id,order_date,sales\nC1001,2021-01-01,5\nC1002,2021-01-02,6\n';
		const loaded = await loadFiles(engine, [inputFromBytes('c.csv', text(csv))]);
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(quality.flagged.cancellationLines).toBe(0);
	});

	it('flags whole orders by a cancelled status (any casing, "canceled" too)', async () => {
		const csv = 'order_id,order_date,sales,status\n1,2021-01-01,5,Shipped\n2,2021-01-02,6,CANCELLED\n2,2021-01-02,4,Cancelled\n3,2021-01-03,1,canceled\n';
		const loaded = await loadFiles(engine, [inputFromBytes('s.csv', text(csv))]);
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(quality.flagged.cancellationLines).toBe(3);
		expect(quality.flagged.returnLines).toBe(0);
	});
});

describe('dates', () => {
	it('reads day-first dates when a day above 12 shows up', async () => {
		const { result } = await loadAndBuild([fixture('orders-semicolon.csv')]);
		expect(result.quality.dateFormats[0].format).toBe('dmy');
		expect(await engine.query('SELECT CAST(order_date AS VARCHAR) AS d, customer_id, product, revenue FROM transactions ORDER BY row_no')).toEqual([
			{ d: '2021-03-15', customer_id: 'Smith, John', product: 'Chair, oak', revenue: 1234.5 },
			{ d: '2021-04-02', customer_id: 'Doe; Jane', product: 'Table', revenue: 99 },
			{ d: '2021-04-28', customer_id: 'Smith, John', product: 'Lamp "Deluxe"', revenue: 12.5 }
		]);
	});

	it('reads ambiguous dates month-first, says so, and obeys a chosen format', async () => {
		const csv = 'order_id,order_date,amount\n1,03/04/2021,1\n2,05/06/2021 14:30,2\n';
		const loaded = await loadFiles(engine, [inputFromBytes('amb.csv', text(csv))]);
		const { mapping } = suggestMapping(loaded.files);
		const us = await buildCanonical(engine, loaded, mapping);
		expect(us.quality.notes.join(' ')).toMatch(/read month-first \(US\)/);
		expect(await engine.query('SELECT order_ts FROM transactions ORDER BY row_no')).toEqual([{ order_ts: '2021-03-04 00:00:00' }, { order_ts: '2021-05-06 14:30:00' }]);
		const eu = await buildCanonical(engine, loaded, mapping, { dateFormat: 'dmy' });
		expect(eu.quality.dateFormats[0].format).toBe('dmy');
		expect(await engine.query('SELECT order_ts FROM transactions ORDER BY row_no')).toEqual([{ order_ts: '2021-04-03 00:00:00' }, { order_ts: '2021-06-05 14:30:00' }]);
		const custom = await buildCanonical(engine, loaded, { files: [{ ...mapping.files[0], dateFormat: { strptime: '%d/%m/%Y' } }] });
		// The time on row 2 does not fit the pattern: excluded and reported.
		expect(custom.quality.flagged.badDates).toEqual({ count: 1, missing: 0, unparseable: 1, examples: [{ file: 'amb.csv', row: 2, value: '05/06/2021 14:30' }] });
	});

	it.each([
		['ISO with T and zone', '2021-03-04T10:20:30Z', '2021-03-04 10:20:30'],
		['ISO with offset', '2021-03-04 10:20:30+02:00', '2021-03-04 10:20:30'],
		['YYYYMMDD', '20210304', '2021-03-04 00:00:00'],
		['month names', '4 Mar 2021', '2021-03-04 00:00:00'],
		['US with AM/PM', '3/4/2021 1:05 PM', '2021-03-04 13:05:00'],
		['dots, day first', '24.12.2021', '2021-12-24 00:00:00']
	])('reads %s', async (_label, value, expected) => {
		const loaded = await loadFiles(engine, [inputFromBytes('d.csv', text(`order_date,amount\n${value},1\n`))]);
		await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(await engine.query('SELECT order_ts FROM transactions')).toEqual([{ order_ts: expected }]);
	});

	it('reads Excel serial day numbers under a date-like name', async () => {
		const loaded = await loadFiles(engine, [inputFromBytes('x.csv', text('InvoiceDate,Sales\n44211,1\n44228.5,2\n'))]);
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(quality.dateFormats[0].format).toBe('excel');
		expect(await engine.query('SELECT order_ts FROM transactions ORDER BY row_no')).toEqual([{ order_ts: '2021-01-15 00:00:00' }, { order_ts: '2021-02-01 12:00:00' }]);
	});
});

describe('errors an analyst can act on', () => {
	it('refuses a column of impossible dates, naming the column and a row', async () => {
		const loaded = await loadPaths(engine, [fixture('bad-dates.csv')]);
		const err = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping).catch((e) => e);
		expect(err).toBeInstanceOf(IngestError);
		expect(err).toMatchObject({ file: 'bad-dates.csv', column: 'OrderDate', row: 1, problem: 'bad-dates' });
		expect(err.message).toBe('bad-dates.csv, column "OrderDate": 3 of 3 values could not be read as dates (e.g. row 1: "31.02.2021"). Choose the date format in "Review columns".');
	});

	it('refuses a mapping without revenue', async () => {
		const loaded = await loadPaths(engine, [fixture('orders.tsv')]);
		const { mapping } = suggestMapping(loaded.files);
		delete mapping.files[0].fields.unit_price;
		const err = await buildCanonical(engine, loaded, mapping).catch((e) => e);
		expect(err).toBeInstanceOf(IngestError);
		expect(err.message).toBe('orders.tsv: the mapping leaves no revenue: map a revenue column, or both quantity and unit price.');
	});

	it('refuses a column that is not in the file', async () => {
		const loaded = await loadPaths(engine, [fixture('orders.tsv')]);
		const { mapping } = suggestMapping(loaded.files);
		mapping.files[0].fields.country = 'Land';
		const err = await buildCanonical(engine, loaded, mapping).catch((e) => e);
		expect(err).toMatchObject({ problem: 'unknown-column', column: 'Land' });
	});

	it('wraps engine errors with the file name and a hint, without DuckDB internals', async () => {
		const loaded = await loadPaths(engine, [fixture('orders.tsv')]);
		const { mapping } = suggestMapping(loaded.files);
		const err = await buildCanonical(engine, loaded, { files: [{ ...mapping.files[0], dateFormat: { strptime: '%Q' } }] }).catch((e) => e);
		expect(err).toBeInstanceOf(IngestError);
		expect(err.file).toBe('orders.tsv');
		expect(err.message).toMatch(/^orders\.tsv: /);
		expect(err.message).toMatch(/"Review columns"\.$/);
		expect(err.message).not.toMatch(/\n|Error:|^Error/);
	});

	it('never loses the previous tables when a build fails', async () => {
		await loadAndBuild([fixture('orders-small.csv')]);
		const before = await engine.query('SELECT count(*) AS n, sum(revenue) AS r FROM transactions');
		const bad = await loadPaths(engine, [fixture('bad-dates.csv')]);
		await expect(buildCanonical(engine, bad, suggestMapping(bad.files).mapping)).rejects.toBeInstanceOf(IngestError);
		expect(await engine.query('SELECT count(*) AS n, sum(revenue) AS r FROM transactions')).toEqual(before);
		expect(await engine.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_\\_ingest%' ESCAPE '\\'")).toEqual([]);
	});
});

describe('without an order id, or without orders', () => {
	it('counts each distinct customer and time as one order and says so', async () => {
		const csv = 'customer,date,amount\na,2021-01-01 10:00,5\na,2021-01-01 10:00,3\na,2021-01-02 09:00,2\nb,2021-01-01 10:00,7\n';
		const loaded = await loadFiles(engine, [inputFromBytes('noid.csv', text(csv))]);
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(quality.orders).toBe(3);
		expect(quality.notes).toContain('noid.csv has no order id column: each distinct customer and date/time is counted as one order.');
		expect((await engine.query('SELECT count(*) AS n FROM transactions WHERE order_id IS NULL'))[0].n).toBe(0);
	});

	it('names a line without an order id by its customer and time, the same in the order checks and in transactions', async () => {
		// Customers as decimals (12346.0): the made-up id must read "12346" in both passes, or the two
		// returned lines of 2 January would not be found as an order cancelled as a whole.
		const csv = 'order,customer,date,amount\nA1,12346.0,2021-01-01 10:00,5\n,12346.0,2021-01-02 09:00,-3\n,12346.0,2021-01-02 09:00,-2\n,12347.0,2021-01-03 09:00,4\n';
		const loaded = await loadFiles(engine, [inputFromBytes('gaps.csv', text(csv))]);
		expect(loaded.files[0].columns.find((c) => c.name === 'customer')?.type).toBe('DOUBLE');
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(quality.orders).toBe(3);
		expect(quality.flagged.cancellationLines).toBe(2);
		expect(await engine.query('SELECT order_id, customer_id, is_cancelled FROM transactions ORDER BY row_no')).toEqual([
			{ order_id: 'A1', customer_id: '12346', is_cancelled: false },
			{ order_id: '12346 2021-01-02 09:00:00', customer_id: '12346', is_cancelled: true },
			{ order_id: '12346 2021-01-02 09:00:00', customer_id: '12346', is_cancelled: true },
			{ order_id: '12347 2021-01-03 09:00:00', customer_id: '12347', is_cancelled: false }
		]);
	});

	it('a customers-only mapping is refused with the no-orders message', async () => {
		const loaded: LoadResult = await loadPaths(engine, [`${SAMPLES}/crm-customers.csv`]);
		const mapping: Mapping = suggestMapping(loaded.files).mapping;
		const err = await buildCanonical(engine, loaded, mapping).catch((e) => e);
		expect(err).toMatchObject({ problem: 'no-transactions' });
		expect(err.message).toMatch(/^crm-customers\.csv has one row per customer and no order dates/);
	});
});
