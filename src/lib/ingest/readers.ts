/**
 * One reader per format. Each creates the raw table `table` and returns how it read the file.
 * Delimited text (CSV/TSV, gzip or not) is read by DuckDB itself from the registered file; Parquet,
 * JSON and XLSX are parsed by `parse.ts` (DuckDB-WASM ships none of those extensions) and reach
 * DuckDB as Arrow batches.
 */
import type { Engine } from '../engine/index';
import { quoteIdent, quoteString } from '../sql';
import { delimiterFor } from './detect';
import { IngestError, fmtInt, shortEngineReason } from './errors';
import { uniqueNames } from './column-names';
import type { ParseRequest } from './parse';
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
	/** Accept lines that break DuckDB's strict dialect (used for mixed line endings). */
	lenient?: boolean;
	/** Room for lines up to {@link MAX_LINE_BYTES}: plain files from the start, gzipped ones after a line longer than {@link GZIP_FIRST_LINE_BYTES}. */
	longLines?: boolean;
}

/**
 * Longest line DuckDB may read (its default, 2 MB, rejects a long description field). The read
 * buffer must hold one whole line.
 */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;

/**
 * The line limit and buffer of a gzipped file's first attempt: DuckDB's default line limit. Its
 * decompression into a 32 MB buffer made the read slower (Online Retail in Chromium: 0.45–0.49 s
 * against 0.56–0.60 s); the rare file with a longer line is read again with {@link MAX_LINE_BYTES}.
 * Plain files keep the large buffer: read by handle in slices of its size, 1.07 M lines took
 * 0.94–0.97 s in 2 MB slices against 0.78–0.80 s in 32 MB ones.
 */
const GZIP_FIRST_LINE_BYTES = 2 * 1024 * 1024;

function csvArgs(a: CsvArgs): string {
	const lineBytes = a.longLines ? MAX_LINE_BYTES : GZIP_FIRST_LINE_BYTES;
	const parts = [`compression=${quoteString(a.compression)}`, `max_line_size=${lineBytes}`, `buffer_size=${lineBytes}`];
	if (a.allVarchar) parts.push('all_varchar=true');
	else parts.push(`auto_type_candidates=['BIGINT', 'DOUBLE', 'VARCHAR']`);
	if (a.lenient) parts.push('strict_mode=false');
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

/**
 * Whether the head of a plain file ends some lines in CR LF and others in a bare LF (a header
 * written by one tool, rows by another). DuckDB's sniffer takes the first line's ending for the
 * whole file and then reports the rest as one impossibly long line.
 */
export async function mixedLineEndings(input: InputFile): Promise<boolean> {
	const head = await input.read(0, Math.min(input.size, 1 << 20));
	let crlf = false;
	let lf = false;
	for (let i = 0; i < head.length; i++) {
		if (head[i] !== 10) continue;
		if (i > 0 && head[i - 1] === 13) crlf = true;
		else lf = true;
		if (crlf && lf) return true;
	}
	return false;
}

const isSniffError = (e: unknown) => /sniffing file|detect the CSV parsing dialect/i.test(String(e));
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
		longLines: !gzip,
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
			if (isLineTooLong(e) && !args.longLines) {
				args.longLines = true;
				continue;
			}
			if (attempt < 4 && isUnicodeError(e) && !args.encoding) {
				args.encoding = 'latin-1';
				notes.push(`${file} is not UTF-8 text; it was read as Latin-1 (Windows) text. Check accented letters look right.`);
				continue;
			}
			if (attempt < 4 && isConversionError(e) && !args.allVarchar) {
				args.allVarchar = true;
				notes.push(`Some columns of ${file} mix numbers and text further down the file; every column was read as text and converted where needed.`);
				continue;
			}
			if (attempt < 4 && !args.lenient && (isLineTooLong(e) || isSniffError(e)) && input && !gzip && (await mixedLineEndings(input))) {
				args.lenient = true;
				notes.push(`${file} ends some lines with a carriage return and others without; both were read as line ends.`);
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

/* ------------------------------------------------------------------ parsed formats (Arrow batches) */

/**
 * Parquet, JSON and XLSX: parsed off the page thread (by the engine's parser) into Arrow
 * IPC batches, each appended to `table` as it arrives; the first batch creates it.
 */
export async function readParsed(
	engine: Engine,
	table: string,
	request: ParseRequest,
	onRows?: (rows: number) => void,
	signal?: AbortSignal
): Promise<ReadOutcome & { rows: number }> {
	let first = true;
	const summary = await engine.parser(
		request,
		async (ipc, rowsSoFar) => {
			signal?.throwIfAborted();
			await engine.insertArrowIpc(table, ipc, first);
			first = false;
			onRows?.(rowsSoFar);
		},
		signal
	);
	const { rows, readOptions, notes, sheets, format } = summary;
	return { rows, readOptions, notes, ...(sheets ? { sheets } : {}), ...(format ? { format } : {}) };
}
