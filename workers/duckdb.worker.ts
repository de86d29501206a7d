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
import { statementLanes, type Lane } from '../src/lib/engine/lanes';

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

// The next statement is chosen on a task posted after the current one ends, behind the page's
// messages that came in while it ran: an urgent statement sent meanwhile then goes first.
const picker = new MessageChannel();
let pick: (() => void) | null = null;
picker.port1.onmessage = () => pick?.();
const run = statementLanes((next) => {
	pick = next;
	picker.port2.postMessage(null);
});
const on = <T>(lane: Lane, work: (c: WasmCore) => T | Promise<T>): Promise<T> => ready().then((c) => run(lane, () => work(c)));

const api = {
	async init(): Promise<string> {
		return (await ready()).name;
	},
	query: (sql: string, params: SqlValue[] = [], lane: Lane = 'normal'): Promise<Row[]> => on(lane, (c) => c.query(sql, params)),
	exec: (sql: string, lane: Lane = 'normal'): Promise<void> => on(lane, (c) => c.exec(sql)),
	async copyToParquet(sql: string): Promise<Uint8Array> {
		const bytes = await on('normal', (c) => c.toParquet(sql));
		return Comlink.transfer(bytes, [bytes.buffer]);
	},
	registerFile: (name: string, source: FileSource, options: RegisterOptions = {}): Promise<string> =>
		on('normal', async (c) => {
			if (source.kind === 'file' && options.inMemory) return c.registerBytes(name, new Uint8Array(await source.file.arrayBuffer()));
			if (source.kind === 'file') {
				// By handle: DuckDB reads slices through FileReaderSync as it scans, so a large upload is
				// never copied whole into wasm memory.
				bindings!.registerFileHandle(name, source.file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
				return name;
			}
			if (source.kind === 'bytes') return c.registerBytes(name, source.bytes);
			throw new Error('Files on disk are not reachable from a browser; pass the File itself.');
		}),
	dropFile: (name: string): Promise<void> => on('normal', (c) => c.dropFile(name)),
	createTableFromColumns: (table: string, columns: ColumnData[]): Promise<void> => on('normal', (c) => c.createTableFromColumns(table, columns)),
	insertArrowIpc: (table: string, ipc: Uint8Array, create: boolean): Promise<void> => on('normal', (c) => c.insertArrowIpc(table, ipc, create))
};

export type DuckDbWorkerApi = typeof api;

Comlink.expose(api);
