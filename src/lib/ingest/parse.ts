/**
 * Parsing the formats DuckDB-WASM cannot read itself (Parquet, JSON, XLSX) into Arrow IPC batches.
 * Pure and DOM-free: the browser runs it in a worker (workers/parse.worker.ts), Node runs it inline.
 * Parquet is streamed one row group at a time, so memory holds one row group, not the file.
 */
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import readXlsxFile from 'read-excel-file/universal';
import { batchToIpc, inferKind, textOf, type BatchColumn, type ColumnKind } from '../engine/arrow-batch';
import { gunzip } from './detect';
import { uniqueNames } from './column-names';
import { IngestError, fmtInt, shortEngineReason } from './errors';
import type { ReadOptions } from './types';

export type ParsedKind = 'parquet' | 'json' | 'xlsx';

export interface ParseRequest {
	kind: ParsedKind;
	/** The file name, for messages. */
	name: string;
	/** The file's bytes, or the picked file itself (read where the parser runs, not on the page). */
	data: Uint8Array | Blob;
	/** JSON only: the bytes are gzip-compressed. */
	gzip?: boolean;
	options: ReadOptions;
}

export interface ParseSummary {
	rows: number;
	readOptions: ReadOptions;
	notes: string[];
	sheets?: string[];
	format?: 'json' | 'ndjson';
}

/** Receives each batch (an Arrow IPC stream) in order; the first one creates the table. */
export type BatchSink = (ipc: Uint8Array, rowsSoFar: number) => Promise<void>;

/** Runs `parseToArrow` somewhere (inline, or in a worker); an abort stops it and rejects. */
export type FileParser = (request: ParseRequest, sink: BatchSink, signal?: AbortSignal) => Promise<ParseSummary>;

/**
 * Rows per batch: DuckDB's row group size. Batches of whole row groups append to the table as they
 * are; batches just over it (a Parquet file's own row groups, 124 K rows as DuckDB writes them) took
 * 2–3× as long to insert: 2.7–3.3 s against 0.8–1.5 s for 1.07 M rows in DuckDB-WASM.
 */
const BATCH_ROWS = 122_880;

/** Parses inline; a sink that throws (e.g. on cancel) stops the parse. */
export async function parseToArrow(req: ParseRequest, sink: BatchSink): Promise<ParseSummary> {
	const bytes = req.data instanceof Uint8Array ? req.data : new Uint8Array(await req.data.arrayBuffer());
	if (req.kind === 'parquet') return parseParquet(req.name, bytes, sink);
	if (req.kind === 'json') return parseJson(req.name, new TextDecoder().decode(req.gzip ? await gunzip(bytes) : bytes), sink);
	return parseXlsx(req.name, bytes, req.options, sink);
}

/**
 * Hands batches to `sink` in order, one at a time, without waiting for the last one before the
 * caller prepares the next: the database inserts batch k while the parser decodes batch k + 1 (on
 * two cores, in two workers; in turn, the two took about as long as each other on a 1 M-row
 * Parquet file). At most one batch waits in memory besides the one being inserted.
 */
function batchSender(sink: BatchSink) {
	let inFlight: Promise<void> = Promise.resolve();
	return {
		/** Waits for the previous batch (its failure is thrown here), then starts this one. */
		async send(ipc: Uint8Array, rowsSoFar: number): Promise<void> {
			await inFlight;
			inFlight = sink(ipc, rowsSoFar);
			// Observed by the next send or by `finish`; until then a failure must not count as unhandled.
			inFlight.catch(() => {});
		},
		/** Waits for the last batch; with `failed`, only lets it end (its own failure is beside the point). */
		finish(failed = false): Promise<void> {
			return failed ? inFlight.catch(() => {}) : inFlight;
		}
	};
}

/** Whole columns of JS values → batches of BATCH_ROWS rows (the last one shorter), kinds decided on the whole column. */
async function sendColumns(names: string[], columns: unknown[][], rows: number, sink: BatchSink): Promise<void> {
	const kinds = columns.map(inferKind);
	const sender = batchSender(sink);
	try {
		for (let start = 0; start < rows; start += BATCH_ROWS) {
			const end = Math.min(rows, start + BATCH_ROWS);
			await sender.send(batchToIpc(names.map((name, i) => ({ name, kind: kinds[i], values: columns[i].slice(start, end) }))), end);
		}
	} catch (e) {
		await sender.finish(true);
		throw e;
	}
	await sender.finish();
}

const unreadable = (file: string, what: string, reason: string, cause?: unknown) =>
	new IngestError({
		file,
		problem: 'unreadable',
		hint: `Check the file is valid ${what}.`,
		message: `${file} could not be read as ${what} (${reason}). Check the file is valid ${what}.`,
		cause
	});

/* ------------------------------------------------------------------ Parquet */

type SchemaElement = ReturnType<typeof parquetSchema>['children'][number]['element'];

/** The kind a Parquet column's physical/logical type maps to (used when a row group has no values to look at). */
function schemaKind(el: SchemaElement): ColumnKind {
	const logical = el.logical_type?.type;
	if (logical === 'TIMESTAMP' || logical === 'DATE' || el.converted_type === 'DATE' || el.converted_type?.startsWith('TIMESTAMP') || el.type === 'INT96') return 'TIMESTAMP';
	if (logical === 'DECIMAL' || el.converted_type === 'DECIMAL' || el.type === 'FLOAT' || el.type === 'DOUBLE') return 'DOUBLE';
	if (el.type === 'INT32' || el.type === 'INT64') return logical === undefined || logical === 'INTEGER' ? 'BIGINT' : 'VARCHAR';
	if (el.type === 'BOOLEAN') return 'BOOLEAN';
	return 'VARCHAR';
}

