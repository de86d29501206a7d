/**
 * The engine warm-up: its generated file takes the paths a real Online Retail load takes (the
 * profile's sample, the C-prefix cancellations, the duplicate count), it fills and frees about
 * 200 MiB of DuckDB memory, and it leaves no table behind, finished or stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { ingest } from '../../../src/lib/app/ingest-adapter';
import { warmUp, warmUpCsv } from '../../../src/lib/app/warm-up';
import { inProcessModels, type ModelRunner } from '../../../src/lib/analyses/index';
import type { ClvFitOutput } from '../../../src/lib/analyses/clv/fit';

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

	it('fits both purchase models, the spend model and the forecast on the models it is given, and leaves no table behind', async () => {
		const fits: ClvFitOutput[] = [];
		let forecasts = 0;
		const models: ModelRunner = {
			...inProcessModels,
			fitClv: async (input) => {
				const out = await inProcessModels.fitClv(input);
				fits.push(out);
				return out;
			},
			forecast: (input) => (forecasts++, inProcessModels.forecast(input))
		};
		await warmUp(engine, new AbortController().signal, models);
		// The fits' code is compiled and optimised only if the fits run to the end, not if they are refused.
		expect(fits).toHaveLength(1);
		expect(fits[0].bgnbd.ok).toBe(true);
		expect(fits[0].paretoNbd.ok).toBe(true);
		expect(fits[0].gammaGamma.ok).toBe(true);
		expect(fits[0].calibrationFits).not.toBeNull();
		expect(forecasts).toBe(1);
		expect(await tables()).toEqual([]);
	});

	/** The warm-up on an engine that reports DuckDB's table memory after each fill statement; `onFill` may abort. */
	async function watchedWarmUp(signal: AbortSignal, onFill: (bytes: number) => void): Promise<string[]> {
		const statements: string[] = [];
		const watched: Engine = Object.create(engine);
		watched.exec = async (sql: string) => {
			statements.push(sql);
			await engine.exec(sql);
			if (!sql.startsWith('INSERT INTO')) return;
			// DuckDB's own count of its table memory, not the warm-up's row-size constant.
			const [{ bytes }] = await engine.query<{ bytes: number }>("SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'");
			onFill(Number(bytes));
		};
		await warmUp(watched, signal, inProcessModels);
		return statements;
	}

	it('fills about 200 MiB of DuckDB memory, then frees it', async () => {
		let filled = 0;
		const statements = await watchedWarmUp(new AbortController().signal, (bytes) => (filled = Math.max(filled, bytes)));
		expect(filled).toBeGreaterThanOrEqual(190 * 2 ** 20);
		expect(filled).toBeLessThan(230 * 2 ** 20);
		expect(statements.at(-1)).toMatch(/^DROP TABLE IF EXISTS /);
		expect(await tables()).toEqual([]);
	});

	it('stops filling at the first statement after a load asks it to', async () => {
		const abort = new AbortController();
		let filled = 0;
		// A user's file arrives once half the fill is in.
		const run = watchedWarmUp(abort.signal, (bytes) => {
			filled = bytes;
			if (bytes >= 100 * 2 ** 20) abort.abort();
		});
		await expect(run).rejects.toThrow();
		expect(filled).toBeGreaterThanOrEqual(100 * 2 ** 20);
		expect(filled).toBeLessThan(125 * 2 ** 20);
		expect(await tables()).toEqual([]);
	});

	it('stops when its signal aborts, and still leaves no table behind', async () => {
		const abort = new AbortController();
		abort.abort();
		await expect(warmUp(engine, abort.signal, inProcessModels)).rejects.toThrow();
		expect(await tables()).toEqual([]);
	});
});
