/// <reference lib="webworker" />
/**
 * DuckDB-WASM's multithreaded (`coi`) build, usable only on a cross-origin isolated page. duckdb-wasm
 * ships no blocking flavour of it, so it runs in its own worker (nested in ours) behind the async API,
 * with its pthreads as further workers; the wasm and worker scripts are assets of our own build.
 *
 * Measured, not adopted (ARCHITECTURE.md, "DuckDB-WASM threads"): slower on our 2 shared cores, and
 * with 2 threads about one first load in three of a small Parquet got an empty query result
 * ("Reader is not file": the coi worker reads results through a `HEAPU8` view that a growth of the
 * shared memory from a pthread leaves stale). Kept on the `threads-experiment` branch to re-measure.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import coiWasm from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import coiWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import coiPthreadWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
import { OFFLINE_SETTINGS, arrowToRows } from '../src/lib/engine/wasm-core';
import { batchToIpc } from '../src/lib/engine/arrow-batch';
import { arrowToParquet } from '../src/lib/engine/parquet-write';
import { quoteIdent } from '../src/lib/sql';
import type { ColumnData, Row, SqlValue } from '../src/lib/engine/engine';

/** Threads DuckDB may use; the machines we measure on have two cores. */
export const THREADS = 2;

/** True where the threaded build can run: the page is cross-origin isolated and shares memory. */
export function canUseThreads(): boolean {
	return self.crossOriginIsolated === true && typeof SharedArrayBuffer !== 'undefined';
}

export class ThreadedCore {
	private constructor(
		readonly name: string,
		private readonly db: AsyncDuckDB,
		private readonly conn: AsyncDuckDBConnection
	) {}

	static async create(): Promise<ThreadedCore> {
		const db = new AsyncDuckDB(new VoidLogger(), new Worker(new URL(coiWorker, self.location.href)));
		await db.instantiate(new URL(coiWasm, self.location.href).href, new URL(coiPthreadWorker, self.location.href).href);
		await db.open({ maximumThreads: THREADS, query: { castDecimalToDouble: true } });
		const conn = await db.connect();
		for (const s of [...OFFLINE_SETTINGS, `SET threads = ${THREADS}`]) await conn.query(s);
		return new ThreadedCore(`duckdb-wasm ${await db.getVersion()} (${THREADS} threads)`, db, conn);
	}

	async query(sql: string, params: SqlValue[] = []): Promise<Row[]> {
		if (params.length === 0) return arrowToRows(await this.conn.query(sql));
		const stmt = await this.conn.prepare(sql);
		try {
			return arrowToRows(await stmt.query(...params));
		} finally {
			await stmt.close();
		}
	}

	async exec(sql: string): Promise<void> {
		await this.conn.query(sql);
	}

	async toParquet(sql: string): Promise<Uint8Array> {
		return arrowToParquet(await this.conn.query(sql));
	}

	/**
	 * The file is copied into wasm memory rather than registered by handle: duckdb-wasm hands a File
	 * handle to its pthread workers by postMessage, which a worker blocked in DuckDB's thread loop never
	 * receives, so a read from that thread fails with "No HTML5 file registered with name".
	 */
	async registerFile(name: string, file: Blob): Promise<string> {
		return this.registerBytes(name, new Uint8Array(await file.arrayBuffer()));
	}

	async registerBytes(name: string, bytes: Uint8Array): Promise<string> {
		await this.db.registerFileBuffer(name, bytes);
		return name;
	}

	async dropFile(name: string): Promise<void> {
		await this.db.dropFile(name);
	}

	async insertArrowIpc(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
		await this.conn.insertArrowFromIPCStream(ipc, { name: table, schema: 'main', create });
	}

	async createTableFromColumns(table: string, columns: ColumnData[]): Promise<void> {
		const staging = `${table}__staging`;
		await this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
		await this.insertArrowIpc(staging, batchToIpc(columns.map((c) => ({ name: c.name, kind: c.type === 'TIMESTAMP' ? 'VARCHAR' : c.type, values: c.values }))), true);
		const select = columns
			.map((c) => (c.type === 'TIMESTAMP' ? `TRY_CAST(${quoteIdent(c.name)} AS TIMESTAMP) AS ${quoteIdent(c.name)}` : quoteIdent(c.name)))
			.join(', ');
		await this.conn.query(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${select} FROM ${quoteIdent(staging)}`);
		await this.conn.query(`DROP TABLE ${quoteIdent(staging)}`);
	}
}
