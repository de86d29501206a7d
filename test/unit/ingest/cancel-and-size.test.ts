/** Cancelling a load or a build keeps the previous data; a file estimated too large is refused before reading. */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { suggestMapping } from '../../../src/lib/ingest/automap';
import { buildCanonical } from '../../../src/lib/ingest/build';
import { inputFromBytes } from '../../../src/lib/ingest/input';
import { loadFiles } from '../../../src/lib/ingest/load';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

const csv = (lines: string[]) => inputFromBytes('orders.csv', new TextEncoder().encode(['order_id,customer_id,order_date,revenue', ...lines].join('\n')));
const rawTables = async () => (await engine.query<{ t: string }>("SELECT table_name AS t FROM duckdb_tables() WHERE regexp_full_match(table_name, 'raw_\\d+')")).map((r) => r.t);

describe('cancel', () => {
	it('a build cancelled before the swap keeps the previous transactions', async () => {
		const first = await loadFiles(engine, [csv(['A,c1,2024-01-02,10', 'B,c2,2024-01-03,20'])]);
		await buildCanonical(engine, first, suggestMapping(first.files).mapping);
		const second = await loadFiles(engine, [csv(['X,c9,2024-02-02,99'])]);
		const controller = new AbortController();
		const reason = new Error('cancelled by the user');
		const build = buildCanonical(engine, second, suggestMapping(second.files).mapping, {
			signal: controller.signal,
			onProgress: () => controller.abort(reason)
		});
		await expect(build).rejects.toBe(reason);
		expect(await engine.query('SELECT order_id, revenue FROM transactions ORDER BY order_id')).toEqual([
			{ order_id: 'A', revenue: 10 },
			{ order_id: 'B', revenue: 20 }
		]);
		expect((await engine.query<{ n: number }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__ingest%'"))[0].n).toBe(0);
	});

	it('a cancelled load rejects with the reason and leaves no raw table behind', async () => {
		const before = await rawTables();
		const controller = new AbortController();
		const reason = new Error('cancelled by the user');
		const load = loadFiles(engine, [csv(['A,c1,2024-01-02,10']), csv(['B,c2,2024-01-03,20'])], {
			signal: controller.signal,
			onProgress: (p) => p.phase === 'profiling' && controller.abort(reason)
		});
		await expect(load).rejects.toBe(reason);
		expect(await rawTables()).toEqual(before);
	});
});

describe('size estimate', () => {
	it('refuses a file whose estimate exceeds the memory budget, naming the command line, before reading it', async () => {
		const text = 'order_id,revenue\n' + 'A,1\n'.repeat(5000);
		const gz = gzipSync(Buffer.from(text));
		// gzip's size trailer gives the text size (20,017 bytes); the estimate is 15 bytes of memory per text byte (300 kB).
		const small = { ...engine, memoryBudget: 250_000 } as Engine;
		const { files, failures } = await loadFiles(small, [inputFromBytes('big.csv.gz', new Uint8Array(gz))]);
		expect(files).toEqual([]);
		expect(failures[0]).toMatchObject({ file: 'big.csv.gz', problem: 'too-large' });
		expect(failures[0].message).toContain('npm run analyze');
		const roomy = { ...engine, memoryBudget: 350_000 } as Engine;
		expect((await loadFiles(roomy, [inputFromBytes('big.csv.gz', new Uint8Array(gz))])).files[0].rows).toBe(5000);
	});
});
