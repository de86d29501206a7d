/**
 * The engine warm-up: its generated file takes the paths a real Online Retail load takes (the
 * profile's sample, the C-prefix cancellations, the duplicate count), and it leaves no table behind,
 * finished or stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { ingest } from '../../../src/lib/app/ingest-adapter';
import { warmUp, warmUpCsv } from '../../../src/lib/app/warm-up';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

const tables = async () =>
	(await engine.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal')).map((r) => String(r.name));

describe('engine warm-up', () => {
	const lines = warmUpCsv().trim().split('\n').slice(1);

	it('generates more lines than the profile samples, with cancellations and repeated lines', () => {
		expect(lines.length).toBeGreaterThan(5_000);
		expect(lines.filter((l) => l.startsWith('C')).length).toBeGreaterThan(0);
		expect(lines.length - new Set(lines).size).toBeGreaterThan(0);
	});

	it('is read, mapped and built like Online Retail', async () => {
		const file = new File([warmUpCsv()], 'warm-up.csv');
		const loaded = await ingest.load(engine, [file], {});
		try {
			const fields = loaded.suggestion.mapping.files[0].fields;
			expect(fields).toMatchObject({ order_id: 'InvoiceNo', order_ts: 'InvoiceDate', quantity: 'Quantity', unit_price: 'UnitPrice', customer_id: 'CustomerID', country: 'Country' });
			const { quality } = await ingest.build(engine, loaded.files, loaded.suggestion.mapping);
			// Counted here from the text, independently of the engine.
			const cLines = lines.filter((l) => l.startsWith('C')).length;
			expect(quality.flagged.cancellationLines).toBe(cLines);
			expect(quality.flagged.duplicateLines).toBe(lines.length - new Set(lines).size);
			expect(quality.rowsInTransactions).toBe(lines.length);
		} finally {
			await ingest.dropBuilt(engine);
			await ingest.drop(engine, loaded.files.map((f) => f.table));
		}
	});

	it('leaves no table behind', async () => {
		await warmUp(engine, new AbortController().signal);
		expect(await tables()).toEqual([]);
	});

	it('stops when its signal aborts, and still leaves no table behind', async () => {
		const abort = new AbortController();
		abort.abort();
		await expect(warmUp(engine, abort.signal)).rejects.toThrow();
		expect(await tables()).toEqual([]);
	});
});
