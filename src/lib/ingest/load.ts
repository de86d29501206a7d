/**
 * `loadFiles`: every input becomes a raw table `raw_<k>` (never reusing a name that exists), then
 * is profiled. A file that fails is reported in `failures` and the others still load.
 *
 * A raw table's `rowid` is the 0-based row of the file (it gives `row_no`). On native DuckDB a
 * Parquet file is not copied: `raw_<k>` is a view over the file on disk, whose last column, `rowid`,
 * is the file's row number (views have no row id of their own; `tableColumns` leaves it out).
 */
import type { Engine } from '../engine/index';
import { quoteIdent, quoteString } from '../sql';
import { headerSignature } from './automap';
import { HEAD_BYTES, detectFile } from './detect';
import { IngestError, shortEngineReason, wrapError } from './errors';
import { readAll } from './input';
import { profileTable } from './profile';
import { assertFits } from './fits';
import { readDelimited, readParsed, readWhitespace, type ReadOutcome } from './readers';
import type { FileFormat, InputFile, LoadedFile, LoadOptions, LoadResult, ReadOptions } from './types';

/** Last raw table number handed out per engine (covers loads running at the same time). */
const issued = new WeakMap<Engine, number>();

/** Tables and views of the main schema, as one relation with `name` and `kind` ('TABLE' or 'VIEW'). */
const RELATIONS =
	"(SELECT table_name AS name, 'TABLE' AS kind FROM duckdb_tables() WHERE schema_name = 'main' UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal)";

async function relationKind(engine: Engine, name: string): Promise<'TABLE' | 'VIEW' | null> {
	const rows = await engine.query<{ kind: 'TABLE' | 'VIEW' }>(`SELECT kind FROM ${RELATIONS} WHERE name = ?`, [name]);
	return rows[0]?.kind ?? null;
}

async function dropRelation(engine: Engine, name: string): Promise<void> {
	const kind = await relationKind(engine, name);
	if (kind) await engine.exec(`DROP ${kind} IF EXISTS ${quoteIdent(name)}`);
}

