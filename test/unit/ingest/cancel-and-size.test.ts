/** Cancelling a load or a build keeps the previous data; a file estimated too large is refused before reading. */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { memoryInUse } from '../../../src/lib/engine/memory';
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
	// 500,000 lines of "A,1" under a header: 2,000,017 bytes of text, which gzip's size trailer gives.
	// The estimate is 41 MB + 3.7 bytes per text byte: 41,000,000 + 7,400,062.9 = 48,400,062.9 bytes.
	const text = 'order_id,revenue\n' + 'A,1\n'.repeat(500_000);
	const gz = () => inputFromBytes('big.csv.gz', new Uint8Array(gzipSync(Buffer.from(text))));
	const NEED = 48_400_063;

	it('refuses a file whose estimate exceeds what is left of the memory budget, naming the command line, before reading it', async () => {
		const held = await memoryInUse(engine);
		const small = { ...engine, memoryBudget: held + NEED - 1_000_000 } as Engine;
		const { files, failures } = await loadFiles(small, [gz()]);
		expect(files).toEqual([]);
		expect(failures[0]).toMatchObject({ file: 'big.csv.gz', problem: 'too-large' });
		expect(failures[0].message).toContain('npm run analyze -- big.csv.gz');
		const roomy = { ...engine, memoryBudget: held + NEED + 1_000_000 } as Engine;
		expect((await loadFiles(roomy, [gz()])).files[0].rows).toBe(500_000);
	});

	it('says when the file would fit alone but not beside the data already loaded', async () => {
		await engine.exec('CREATE OR REPLACE TABLE ballast AS SELECT range AS n FROM range(4000000)');
		try {
			const held = await memoryInUse(engine);
			expect(held).toBeGreaterThan(30e6);
			const tight = { ...engine, memoryBudget: NEED + held / 2 } as Engine;
			const { failures } = await loadFiles(tight, [gz()]);
			expect(failures[0]).toMatchObject({ file: 'big.csv.gz', problem: 'too-large' });
			expect(failures[0].message).toContain(`the data already loaded holds ${Math.round(held / 1e6)} MB`);
			expect(failures[0].message).toMatch(/Reload the page and load it alone .*npm run analyze -- big\.csv\.gz/);
			expect(failures[0].message).toContain(failures[0].hint);
		} finally {
			await engine.exec('DROP TABLE ballast');
		}
	});
});
