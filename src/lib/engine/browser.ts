import * as Comlink from 'comlink';
import DuckDbWorker from '../../../workers/duckdb.worker.ts?worker';
import type { DuckDbWorkerApi } from '../../../workers/duckdb.worker';
import type { Engine } from './engine';

/**
 * The browser engine: a comlink client of the DuckDB worker. Only plain rows (no Arrow objects,
 * no BigInt) cross the worker boundary, converted inside the worker.
 */
export async function createBrowserEngine(): Promise<Engine> {
	const worker = new DuckDbWorker();
	const remote = Comlink.wrap<DuckDbWorkerApi>(worker);
	const name = await remote.init();
	return {
		name,
		query: async <T extends object>(sql: string, params?: Parameters<DuckDbWorkerApi['query']>[1]) => (await remote.query(sql, params)) as T[],
		exec: (sql) => remote.exec(sql),
		registerFile: (name, source) => remote.registerFile(name, source),
		dropFile: (name) => remote.dropFile(name),
		createTableFromColumns: (table, columns) => remote.createTableFromColumns(table, columns),
		async close() {
			remote[Comlink.releaseProxy]();
			worker.terminate();
		}
	};
}