async function nextRawTable(engine: Engine): Promise<string> {
	const rows = await engine.query<{ k: number | null }>(
		`SELECT max(TRY_CAST(regexp_extract(name, '^raw_(\\d+)$', 1) AS BIGINT)) AS k FROM ${RELATIONS} WHERE regexp_full_match(name, 'raw_\\d+')`
	);
	const k = Math.max(Number(rows[0]?.k ?? 0), issued.get(engine) ?? 0) + 1;
	issued.set(engine, k);
	return `raw_${k}`;
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(-80);

export async function loadFiles(engine: Engine, files: InputFile[], options: LoadOptions = {}): Promise<LoadResult> {
	const loaded: LoadedFile[] = [];
	const failures: IngestError[] = [];
	for (const f of files) {
		try {
			options.signal?.throwIfAborted();
			loaded.push(await loadFile(engine, f, options.read?.[f.name] ?? {}, options.onProgress, options.signal));
		} catch (e) {
			// A cancel ends the whole load (what was loaded so far is dropped), it is not a bad file.
			if (options.signal?.aborted) {
				await dropRawTables(engine, loaded.map((l) => l.table)).catch(() => {});
				throw options.signal.reason;
			}
			failures.push(wrapError(e, f.name, 'Reading the file', 'Check the file, or try saving it again as CSV.'));
		}
	}
	return { files: loaded, failures };
}

/** Loads one file; throws an IngestError. */
export async function loadFile(engine: Engine, input: InputFile, opts: ReadOptions = {}, onProgress?: LoadOptions['onProgress'], signal?: AbortSignal): Promise<LoadedFile> {
	const name = input.name;
	const total = input.size;
	const report = (phase: 'reading' | 'parsing' | 'profiling', bytesDone: number, rows?: number) =>
		onProgress?.({ file: name, phase, bytesDone, bytesTotal: total, ...(rows === undefined ? {} : { rows }) });
	report('reading', 0);
	const head = await input.read(0, HEAD_BYTES);
	const detected = await detectFile(input, head, opts);
	await assertFits(engine, input, detected);
	const table = await nextRawTable(engine);
	let format: FileFormat;
	let outcome: ReadOutcome;
	try {
		if (detected.kind === 'delimited') {
			const reg = `${table}_${safeName(name)}`;
			// Its compressed bytes are a sixth of the text or less: far below what reading it needs.
			const path = await engine.registerFile(reg, input.source, { inMemory: detected.gzip });
			report('parsing', 0);
			try {
				if (detected.whitespace) {
					format = 'whitespace';
					outcome = await readWhitespace(engine, name, path, table, opts, detected.gzip, detected.header ?? false);
				} else {
					format = 'csv';
					outcome = await readDelimited(engine, name, path, table, opts, detected.gzip, detected.utf16, detected.firstLine, input);
				}
			} finally {
				await engine.dropFile(reg).catch(() => {});
			}
		} else if (detected.kind === 'parquet' && engine.readsParquet) {
			format = 'parquet';
			outcome = await readNativeParquet(engine, input, table);
		} else {
			// A picked file goes to the parser as is (read where it is parsed); other sources as bytes.
			const data = input.source.kind === 'file' ? input.source.file : await readAll(input, (done) => report('reading', done));
			report('parsing', 0);
			const r = await readParsed(
				engine,
				table,
				{ kind: detected.kind, name, data, gzip: detected.kind === 'json' && detected.gzip, options: opts },
				(rows) => report('parsing', total, rows),
				signal
			);
			format = detected.kind === 'json' ? (r.format ?? 'json') : detected.kind;
			outcome = r;
		}
		signal?.throwIfAborted();
		const kind = await relationKind(engine, table);
		const rows = kind ? Number((await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`))[0].n) : 0;
		if (rows === 0) {
			throw new IngestError({
				file: name,
				problem: format === 'csv' || format === 'xlsx' || format === 'whitespace' ? 'header-only' : 'empty',
				hint: 'Choose a file that contains data rows.',
				message: format === 'json' || format === 'ndjson' || format === 'parquet' ? `${name} is empty.` : `${name} has column names but no data rows.`
			});
		}
		// A column called "rowid" would hide DuckDB's row number, which gives `row_no` (a raw view renames it itself).
		const hidden =
			kind === 'TABLE'
				? await engine.query<{ name: string }>(
						"SELECT column_name AS name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? AND lower(column_name) = 'rowid'",
						[table]
					)
				: [];
		for (const { name: col } of hidden) {
			await engine.exec(`ALTER TABLE ${quoteIdent(table)} RENAME COLUMN ${quoteIdent(col)} TO ${quoteIdent(rowidShownAs(col))}`);
			outcome.notes.push(rowidNote(name, col));
		}
		report('parsing', total, rows);
		report('profiling', total, rows);
		const profile = await profileTable(engine, table);
		report('profiling', total, rows);
		return {
			name,
			table,
			format,
			rows: profile.rows,
			columns: profile.columns,
			signature: headerSignature(profile.columns.map((c) => c.name)),
			readOptions: outcome.readOptions,
			...(outcome.sheets ? { sheets: outcome.sheets } : {}),
			notes: outcome.notes
		};
	} catch (e) {
		await dropRelation(engine, table).catch(() => {});
		if (signal?.aborted) throw signal.reason;
		throw wrapError(e, name, 'Reading the file', 'Check the file, or try saving it again as CSV.');
	}
}

const isRowid = (column: string) => column.toLowerCase() === 'rowid';
const rowidShownAs = (column: string) => `${column}_`;
const rowidNote = (file: string, column: string) => `${file}: the column "${column}" is shown as "${rowidShownAs(column)}".`;

/**
 * Native DuckDB reads Parquet itself, straight from disk, and a view reads it in place (the file must
 * stay where it is while the raw table is used, as it does for the command line). On 10.3 M rows the
 * copy cost 5.5-7 s of CPU and ~1.4 GB; the later scans of the view cost only 1.5-4 s more than scans
 * of a table. A file with its own `file_row_number` column hides DuckDB's row number, so it is copied.
 */
async function readNativeParquet(engine: Engine, input: InputFile, table: string): Promise<ReadOutcome> {
	const path = await engine.registerFile(`${table}_${safeName(input.name)}`, input.source);
	const read = (options = '') => `read_parquet(${quoteString(path)}${options})`;
	const notes: string[] = [];
	try {
		const columns = (await engine.query<{ name: string }>(`SELECT column_name AS name FROM (DESCRIBE SELECT * FROM ${read()})`)).map((c) => String(c.name));
		if (columns.some((c) => c.toLowerCase() === 'file_row_number')) {
			await engine.exec(`CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM ${read()}`);
		} else {
			const select = columns.map((c) => (isRowid(c) ? `${quoteIdent(c)} AS ${quoteIdent(rowidShownAs(c))}` : quoteIdent(c)));
			await engine.exec(`CREATE VIEW ${quoteIdent(table)} AS SELECT ${select.join(', ')}, file_row_number AS rowid FROM ${read(', file_row_number = true')}`);
			notes.push(...columns.filter(isRowid).map((c) => rowidNote(input.name, c)));
		}
	} catch (e) {
		throw new IngestError({
			file: input.name,
			problem: 'unreadable',
			hint: 'Check the file is valid Parquet.',
			message: `${input.name} could not be read as Parquet (${shortEngineReason(e)}). Check the file is valid Parquet.`,
			cause: e
		});
	}
	return { readOptions: {}, notes };
}

/** Drops raw tables (`raw_<k>`, tables or views) no longer needed; other names are ignored. */
export async function dropRawTables(engine: Engine, tables: string[]): Promise<void> {
	for (const t of tables) if (/^raw_\d+$/.test(t)) await dropRelation(engine, t);
}
