import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import { DuckDBInstance, DuckDBTimestampValue, DuckDBTypeId, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { ColumnData, Engine, FileSource, Row, SqlValue } from './engine';
import { formatTimestamp, toSqlValue } from './values';
import { quoteIdent, quoteString } from '../sql';
import { inlineParser } from './inline-parser';
import { statementLanes, type Lane } from './lanes';

const NUMERIC = new Set([
	DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
	DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
	DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL
]);
/** How each Arrow column type produced by `arrow-batch.ts` is declared and appended. */
function arrowColumn(type: arrow.DataType): { sql: string; append: (a: DuckDBAppender, v: unknown) => void } {
	if (arrow.DataType.isFloat(type)) return { sql: 'DOUBLE', append: (a, v) => a.appendDouble(Number(v)) };
	if (arrow.DataType.isInt(type)) return { sql: 'BIGINT', append: (a, v) => a.appendBigInt(BigInt(v as bigint)) };
	if (arrow.DataType.isBool(type)) return { sql: 'BOOLEAN', append: (a, v) => a.appendBoolean(Boolean(v)) };
	// Arrow JS reads timestamps as epoch milliseconds whatever the unit.
	if (arrow.DataType.isTimestamp(type)) return { sql: 'TIMESTAMP', append: (a, v) => a.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(Number(v))) * 1000n)) };
	return { sql: 'VARCHAR', append: (a, v) => a.appendVarchar(String(v)) };
}

const TIMESTAMPS = new Set([DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS]);

/** Native DuckDB always has its urgent lane. */
export type NativeEngine = Engine & { urgent: Engine };

/**
 * Native DuckDB for the command line and benchmarks: same SQL as the browser, no wasm overhead,
 * files read straight from disk.
 */
export async function createNativeEngine(): Promise<NativeEngine> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn: DuckDBConnection = await instance.connect();
	const version = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0]?.v;
	let scratch: string | null = null;
	// DuckDB runs a connection's statements one after another anyway, each on every core.
	const run = statementLanes(setImmediate);

	async function query<T extends object>(sql: string, params: SqlValue[] = [], lane: Lane = 'normal'): Promise<T[]> {
		const reader = await run(lane, () => conn.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined));
		const names = reader.columnNames();
		const types = reader.columnTypes().map((t) => t.typeId);
		const json = reader.getRowObjectsJson();
		return json.map((r) => {
			const row: Row = {};
			names.forEach((n, i) => {
				const v = r[n];
				if (v === null || v === undefined) row[n] = null;
				else if (NUMERIC.has(types[i])) row[n] = Number(v);
				else if (TIMESTAMPS.has(types[i])) row[n] = formatTimestamp(Date.parse(`${String(v).replace(' ', 'T').slice(0, 19)}Z`));
				else row[n] = toSqlValue(v);
			});
			return row as T;
		});
	}

	async function scratchDir(): Promise<string> {
		scratch ??= await mkdtemp(path.join(tmpdir(), 'customer-lens-'));
		return scratch;
	}

	const exec = async (sql: string, lane: Lane = 'normal') => void (await run(lane, () => conn.run(sql)));
	const engine: Engine = {
		name: `duckdb-native ${version}`,
		query: <T extends object>(sql: string, params?: SqlValue[]) => query<T>(sql, params),
		exec: (sql) => exec(sql),
		async copyToParquet(sql: string) {
			// A directory of its own, removed here: nothing is left behind by a process that exits without close().
			const dir = await mkdtemp(path.join(tmpdir(), 'customer-lens-export-'));
			const file = path.join(dir, 'export.parquet');
			try {
				await run('normal', () => conn.run(`COPY (${sql}) TO ${quoteString(file)} (FORMAT parquet)`));
				return new Uint8Array(await readFile(file));
			} finally {
				await rm(dir, { recursive: true, force: true });
			}
		},
		async registerFile(name: string, source: FileSource) {
			if (source.kind === 'path') return path.resolve(source.path);
			const file = path.join(await scratchDir(), path.basename(name));
			const bytes = source.kind === 'bytes' ? source.bytes : new Uint8Array(await source.file.arrayBuffer());
			await writeFile(file, bytes);
			return file;
		},
		dropFile: async () => {},
		// Whole loads, so no other statement runs between their steps.
		createTableFromColumns: (table: string, columns: ColumnData[]) =>
			run('normal', async () => {
				const staging = `${table}__staging`;
				const ddl = columns.map((c) => `${quoteIdent(c.name)} ${c.type === 'TIMESTAMP' ? 'VARCHAR' : c.type}`).join(', ');
				await conn.run(`CREATE OR REPLACE TABLE ${quoteIdent(staging)} (${ddl})`);
				const appender = await conn.createAppender(staging);
				const n = columns[0]?.values.length ?? 0;
				for (let i = 0; i < n; i++) {
					for (const c of columns) {
						const v = c.values[i];
						if (v === null || v === undefined) appender.appendNull();
						else if (c.type === 'DOUBLE') appender.appendDouble(Number(v));
						else if (c.type === 'BOOLEAN') appender.appendBoolean(Boolean(v));
						else appender.appendVarchar(String(v));
					}
					appender.endRow();
				}
				appender.closeSync();
				const select = columns
					.map((c) => (c.type === 'TIMESTAMP' ? `TRY_CAST(${quoteIdent(c.name)} AS TIMESTAMP) AS ${quoteIdent(c.name)}` : quoteIdent(c.name)))
					.join(', ');
				await conn.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${select} FROM ${quoteIdent(staging)}`);
				await conn.run(`DROP TABLE ${quoteIdent(staging)}`);
			}),
		readsParquet: true,
		parser: inlineParser,
		insertArrowIpc: (table: string, ipc: Uint8Array, create: boolean) =>
			run('normal', async () => {
				const t = arrow.tableFromIPC(ipc);
				const cols = t.schema.fields.map((f) => ({ name: f.name, vector: t.getChild(f.name)!, ...arrowColumn(f.type) }));
				if (create) await conn.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} (${cols.map((c) => `${quoteIdent(c.name)} ${c.sql}`).join(', ')})`);
				const appender = await conn.createAppender(table);
				for (let i = 0; i < t.numRows; i++) {
					for (const c of cols) {
						const v = c.vector.get(i);
						if (v === null || v === undefined) appender.appendNull();
						else c.append(appender, v);
					}
					appender.endRow();
				}
				appender.closeSync();
			}),
		async close() {
			conn.closeSync();
			instance.closeSync();
			if (scratch) await rm(scratch, { recursive: true, force: true });
		}
	};
	return { ...engine, urgent: { ...engine, query: <T extends object>(sql: string, params?: SqlValue[]) => query<T>(sql, params, 'urgent'), exec: (sql) => exec(sql, 'urgent') } };
}
