/**
 * One reader per format. Each creates the raw table `table` and returns how it read the file.
 * Delimited text (CSV/TSV, gzip or not) is read by DuckDB itself from the registered file; Parquet,
 * JSON and XLSX are parsed in JS (DuckDB-WASM has none of those extensions) and handed over as
 * columns.
 */
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import readXlsxFile from 'read-excel-file/universal';
import type { ColumnData, Engine } from '../engine/engine';
import { quoteIdent, quoteString } from '../sql';
import { delimiterFor } from './detect';
import { IngestError, fmtInt, shortEngineReason } from './errors';
import type { InputFile, ReadOptions } from './types';

export interface ReadOutcome {
	readOptions: ReadOptions;
	notes: string[];
	sheets?: string[];
	format?: 'json' | 'ndjson';
}

/* ------------------------------------------------------------------ delimited text (DuckDB) */

interface CsvArgs {
	compression: 'gzip' | 'none';
	encoding?: string;
	header?: boolean;
	delimiter?: string;
	columnNames?: string[];
	allVarchar?: boolean;
}

/**
 * Longest line DuckDB may read (its default, 2 MB, rejects a long description field). Lines this
 * long cost nothing until they occur; the read buffer must hold one whole line.
 */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;

function csvArgs(a: CsvArgs): string {
	const parts = [`compression=${quoteString(a.compression)}`, `max_line_size=${MAX_LINE_BYTES}`, `buffer_size=${MAX_LINE_BYTES}`];
	if (a.allVarchar) parts.push('all_varchar=true');
	else parts.push(`auto_type_candidates=['BIGINT', 'DOUBLE', 'VARCHAR']`);
	if (a.encoding) parts.push(`encoding=${quoteString(a.encoding)}`);
	if (a.header !== undefined) parts.push(`header=${a.header}`);
	if (a.delimiter !== undefined) parts.push(`delim=${quoteString(a.delimiter)}`);
	if (a.columnNames?.length) parts.push(`names=[${a.columnNames.map(quoteString).join(', ')}]`);
	return parts.join(', ');
}

const isLineTooLong = (e: unknown) => /maximum line size/i.test(String(e));

/** 1-based number of the first physical line longer than `limit` bytes (DuckDB's own line number is not reliable here). */
export async function firstLongLine(input: InputFile, limit: number): Promise<number | null> {
	const CHUNK = 4 * 1024 * 1024;
	let line = 1;
	let length = 0;
	for (let start = 0; start < input.size; start += CHUNK) {
		const bytes = await input.read(start, Math.min(input.size, start + CHUNK));
		for (const b of bytes) {
			if (b === 10) {
				line++;
				length = 0;
			} else if (++length > limit) return line;
		}
	}
	return null;
}

async function lineTooLong(file: string, e: unknown, input: InputFile | undefined, gzip: boolean): Promise<IngestError> {
	const line = input && !gzip ? await firstLongLine(input, MAX_LINE_BYTES) : null;
	const mb = MAX_LINE_BYTES / 1024 / 1024;
	const where = line ? `, line ${fmtInt(line)},` : '';
	const hint = `Shorten or remove the very long text on that line and save the file again, or check the file has no unclosed quote.`;
	return new IngestError({ file, row: line ?? undefined, problem: 'unreadable', hint, message: `${file}${where} has a line longer than the ${mb} MB that can be read. ${hint}`, cause: e });
}

const isUnicodeError = (e: unknown) => /invalid unicode|not utf-8|utf-8 encoded/i.test(String(e));
const isConversionError = (e: unknown) => /conversion error|could not convert/i.test(String(e));

