/// <reference lib="webworker" />
/**
 * Owns the page's one DuckDB-WASM instance. The *blocking* build runs here directly, so there is
 * no second worker nested inside this one; comlink exposes a small async API to the page.
 * The wasm files are imported as assets of our own build: nothing is fetched from a CDN.
 */
import * as Comlink from 'comlink';
import { createDuckDB, BROWSER_RUNTIME, DuckDBDataProtocol, VoidLogger } from '@duckdb/duckdb-wasm/blocking-browser';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { WasmCore } from '../src/lib/engine/wasm-core';
import type { ColumnData, FileSource, RegisterOptions, Row, SqlValue } from '../src/lib/engine/engine';

let core: WasmCore | null = null;
let bindings: Awaited<ReturnType<typeof createDuckDB>> | null = null;

async function ready(): Promise<WasmCore> {
	if (core) return core;
	bindings = await createDuckDB(
		{ mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } },
		new VoidLogger(),
		BROWSER_RUNTIME
	);
	await bindings.instantiate(() => {});
	core = new WasmCore(bindings);
	return core;
}

const api = {
	async init(): Promise<string> {
		return (await ready()).name;
	},
	async query(sql: string, params: SqlValue[] = []): Promise<Row[]> {
		return (await ready()).query(sql, params);
	},
	async exec(sql: string): Promise<void> {
		(await ready()).exec(sql);
	},
	async copyToParquet(sql: string): Promise<Uint8Array> {
		const bytes = (await ready()).toParquet(sql);
		return Comlink.transfer(bytes, [bytes.buffer]);
	},
	async registerFile(name: string, source: FileSource, options: RegisterOptions = {}): Promise<string> {
		const c = await ready();
		if (source.kind === 'file' && options.inMemory) return c.registerBytes(name, new Uint8Array(await source.file.arrayBuffer()));
		if (source.kind === 'file') {
			// By handle: DuckDB reads slices through FileReaderSync as it scans, so a large upload is
			// never copied whole into wasm memory.
			bindings!.registerFileHandle(name, source.file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
			return name;
		}
		if (source.kind === 'bytes') return c.registerBytes(name, source.bytes);
		throw new Error('Files on disk are not reachable from a browser; pass the File itself.');
	},
	async dropFile(name: string): Promise<void> {
		(await ready()).dropFile(name);
	},
	async createTableFromColumns(table: string, columns: ColumnData[]): Promise<void> {
		(await ready()).createTableFromColumns(table, columns);
	},
	async insertArrowIpc(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
		(await ready()).insertArrowIpc(table, ipc, create);
	}
};

export type DuckDbWorkerApi = typeof api;

Comlink.expose(api);
