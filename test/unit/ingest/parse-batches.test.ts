/**
 * How a parsed file reaches the database: batches of DuckDB's row group size (122,880 rows) whatever
 * the file's own row groups, in order, one insert at a time, and the parse ends only when the last
 * insert has. Expected rows come from the generating SQL (row i holds i), not from the parser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import { inlineParser } from '../../../src/lib/engine/inline-parser';
import type { BatchSink } from '../../../src/lib/ingest/parse';

const ROWS = 300_000;
let bytes: Uint8Array;
let dir: string;

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'parse-batches-'));
	const file = path.join(dir, 'rows.parquet');
	const native = await createNativeEngine();
	try {
		// Every seventh text missing: the Parquet columns are optional, as in files from pandas or Spark.
		await native.exec(
			`COPY (SELECT i, CASE WHEN i % 7 = 3 THEN NULL ELSE 'row ' || i END AS label FROM range(${ROWS}) t(i) ORDER BY i) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 100000)`
		);
	} finally {
		await native.close();
	}
	bytes = new Uint8Array(readFileSync(file));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parquet = (sink: BatchSink) => inlineParser({ kind: 'parquet', name: 'rows.parquet', data: bytes, options: {} }, sink);
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Parquet batches', () => {
	it("are DuckDB's row groups, not the file's, and hold every row in order", async () => {
		const groups = parquetMetadata(bytes.buffer as ArrayBuffer).row_groups.map((g) => Number(g.num_rows));
		const batches: { rows: number; rowsSoFar: number; first: unknown; last: unknown; labels: (string | null)[] }[] = [];
		const summary = await parquet(async (ipc, rowsSoFar) => {
			const t = tableFromIPC(ipc);
			const ids = t.getChild('i')!.toArray() as BigInt64Array;
			batches.push({ rows: t.numRows, rowsSoFar, first: Number(ids[0]), last: Number(ids[t.numRows - 1]), labels: [t.getChild('label')!.get(0), t.getChild('label')!.get(3)] });
		});
		// The file's own row groups do not fall on the batch boundaries, so rows are carried across groups.
		expect(groups.reduce((a, b) => a + b, 0)).toBe(ROWS);
		expect(groups).not.toContain(122_880);
		expect(summary.rows).toBe(ROWS);
		expect(batches.map((b) => b.rows)).toEqual([122_880, 122_880, ROWS - 2 * 122_880]);
		expect(batches.map((b) => b.rowsSoFar)).toEqual([122_880, 245_760, ROWS]);
		expect(batches.map((b) => [b.first, b.last])).toEqual([
			[0, 122_879],
			[122_880, 245_759],
			[245_760, ROWS - 1]
		]);
		// Row 3 of a batch is missing in the first only (122,880 ≡ 2 mod 7): each null stays on its own row.
		expect(batches.map((b) => b.labels)).toEqual([
			['row 0', null],
			['row 122880', 'row 122883'],
			['row 245760', 'row 245763']
		]);
	});

	it('go one at a time, and the parse ends after the last insert', async () => {
		let inFlight = 0;
		let most = 0;
		let inserted = 0;
		await parquet(async () => {
			most = Math.max(most, ++inFlight);
			await tick();
			inFlight--;
			inserted++;
		});
		expect(most).toBe(1);
		expect(inserted).toBe(3);
	});

	it('stop at an insert that fails: its error ends the parse and nothing more is sent', async () => {
		const calls: number[] = [];
		const failure = new Error('the database is full');
		const parse = parquet(async (_ipc, rowsSoFar) => {
			calls.push(rowsSoFar);
			await tick();
			if (calls.length === 1) throw failure;
		});
		await expect(parse).rejects.toThrow(/the database is full/);
		await tick();
		expect(calls).toEqual([122_880]);
	});
});

describe('JSON batches', () => {
	it("are DuckDB's row groups too", async () => {
		const rows = 130_000;
		const text = Array.from({ length: rows }, (_, i) => JSON.stringify({ i, label: `row ${i}` })).join('\n');
		const batches: [number, number, number][] = [];
		await inlineParser({ kind: 'json', name: 'rows.ndjson', data: new TextEncoder().encode(text), options: {} }, async (ipc, rowsSoFar) => {
			const t = tableFromIPC(ipc);
			batches.push([t.numRows, rowsSoFar, Number(t.getChild('i')!.get(0))]);
		});
		expect(batches).toEqual([
			[122_880, 122_880, 0],
			[rows - 122_880, rows, 122_880]
		]);
	});
});