export async function readDelimited(
	engine: Engine,
	file: string,
	path: string,
	table: string,
	opts: ReadOptions,
	gzip: boolean,
	utf16: boolean,
	firstLine?: string,
	input?: InputFile
): Promise<ReadOutcome> {
	const notes: string[] = [];
	const args: CsvArgs = {
		compression: gzip ? 'gzip' : 'none',
		encoding: opts.encoding && opts.encoding !== 'utf-8' ? opts.encoding : utf16 ? 'utf-16' : undefined,
		header: opts.columnNames?.length && opts.header === undefined ? false : opts.header,
		delimiter: opts.delimiter,
		columnNames: opts.columnNames
	};
	for (let attempt = 0; ; attempt++) {
		try {
			await engine.exec(`CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM read_csv(${quoteString(path)}, ${csvArgs(args)})`);
			break;
		} catch (e) {
			if (attempt < 3 && isUnicodeError(e) && !args.encoding) {
				args.encoding = 'latin-1';
				notes.push(`${file} is not UTF-8 text; it was read as Latin-1 (Windows) text. Check accented letters look right.`);
				continue;
			}
			if (attempt < 3 && isConversionError(e) && !args.allVarchar) {
				args.allVarchar = true;
				notes.push(`Some columns of ${file} mix numbers and text further down the file; every column was read as text and converted where needed.`);
				continue;
			}
			if (isLineTooLong(e)) throw await lineTooLong(file, e, input, gzip);
			throw new IngestError({
				file,
				problem: 'unreadable',
				hint: 'Check it is a CSV/TSV file, or set the delimiter and header in "Review columns".',
				message: `${file} could not be read as CSV/TSV (${shortEngineReason(e)}). Check it is a CSV/TSV file, or set the delimiter and header in "Review columns".`,
				cause: e
			});
		}
	}
	// What the sniffer chose, for the "Review columns" panel (no second pass over the file).
	const readOptions: ReadOptions = { ...opts };
	const cols = await engine.query<{ name: string }>(
		"SELECT column_name AS name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index",
		[table]
	);
	readOptions.header ??= !cols.every((c, i) => c.name === `column${i}` || c.name === `column${String(i).padStart(String(cols.length - 1).length, '0')}`);
	readOptions.delimiter ??= delimiterFor(firstLine, cols.length);
	if (args.encoding) readOptions.encoding = args.encoding as ReadOptions['encoding'];
	return { readOptions, notes };
}

/* ------------------------------------------------------------------ whitespace-separated text */

/**
 * Columns separated by runs of spaces (e.g. CDNOW): DuckDB reads each line whole (a delimiter that
 * never occurs, no quoting), SQL splits it on `\s+`, then columns whose every value is an integer /
 * a number are typed so (text with leading zeros such as `00004` stays text, like the CSV sniffer).
 */
export async function readWhitespace(
	engine: Engine,
	file: string,
	path: string,
	table: string,
	opts: ReadOptions,
	gzip: boolean,
	header: boolean
): Promise<ReadOutcome> {
	const notes: string[] = [];
	const staging = `${table}__lines`;
	const q = quoteIdent(staging);
	let encoding = opts.encoding && opts.encoding !== 'utf-8' ? opts.encoding : undefined;
	const read = () =>
		`read_csv(${quoteString(path)}, columns={'line': 'VARCHAR'}, header=false, delim=E'\\x01', quote='', escape='', compression=${quoteString(gzip ? 'gzip' : 'none')}${encoding ? `, encoding=${quoteString(encoding)}` : ''})`;
	const create = () =>
		engine.exec(
			`CREATE OR REPLACE TABLE ${q} AS SELECT regexp_split_to_array(regexp_replace(line, '^\\s+|\\s+$', '', 'g'), '\\s+') AS p FROM ${read()} WHERE regexp_matches(line, '\\S')`
		);
	try {
		try {
			await create();
		} catch (e) {
			if (!isUnicodeError(e) || encoding) throw e;
			encoding = 'latin-1';
			notes.push(`${file} is not UTF-8 text; it was read as Latin-1 (Windows) text.`);
			await create();
		}
		const [{ n, width }] = await engine.query<{ n: number; width: number | null }>(`SELECT count(*) AS n, max(len(p)) AS width FROM ${q}`);
		let names: string[];
		let skip = 0;
		if (header) {
			const [first] = await engine.query<{ p: string }>(`SELECT array_to_string(p, chr(31)) AS p FROM ${q} WHERE rowid = 0`);
			names = String(first?.p ?? '').split('\u001f');
			skip = 1;
		} else names = [];
		if (opts.columnNames?.length) names = opts.columnNames;
		const w = Math.max(Number(width ?? 0), names.length);
		if (Number(n) - skip <= 0 || w === 0) {
			return { readOptions: { ...opts, delimiter: 'whitespace', header }, notes, format: undefined };
		}
		const cols = uniqueNames(Array.from({ length: w }, (_, i) => names[i] ?? ''));
		const split = cols.map((c, i) => `NULLIF(p[${i + 1}], '') AS ${quoteIdent(c)}`).join(', ');
		const typed = `${table}__text`;
		await engine.exec(
			`CREATE OR REPLACE TABLE ${quoteIdent(typed)} AS SELECT ${split} FROM ${q} WHERE rowid >= ${skip}`
		);
		await retypeText(engine, typed, table, cols);
		const extra = Number(width ?? 0) > names.length && names.length > 0 ? `Some lines of ${file} have more fields than the header; the extra ones are named column${names.length + 1}…` : null;
		if (extra) notes.push(extra);
	} finally {
		await engine.exec(`DROP TABLE IF EXISTS ${q}; DROP TABLE IF EXISTS ${quoteIdent(`${table}__text`)}`);
	}
	const readOptions: ReadOptions = { ...opts, delimiter: 'whitespace', header };
	if (encoding) readOptions.encoding = encoding as ReadOptions['encoding'];
	return { readOptions, notes };
}

