import * as Comlink from 'comlink';
import DuckDbWorker from '../../../workers/duckdb.worker.ts?worker';
import ParseWorker from '../../../workers/parse.worker.ts?worker';
import type { DuckDbWorkerApi } from '../../../workers/duckdb.worker';
import type { ParseWorkerApi } from '../../../workers/parse.worker';
import { IngestError } from '../ingest/errors';
import type { FileParser } from '../ingest/parse';
import { WASM_MEMORY_BUDGET, type Engine, type SqlValue } from './engine';

/**
 * Parquet/JSON/XLSX parsing in its own worker, one per file, terminated when done or cancelled: a
 * cancel stops the parse at once, and the parser's memory goes with the worker. The next file's
 * worker is started ahead (`spare`): starting one, its parsers' bundle loaded, took about 0.2 s of
 * the time to a parsed file's first rows.
 */
function workerParser(): { parse: FileParser; close: () => void } {
	let spare: Worker | null = new ParseWorker();
	const parse: FileParser = (request, sink, signal) =>
		new Promise((resolve, reject) => {
			signal?.throwIfAborted();
			const worker = spare ?? new ParseWorker();
			spare = null;
			const remote = Comlink.wrap<ParseWorkerApi>(worker);
			const stop = () => {
				worker.terminate();
				spare ??= new ParseWorker();
				reject(signal?.reason ?? new DOMException('Cancelled', 'AbortError'));
			};
			signal?.addEventListener('abort', stop, { once: true });
			remote
				.parse(request, Comlink.proxy(sink))
				.then((outcome) => {
					if (outcome.ok) resolve(outcome.summary);
					else reject('problem' in outcome.error ? new IngestError(outcome.error) : new Error(outcome.error.message));
				}, reject)
				.finally(() => {
					signal?.removeEventListener('abort', stop);
					remote[Comlink.releaseProxy]();
					worker.terminate();
					spare ??= new ParseWorker();
				});
		});
	return {
		parse,
		close: () => {
			spare?.terminate();
			spare = null;
		}
	};
}

/**
 * The browser engine: a comlink client of the DuckDB worker. Only plain rows (no Arrow objects,
 * no BigInt) cross the worker boundary, converted inside the worker; parsed files cross as Arrow
 * IPC buffers, transferred, never copied.
 */
export async function createBrowserEngine(): Promise<Engine> {
	const worker = new DuckDbWorker();
	const remote = Comlink.wrap<DuckDbWorkerApi>(worker);
	const name = await remote.init();
	const parser = workerParser();
	const engine: Engine = {
		name,
		query: async <T extends object>(sql: string, params?: SqlValue[]) => (await remote.query(sql, params)) as T[],
		exec: (sql) => remote.exec(sql),
		copyToParquet: (sql) => remote.copyToParquet(sql),
		registerFile: (name, source, options) => remote.registerFile(name, source, options),
		dropFile: (name) => remote.dropFile(name),
		createTableFromColumns: (table, columns) => remote.createTableFromColumns(table, columns),
		insertArrowIpc: (table, ipc, create) => remote.insertArrowIpc(table, Comlink.transfer(ipc, [ipc.buffer]), create),
		parser: parser.parse,
		memoryBudget: WASM_MEMORY_BUDGET,
		async close() {
			parser.close();
			remote[Comlink.releaseProxy]();
			worker.terminate();
		}
	};
	return {
		...engine,
		urgent: {
			...engine,
			query: async <T extends object>(sql: string, params?: SqlValue[]) => (await remote.query(sql, params, 'urgent')) as T[],
			exec: (sql) => remote.exec(sql, 'urgent')
		}
	};
}
