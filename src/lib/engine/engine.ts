/**
 * The one door to SQL. Analyses and ingest depend on this interface only, so the same SQL runs in
 * the browser (DuckDB-WASM in a worker), in Node tests (DuckDB-WASM blocking build) and on the
 * command line (native DuckDB).
 *
 * Values crossing this boundary are plain JSON-friendly scalars: integers and DECIMAL become
 * `number`, DATE becomes `YYYY-MM-DD`, TIMESTAMP becomes `YYYY-MM-DD HH:MM:SS`. Queries that need
 * exact types should cast in SQL rather than rely on driver conversions.
 */
import type { FileParser } from '../ingest/parse';

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

/** One column of values to load as a table (for formats DuckDB-WASM cannot read itself). */
export interface ColumnData {
	name: string;
	type: 'VARCHAR' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP';
	/** TIMESTAMP values are ISO strings (`YYYY-MM-DD HH:MM:SS`); nulls allowed everywhere. */
	values: (string | number | boolean | null)[];
}

/**
 * Where a file's bytes live. The browser hands over a `File` (registered by handle, never copied
 * whole into wasm memory), Node hands over a path, tests may hand over bytes.
 */
export type FileSource = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'path'; path: string } | { kind: 'file'; file: Blob };

export interface RegisterOptions {
	/**
	 * Copy a picked file into DuckDB's memory instead of reading it where it is. For a file DuckDB
	 * reads in many small slices, such as a gzip stream (inflated 32 KB at a time): each slice of a
	 * `File` is a FileReaderSync call in the browser, and on Online Retail's 8 MB those made reading
	 * the file take 735 ms instead of 450 ms. A plain CSV is read in slices of 32 MB: copying the
	 * 93 MB of Online Retail II cost more (299 ms) than it saved (80 ms).
	 */
	inMemory?: boolean;
}

/**
 * DuckDB-WASM's memory limit, set by `WasmCore` (it is also DuckDB's default there: 80 % of wasm32's
 * 4 GiB). Tables, hash tables and sorts count against it, and a statement that would pass it fails
 * with an out-of-memory error, the database intact (there is no disk to spill to). The rest of the
 * 4 GiB holds what DuckDB does not count: results on their way out, Arrow batches on their way in.
 */
export const WASM_MEMORY_BUDGET = 3.2 * 2 ** 30;

export interface Engine {
	/** Which DuckDB this is, e.g. `duckdb-wasm v1.4.3`; reports print it. */
	readonly name: string;
	/** Runs one statement and returns its rows. `params` bind to `?` placeholders in order. */
	query<T extends object = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
	/** Runs statements whose result is not needed (DDL, several statements separated by `;`). */
	exec(sql: string): Promise<void>;
	/** Makes a file readable by SQL; returns the path to use in SQL, e.g. `read_csv('<path>')`. */
	registerFile(name: string, source: FileSource, options?: RegisterOptions): Promise<string>;
	/** Forgets a registered file so its memory can be reclaimed. */
	dropFile(name: string): Promise<void>;
	/** Creates (or replaces) table `table` from in-memory columns of equal length. */
	createTableFromColumns(table: string, columns: ColumnData[]): Promise<void>;
	/**
	 * Appends one Arrow IPC stream (schema + record batches) to `table`; `create` makes the table
	 * from the stream's schema first. How parsed files (Parquet, JSON, XLSX) reach DuckDB.
	 */
	insertArrowIpc(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
	/** The rows of a query as a Parquet file, columns typed as the query types them (DATE stays a date). */
	copyToParquet(sql: string): Promise<Uint8Array>;
	/** Where Parquet/JSON/XLSX are parsed: the browser engine's parse worker, in process on Node. */
	readonly parser: FileParser;
	/** Bytes a load may use at its peak; larger files are refused before reading. Unset: no limit (native). */
	readonly memoryBudget?: number;
	/**
	 * The same database, its statements run ahead of any other waiting (`lanes.ts`): what the model
	 * fits read. Absent where statements never wait (DuckDB-WASM on Node runs each as it is called).
	 */
	readonly urgent?: Engine;
	/** Native DuckDB reads Parquet itself (`read_parquet`); DuckDB-WASM has no parquet extension. */
	readonly readsParquet?: boolean;
	close(): Promise<void>;
}
