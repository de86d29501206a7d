/**
 * Data larger than DuckDB-WASM's memory limit: DuckDB stops the statement with an out-of-memory error
 * and keeps its tables. Here the limit is lowered on a real engine until a build or an analysis runs
 * out, and the messages must say so (not DuckDB's lines about disks), with the earlier data intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { isOutOfMemory, memoryInUse } from '../../../src/lib/engine/memory';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { runAll } from '../../../src/lib/analyses/index';
import { toUserError } from '../../../src/lib/app/errors';
import { suggestMapping } from '../../../src/lib/ingest/automap';
import { buildCanonical } from '../../../src/lib/ingest/build';
import { IngestError } from '../../../src/lib/ingest/errors';
import { inputFromBytes } from '../../../src/lib/ingest/input';
import { loadFiles } from '../../../src/lib/ingest/load';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

const HEAD = 'order_id,customer_id,order_date,product,revenue';
/** `n` lines, each its own order, customer and product: every table built from it grows with it. */
const lines = (name: string, n: number) =>
	inputFromBytes(name, new TextEncoder().encode([HEAD, ...Array.from({ length: n }, (_, i) => `O${i},C${i},2024-0${1 + (i % 9)}-1${i % 10},product number ${i},${(i % 97) + 1}`)].join('\n')));

const limitTo = (bytes: number) => engine.exec(`SET memory_limit = '${Math.floor(bytes)}B'`);
const unlimited = () => engine.exec("SET memory_limit = '3GB'");

describe('out of memory', () => {
	it('a build that runs out says so, names the file and the command line, and keeps the data built before', async () => {
		const small = await loadFiles(engine, [lines('small.csv', 3)]);
		await buildCanonical(engine, small, suggestMapping(small.files).mapping);
		const big = await loadFiles(engine, [lines('big.csv', 300_000)]);
		// Room for the raw table, not for `transactions` beside it.
		await limitTo((await memoryInUse(engine)) + 4e6);
		try {
			const build = buildCanonical(engine, big, suggestMapping(big.files).mapping);
			await expect(build).rejects.toBeInstanceOf(IngestError);
			const e = (await build.catch((x: unknown) => x)) as IngestError;
			expect(e.problem).toBe('too-large');
			expect(e.message).toMatch(/^big\.csv did not fit in the memory this page can use: it ran out while building the transactions table\. Analyse it on the command line: npm run analyze -- big\.csv\.$/);
		} finally {
			await unlimited();
		}
		// 3 lines of revenue 1, 2 and 3 (i % 97 + 1).
		expect(await engine.query('SELECT count(*) AS n, sum(revenue) AS revenue FROM transactions')).toEqual([{ n: 3, revenue: 6 }]);
	});

	it('a run of the analyses that runs out fails with the out-of-memory error, and the data stays queryable', async () => {
		const big = await loadFiles(engine, [lines('big.csv', 300_000)]);
		await buildCanonical(engine, big, suggestMapping(big.files).mapping);
		await limitTo((await memoryInUse(engine)) + 8e6);
		let failure: unknown = null;
		try {
			await runAll(engine, {});
		} catch (e) {
			failure = e;
		} finally {
			await unlimited();
		}
		expect(isOutOfMemory(failure)).toBe(true);
		// 300,000 lines of revenue (i % 97) + 1: 3,092 full cycles of 1..97 (4,753 each), then 1..76 (2,926).
		expect(await engine.query('SELECT count(*) AS n, sum(revenue) AS revenue FROM transactions')).toEqual([{ n: 300_000, revenue: 3092 * 4753 + 2926 }]);
	});

	it('DuckDB\'s out-of-memory error, wherever it is wrapped, reaches the page as "too large", not as "something unexpected"', async () => {
		await limitTo((await memoryInUse(engine)) + 1e6);
		let raw: unknown;
		try {
			await engine.query('SELECT list(range) FROM range(10000000)');
		} catch (e) {
			raw = e;
		} finally {
			await unlimited();
		}
		expect(isOutOfMemory(raw)).toBe(true);
		expect(isOutOfMemory(new Error('wrapped', { cause: raw }))).toBe(true);
		expect(isOutOfMemory(new Error('Binder Error: column "x" not found'))).toBe(false);
		// As DuckDB-WASM's Arrow insert reports it (a Parquet load), and not any sentence that says "out of memory".
		expect(isOutOfMemory(new Error('x.parquet could not be read as Parquet ({"exception_type":"Out of Memory","exception_message":"Failed to insert"})'))).toBe(true);
		expect(isOutOfMemory(new Error('the worker ran out of memory'))).toBe(false);
		const shown = toUserError(raw, 'update the results');
		expect(shown.message).toContain('too large for the memory the browser gives this page');
		expect(shown.hint).toContain('npm run analyze');
		expect(shown.detail).toBeUndefined();
	});
});
