import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger, DuckDBDataProtocol } from '@duckdb/duckdb-wasm/blocking';
import { WASM_MEMORY_BUDGET, type ColumnData, type Engine, type FileSource, type SqlValue } from './engine';
import { WasmCore } from './wasm-core';
import { inlineParser } from './inline-parser';

/**
 * DuckDB-WASM on Node, the same wasm and the same `WasmCore` as the browser worker, so unit tests
 * exercise the exact engine users get.
 */
export async function createWasmNodeEngine(): Promise<Engine> {
	const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	const bundles = {
		mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
	await db.instantiate();
	const core = new WasmCore(db);
	return {
		name: core.name,
		query: async <T extends object>(sql: string, params?: SqlValue[]) => core.query(sql, params) as T[],
		exec: async (sql: string) => core.exec(sql),
		copyToParquet: async (sql: string) => core.toParquet(sql),
		async registerFile(name: string, source: FileSource) {
			if (source.kind === 'path') {
				db.registerFileURL(name, path.resolve(source.path), DuckDBDataProtocol.NODE_FS, false);
				return name;
			}
			const bytes = source.kind === 'bytes' ? source.bytes : new Uint8Array(await source.file.arrayBuffer());
			return core.registerBytes(name, bytes);
		},
		dropFile: async (name: string) => core.dropFile(name),
		createTableFromColumns: async (table: string, columns: ColumnData[]) => core.createTableFromColumns(table, columns),
		memoryBudget: WASM_MEMORY_BUDGET,
		parser: inlineParser,
		insertArrowIpc: async (table: string, ipc: Uint8Array, create: boolean) => core.insertArrowIpc(table, ipc, create),
		close: async () => db.reset()
	};
}

export async function readSource(source: FileSource): Promise<Uint8Array> {
	if (source.kind === 'bytes') return source.bytes;
	if (source.kind === 'path') return new Uint8Array(await readFile(source.path));
	return new Uint8Array(await source.file.arrayBuffer());
}