/** Types text columns of `from` as BIGINT/DOUBLE where every value is one, into the new table `to`. */
async function retypeText(engine: Engine, from: string, to: string, cols: string[]): Promise<void> {
	const checks = cols
		.map((c, i) => {
			const q = quoteIdent(c);
			return `count(${q}) AS n${i}, count(CASE WHEN regexp_full_match(${q}, '[-+]?\\d{1,18}') THEN 1 END) AS i${i}, count(TRY_CAST(${q} AS DOUBLE)) AS d${i}, count(CASE WHEN regexp_matches(${q}, '^-?0\\d') THEN 1 END) AS z${i}`;
		})
		.join(', ');
	const [r] = await engine.query<Record<string, number>>(`SELECT ${checks} FROM ${quoteIdent(from)}`);
	const select = cols
		.map((c, i) => {
			const q = quoteIdent(c);
			const n = Number(r[`n${i}`]);
			if (n === 0 || Number(r[`z${i}`]) > 0) return q;
			if (Number(r[`i${i}`]) === n) return `CAST(${q} AS BIGINT) AS ${q}`;
			if (Number(r[`d${i}`]) === n) return `CAST(${q} AS DOUBLE) AS ${q}`;
			return q;
		})
		.join(', ');
	await engine.exec(`CREATE TABLE ${quoteIdent(to)} AS SELECT ${select} FROM ${quoteIdent(from)}`);
}

/* ------------------------------------------------------------------ JS-parsed formats */

