import * as arrow from 'apache-arrow';
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { WASM_MEMORY_BUDGET, type ColumnData, type Row, type SqlValue } from './engine';
import { formatTimestamp, toSqlValue } from './values';
import { quoteIdent } from '../sql';
import { batchToIpc } from './arrow-batch';
import { arrowToParquet } from './parquet-write';

/**
 * Offline guards applied right after instantiation. duckdb-wasm would otherwise fetch the
 * parquet/json/icu extensions from DuckDB's CDN on first use, which breaks the promise that no
 * byte leaves the browser (and hangs when offline). Pointing the repository at our own origin
 * makes any accidental load fail fast and locally instead.
 */
export const OFFLINE_SETTINGS = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	"SET custom_extension_repository = '/duckdb-extensions-disabled'"
];

/** Arrow → plain rows, converting the types Arrow JS represents awkwardly (dates, bigints). */
export function arrowToRows(table: arrow.Table): Row[] {
	const fields = table.schema.fields;
	const converters = fields.map((f) => {
		if (arrow.DataType.isDate(f.type)) {
			const dateOnly = (f.type as arrow.Date_).unit === arrow.DateUnit.DAY;
			return (v: unknown) => (v === null || v === undefined ? null : formatTimestamp(Number(v instanceof Date ? v.getTime() : v), dateOnly));
		}
		if (arrow.DataType.isTimestamp(f.type)) {
			// Arrow JS already scales every timestamp unit to epoch milliseconds when reading a value.
			return (v: unknown) => (v === null || v === undefined ? null : formatTimestamp(Number(v)));
		}
		return toSqlValue;
	});
	const columns = fields.map((f) => table.getChild(f.name)!);
	const rows: Row[] = new Array(table.numRows);
	for (let i = 0; i < table.numRows; i++) {
		const row: Row = {};
		for (let c = 0; c < fields.length; c++) row[fields[c].name] = converters[c](columns[c].get(i));
		rows[i] = row;
	}
	return rows;
}


/**
 * Everything the browser worker and the Node test engine share: both run the *blocking* build of
 * duckdb-wasm, so queries are synchronous calls on one connection.
 */
export class WasmCore {
	readonly name: string;
	private readonly conn: DuckDBConnection;

	constructor(private readonly db: DuckDBBindings) {
		// DECIMAL columns (e.g. `SUM` of a DECIMAL) would otherwise arrive as raw scaled integers.
		db.open({ query: { castDecimalToDouble: true } });
		this.conn = db.connect();
		for (const s of OFFLINE_SETTINGS) this.conn.query(s);
		this.conn.query(`SET memory_limit = '${Math.floor(WASM_MEMORY_BUDGET)}B'`);
		this.name = `duckdb-wasm ${db.getVersion()}`;
	}

	query(sql: string, params: SqlValue[] = []): Row[] {
		if (params.length === 0) return arrowToRows(this.conn.query(sql));
		const stmt = this.conn.prepare(sql);
		try {
			return arrowToRows(stmt.query(...params));
		} finally {
			stmt.close();
		}
	}

	exec(sql: string): void {
		this.conn.query(sql);
	}

	toParquet(sql: string): Uint8Array {
		return arrowToParquet(this.conn.query(sql));
	}

	registerBytes(name: string, bytes: Uint8Array): string {
		this.db.registerFileBuffer(name, bytes);
		return name;
	}

	dropFile(name: string): void {
		this.db.dropFile(name);
	}

	/**
	 * The single place where Arrow data enters DuckDB-WASM (IPC bytes: duckdb-wasm may bundle its own
	 * apache-arrow, whose `instanceof` checks reject tables built by ours).
	 */
	insertArrowIpc(table: string, ipc: Uint8Array, create: boolean): void {
		this.conn.insertArrowFromIPCStream(ipc, { name: table, schema: 'main', create });
	}

	/** Loads text/number/bool columns through Arrow, then casts timestamps in SQL where DuckDB parses them. */
	createTableFromColumns(table: string, columns: ColumnData[]): void {
		// Timestamps travel as text (the contract of ColumnData), loaded into a staging table and cast
		// below; without them the columns go straight in, two statements fewer (the CLV predictions,
		// made at the end of every load, have none).
		const casts = columns.some((c) => c.type === 'TIMESTAMP');
		const loadInto = casts ? `${table}__staging` : table;
		this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(loadInto)}`);
		this.insertArrowIpc(loadInto, batchToIpc(columns.map((c) => ({ name: c.name, kind: c.type === 'TIMESTAMP' ? 'VARCHAR' : c.type, values: c.values }))), true);
		if (!casts) return;
		const select = columns
			.map((c) => (c.type === 'TIMESTAMP' ? `TRY_CAST(${quoteIdent(c.name)} AS TIMESTAMP) AS ${quoteIdent(c.name)}` : quoteIdent(c.name)))
			.join(', ');
		this.conn.query(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${select} FROM ${quoteIdent(loadInto)}`);
		this.conn.query(`DROP TABLE ${quoteIdent(loadInto)}`);
	}
}