/** The kind of a column from the schema, checked against the values of the first row group. */
function parquetKind(el: SchemaElement, values: ArrayLike<unknown>): ColumnKind {
	const byValues = inferKind(values);
	const bySchema = schemaKind(el);
	if (values.length === 0 || Array.prototype.every.call(values, (v) => v === null || v === undefined)) return bySchema;
	// Integer-valued doubles stay DOUBLE (a later row group may hold 2.5); integer columns stay BIGINT.
	if (byValues === 'BIGINT' || byValues === 'DOUBLE') return bySchema === 'BIGINT' || bySchema === 'DOUBLE' ? bySchema : byValues;
	return byValues;
}

const arrayBufferOf = (b: Uint8Array): ArrayBuffer =>
	(b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) as ArrayBuffer;

async function parseParquet(name: string, bytes: Uint8Array, sink: BatchSink): Promise<ParseSummary> {
	const file = arrayBufferOf(bytes);
	let metadata: ReturnType<typeof parquetMetadata>;
	let elements: SchemaElement[];
	try {
		metadata = parquetMetadata(file);
		elements = parquetSchema(metadata).children.map((c) => c.element);
	} catch (e) {
		throw unreadable(name, 'Parquet', shortEngineReason(e), e);
	}
	const names = elements.map((e) => e.name);
	const outNames = uniqueNames(names);
	const total = Number(metadata.num_rows);
	if (total === 0 || names.length === 0) return { rows: 0, readOptions: {}, notes: [] };
	const at = new Map(names.map((n, i) => [n, i]));
	let kinds: ColumnKind[] | null = null;
	const sender = batchSender(sink);
	// Row groups are decoded straight into batches of BATCH_ROWS rows (batch b holds rows from b·BATCH_ROWS):
	// a row group's rows may end one batch and begin the next, which is sent once it is full.
	const filling = new Map<number, unknown[][]>();
	const batch = (b: number): unknown[][] => {
		let columns = filling.get(b);
		if (!columns) {
			const rows = Math.min(BATCH_ROWS, total - b * BATCH_ROWS);
			columns = names.map(() => new Array<unknown>(rows).fill(null));
			filling.set(b, columns);
		}
		return columns;
	};
	let next = 0;
	/** Sends the batches whose rows are all decoded. */
	const sendDecoded = async (rowsDecoded: number) => {
		for (; next * BATCH_ROWS < rowsDecoded && Math.min(total, (next + 1) * BATCH_ROWS) <= rowsDecoded; next++) {
			const columns = batch(next);
			filling.delete(next);
			kinds ??= elements.map((el, i) => parquetKind(el, columns[i]));
			const rowsSoFar = Math.min(total, (next + 1) * BATCH_ROWS);
			await sender.send(batchToIpc(outNames.map((name, i) => ({ name, kind: kinds![i], values: columns[i] }))), rowsSoFar);
		}
	};
	let rowStart = 0;
	try {
		for (const group of metadata.row_groups) {
			const rowEnd = rowStart + Number(group.num_rows);
			await parquetRead({
				file,
				metadata,
				rowStart,
				rowEnd,
				compressors,
				onChunk(chunk) {
					const c = at.get(chunk.columnName);
					if (c === undefined) return;
					const data = chunk.columnData as ArrayLike<unknown>;
					const to = Math.min(rowEnd, chunk.rowEnd);
					for (let r = Math.max(rowStart, chunk.rowStart); r < to; ) {
						const b = Math.floor(r / BATCH_ROWS);
						const base = b * BATCH_ROWS;
						const col = batch(b)[c];
						for (const end = Math.min(to, base + BATCH_ROWS); r < end; r++) col[r - base] = data[r - chunk.rowStart];
					}
				}
			});
			await sendDecoded(rowEnd);
			rowStart = rowEnd;
		}
		if (rowStart !== total) throw new Error(`its row groups hold ${fmtInt(rowStart)} rows, its footer says ${fmtInt(total)}`);
		await sender.finish();
	} catch (e) {
		// No insert is left running once the parse has failed: the caller drops what was read.
		await sender.finish(true);
		if (e instanceof IngestError) throw e;
		const reason = shortEngineReason(e);
		throw new IngestError({
			file: name,
			problem: 'unreadable',
			hint: 'Check the file is valid Parquet.',
			message: `${name} could not be read as Parquet (${reason}). Check the file is valid Parquet.`,
			cause: e
		});
	}
	return { rows: total, readOptions: {}, notes: [] };
}

/* ------------------------------------------------------------------ JSON */

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

async function parseJson(file: string, text: string, sink: BatchSink): Promise<ParseSummary> {
	const { rows, format } = parseJsonRows(file, text);
	const names: string[] = [];
	const index = new Map<string, number>();
	for (const r of rows) for (const k of Object.keys(r)) if (!index.has(k)) index.set(k, names.push(k) - 1);
	if (rows.length === 0 || names.length === 0) return { rows: 0, readOptions: {}, notes: [], format };
	const columns = names.map((k) => rows.map((r) => r[k] ?? null));
	await sendColumns(uniqueNames(names), columns, rows.length, sink);
	return { rows: rows.length, readOptions: {}, notes: [], format };
}

/* ------------------------------------------------------------------ XLSX */

async function parseXlsx(file: string, bytes: Uint8Array, opts: ReadOptions, sink: BatchSink): Promise<ParseSummary> {
	let sheets: { sheet: string; data: unknown[][] }[];
	try {
		sheets = (await readXlsxFile(arrayBufferOf(bytes))) as unknown as { sheet: string; data: unknown[][] }[];
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
	await sendColumns(names, columns, data.length, sink);
	return { readOptions, notes, sheets: sheetNames, rows: data.length };
}