/** Trims names, fills blanks with `columnN`, makes duplicates unique (`name_2`). */
export function uniqueNames(raw: string[]): string[] {
	const seen = new Set<string>();
	return raw.map((r, i) => {
		let base = String(r ?? '').trim();
		if (!base) base = `column${i + 1}`;
		let name = base;
		for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
		seen.add(name.toLowerCase());
		return name;
	});
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD HH:MM:SS[.mmm]` in UTC. */
export function isoFromDate(d: Date): string | null {
	const t = d.getTime();
	if (!Number.isFinite(t)) return null;
	const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
	const ms = d.getUTCMilliseconds();
	return ms ? `${base}.${pad(ms, 3)}` : base;
}

function textOf(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	if (v instanceof Date) return isoFromDate(v);
	if (typeof v === 'string') return v.trim() === '' ? null : v;
	if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
	if (v instanceof Uint8Array) return new TextDecoder().decode(v);
	return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/** Infers the column type of JS values: all dates → TIMESTAMP, all numbers → DOUBLE (integers noted), all booleans → BOOLEAN, else text. */
export function toColumn(name: string, values: unknown[]): { column: ColumnData; integer: boolean } {
	let dates = 0;
	let numbers = 0;
	let bools = 0;
	let nonNull = 0;
	let integer = true;
	for (const v of values) {
		if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
		nonNull++;
		if (v instanceof Date) dates++;
		else if (typeof v === 'number') {
			if (Number.isFinite(v)) numbers++;
			if (!Number.isInteger(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) integer = false;
		} else if (typeof v === 'bigint') {
			if (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER)) numbers++;
		} else if (typeof v === 'boolean') bools++;
	}
	if (nonNull > 0 && dates === nonNull) {
		return { column: { name, type: 'TIMESTAMP', values: values.map((v) => (v instanceof Date ? isoFromDate(v) : null)) }, integer: false };
	}
	if (nonNull > 0 && numbers === nonNull) {
		const out = values.map((v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : typeof v === 'bigint' ? Number(v) : null));
		return { column: { name, type: 'DOUBLE', values: out }, integer };
	}
	if (nonNull > 0 && bools === nonNull) {
		return { column: { name, type: 'BOOLEAN', values: values.map((v) => (typeof v === 'boolean' ? v : null)) }, integer: false };
	}
	return { column: { name, type: 'VARCHAR', values: values.map(textOf) }, integer: false };
}

/** Creates `table` from JS columns; integral number columns become BIGINT. */
async function createJsTable(engine: Engine, table: string, names: string[], columns: unknown[][]): Promise<void> {
	const typed = names.map((n, i) => toColumn(n, columns[i]));
	const ints = typed.filter((t) => t.integer).map((t) => t.column.name);
	if (ints.length === 0) {
		await engine.createTableFromColumns(table, typed.map((t) => t.column));
		return;
	}
	const staging = `${table}__js`;
	try {
		await engine.createTableFromColumns(staging, typed.map((t) => t.column));
		const select = typed
			.map((t) => (t.integer ? `CAST(${quoteIdent(t.column.name)} AS BIGINT) AS ${quoteIdent(t.column.name)}` : quoteIdent(t.column.name)))
			.join(', ');
		await engine.exec(`CREATE TABLE ${quoteIdent(table)} AS SELECT ${select} FROM ${quoteIdent(staging)}`);
	} finally {
		await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
	}
}

const unreadable = (file: string, what: string, reason: string, cause?: unknown) =>
	new IngestError({
		file,
		problem: 'unreadable',
		hint: `Check the file is valid ${what}.`,
		message: `${file} could not be read as ${what} (${reason}). Check the file is valid ${what}.`,
		cause
	});

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Nested objects are flattened one level (`customer.id`); deeper values are kept as JSON text. */
function flatten(obj: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(obj)) {
		if (isPlainObject(v)) for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = v2;
		else out[k] = v;
	}
	return out;
}

/** JSON text → rows: an array of objects, `{ "data": [ … ] }`, one object, or newline-delimited JSON. */
export function parseJsonRows(file: string, text: string): { rows: Record<string, unknown>[]; format: 'json' | 'ndjson' } {
	const body = text.replace(/^\uFEFF/, '').trim();
	let doc: unknown;
	let whole: unknown = null;
	try {
		doc = JSON.parse(body);
	} catch (e) {
		whole = e;
	}
	if (whole === null) {
		let items: unknown[];
		if (Array.isArray(doc)) items = doc;
		else if (isPlainObject(doc)) {
			const arrays = Object.values(doc).filter((v): v is unknown[] => Array.isArray(v) && v.some(isPlainObject));
			items = arrays.length ? arrays.sort((a, b) => b.length - a.length)[0] : [doc];
		} else items = [doc];
		if (items.length > 0 && items.every((r) => Array.isArray(r)) && (items[0] as unknown[]).every((h) => typeof h === 'string')) {
			const [head, ...rest] = items as unknown[][];
			return { rows: rest.map((r) => Object.fromEntries((head as string[]).map((h, i) => [h, r[i]]))), format: 'json' };
		}
		return { rows: items.map((r) => (isPlainObject(r) ? flatten(r) : { value: r })), format: 'json' };
	}
	if (!body.startsWith('{')) throw unreadable(file, 'JSON', shortEngineReason(whole), whole);
	const rows: Record<string, unknown>[] = [];
	const lines = body.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		if (!line) continue;
		try {
			const v = JSON.parse(line);
			rows.push(isPlainObject(v) ? flatten(v) : { value: v });
		} catch (e) {
			throw new IngestError({
				file,
				row: i + 1,
				problem: 'unreadable',
				hint: 'Each line of a newline-delimited JSON file must be one JSON object.',
				message: `${file}, line ${fmtInt(i + 1)} is not valid JSON. Each line of a newline-delimited JSON file must be one JSON object.`,
				cause: e
			});
		}
	}
	return { rows, format: 'ndjson' };
}

export async function readJson(engine: Engine, file: string, text: string, table: string): Promise<ReadOutcome & { rows: number }> {
	const { rows, format } = parseJsonRows(file, text);
	const names: string[] = [];
	const index = new Map<string, number>();
	for (const r of rows) for (const k of Object.keys(r)) if (!index.has(k)) index.set(k, names.push(k) - 1);
	if (rows.length === 0 || names.length === 0) return { readOptions: {}, notes: [], rows: 0, format };
	const columns = names.map((k) => rows.map((r) => r[k] ?? null));
	await createJsTable(engine, table, uniqueNames(names), columns);
	return { readOptions: {}, notes: [], rows: rows.length, format };
}

const toArrayBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export async function readParquet(engine: Engine, file: string, bytes: Uint8Array, table: string, onRows?: (rows: number) => void): Promise<ReadOutcome & { rows: number }> {
	const buffer = toArrayBuffer(bytes);
	let names: string[];
	let total: number;
	let metadata: ReturnType<typeof parquetMetadata>;
	try {
		metadata = parquetMetadata(buffer);
		names = parquetSchema(metadata).children.map((c) => c.element.name);
		total = Number(metadata.num_rows);
	} catch (e) {
		throw unreadable(file, 'Parquet', shortEngineReason(e), e);
	}
	const columns = names.map(() => new Array<unknown>(total).fill(null));
	const at = new Map(names.map((n, i) => [n, i]));
	let done = 0;
	try {
		await parquetRead({
			file: buffer,
			metadata,
			onChunk(chunk) {
				const col = columns[at.get(chunk.columnName) ?? -1];
				if (!col) return;
				const data = chunk.columnData as ArrayLike<unknown>;
				for (let i = 0; i < data.length && chunk.rowStart + i < total; i++) col[chunk.rowStart + i] = data[i];
				if (chunk.columnName === names[0]) {
					done = Math.max(done, chunk.rowEnd);
					onRows?.(done);
				}
			}
		});
	} catch (e) {
		const reason = shortEngineReason(e);
		const hint = /compression|codec|unsupported/i.test(reason) ? ' Save it with Snappy compression or no compression.' : '';
		throw new IngestError({
			file,
			problem: 'unreadable',
			hint: `Check the file is valid Parquet.${hint}`,
			message: `${file} could not be read as Parquet (${reason}).${hint || ' Check the file is valid Parquet.'}`,
			cause: e
		});
	}
	if (total === 0 || names.length === 0) return { readOptions: {}, notes: [], rows: 0 };
	await createJsTable(engine, table, uniqueNames(names), columns);
	return { readOptions: {}, notes: [], rows: total };
}

export async function readXlsx(engine: Engine, file: string, bytes: Uint8Array, table: string, opts: ReadOptions): Promise<ReadOutcome & { rows: number }> {
	let sheets: { sheet: string; data: unknown[][] }[];
	try {
		sheets = (await readXlsxFile(toArrayBuffer(bytes))) as unknown as { sheet: string; data: unknown[][] }[];
	} catch (e) {
		throw unreadable(file, 'an Excel .xlsx workbook', shortEngineReason(e), e);
	}
	const sheetNames = sheets.map((s) => s.sheet);
	const chosen = opts.sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === opts.sheet);
	if (!chosen) {
		throw new IngestError({
			file,
			problem: 'sheet-not-found',
			hint: `Choose one of: ${sheetNames.join(', ')}.`,
			message: `${file} has no sheet named "${opts.sheet}". Choose one of: ${sheetNames.join(', ')}.`
		});
	}
	const notes: string[] = [];
	if (sheets.length > 1 && opts.sheet === undefined) notes.push(`${file} has ${sheets.length} sheets; the first one ("${chosen.sheet}") was read. Choose another in "Review columns".`);
	const nonEmpty = (r: unknown[]) => r.some((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''));
	const rowsAll = chosen.data.filter(nonEmpty);
	const readOptions: ReadOptions = { ...opts, sheet: chosen.sheet };
	if (rowsAll.length === 0) return { readOptions, notes, sheets: sheetNames, rows: 0 };
	const width = Math.max(...rowsAll.map((r) => r.length));
	const header = opts.header ?? true;
	readOptions.header = header;
	const headNames = header ? rowsAll[0].map((v) => textOf(v) ?? '') : [];
	const names = uniqueNames(Array.from({ length: width }, (_, i) => opts.columnNames?.[i] ?? headNames[i] ?? ''));
	const data = header ? rowsAll.slice(1) : rowsAll;
	if (data.length === 0) return { readOptions, notes, sheets: sheetNames, rows: 0 };
	// Excel stores times as fractions of a day: round to the second (09:29:59.999 is 09:30:00).
	const cell = (v: unknown) => (v instanceof Date ? new Date(Math.round(v.getTime() / 1000) * 1000) : (v ?? null));
	const columns = names.map((_, i) => data.map((r) => cell(r[i])));
	await createJsTable(engine, table, names, columns);
	return { readOptions, notes, sheets: sheetNames, rows: data.length };
}
