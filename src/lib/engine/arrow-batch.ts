/**
 * Column values → Arrow IPC stream bytes, the one format parsed files reach DuckDB in.
 *
 * Every vector is assembled from typed arrays with `makeData`, never with Arrow's builders
 * (`vectorFromArray`, `makeBuilder`): a builder compiles its null test with `new Function`, which
 * the site's Content-Security-Policy (no 'unsafe-eval') forbids.
 */
import * as arrow from 'apache-arrow';

/** The DuckDB type each Arrow column arrives as. */
export type ColumnKind = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN' | 'TIMESTAMP';

export interface BatchColumn {
	name: string;
	kind: ColumnKind;
	values: ArrayLike<unknown>;
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

/** Any JS value as text, NULL for blanks. */
export function textOf(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	if (v instanceof Date) return isoFromDate(v);
	if (typeof v === 'string') return v.trim() === '' ? null : v;
	if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
	if (v instanceof Uint8Array) return new TextDecoder().decode(v);
	return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

const toDouble = (v: unknown): number | null =>
	typeof v === 'number' ? (Number.isFinite(v) ? v : null) : typeof v === 'bigint' ? Number(v) : null;
const toBigInt = (v: unknown): bigint | null =>
	typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null;
/** Microseconds since the epoch: Arrow `timestamp[us]` is what DuckDB reads as plain TIMESTAMP. */
const toMicros = (v: unknown): bigint | null => {
	if (!(v instanceof Date)) return null;
	const t = v.getTime();
	return Number.isFinite(t) ? BigInt(t) * 1000n : null;
};

function fixedWidth<T extends Float64Array | BigInt64Array>(
	type: arrow.Float64 | arrow.Int64 | arrow.TimestampMicrosecond,
	values: ArrayLike<unknown>,
	data: T,
	convert: (v: unknown) => T[number] | null
): arrow.Vector {
	const n = values.length;
	const valid = validity(n);
	let nulls = 0;
	for (let i = 0; i < n; i++) {
		const v = convert(values[i]);
		if (v === null) nulls++;
		else {
			data[i] = v;
			valid.set(i);
		}
	}
	return arrow.makeVector(arrow.makeData({ type, length: n, nullCount: nulls, nullBitmap: nulls ? valid.bits : null, data } as never));
}

function validity(n: number): { bits: Uint8Array; set: (i: number) => void } {
	const bits = new Uint8Array((n + 7) >> 3);
	return { bits, set: (i) => (bits[i >> 3] |= 1 << (i & 7)) };
}

function boolVector(values: ArrayLike<unknown>): arrow.Vector {
	const n = values.length;
	const valid = validity(n);
	const data = new Uint8Array((n + 7) >> 3);
	let nulls = 0;
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (typeof v !== 'boolean') nulls++;
		else {
			valid.set(i);
			if (v) data[i >> 3] |= 1 << (i & 7);
		}
	}
	return arrow.makeVector(arrow.makeData({ type: new arrow.Bool(), length: n, nullCount: nulls, nullBitmap: nulls ? valid.bits : null, data }));
}

const encoder = new TextEncoder();

/** Distinct texts remembered per column; past this a column is mostly unique values, and the rest are encoded as they come. */
const REMEMBERED = 65_536;

/**
 * UTF-8 bytes written into one growing buffer, with Arrow's offsets. Parquet dictionaries and
 * spreadsheets repeat the same few texts on most rows: a repeat copies the bytes written for its
 * first occurrence instead of checking and encoding the text again.
 */
function textVector(values: ArrayLike<unknown>): arrow.Vector {
	const n = values.length;
	const valid = validity(n);
	const offsets = new Int32Array(n + 1);
	let buf = new Uint8Array(Math.max(1024, n * 16));
	let pos = 0;
	let nulls = 0;
	/** Text → the row that first held it (-1: blank, a null). */
	const firstRow = new Map<string, number>();
	const room = (bytes: number) => {
		if (pos + bytes <= buf.length) return;
		const bigger = new Uint8Array(Math.max(buf.length * 2, pos + bytes));
		bigger.set(buf.subarray(0, pos));
		buf = bigger;
	};
	for (let i = 0; i < n; i++) {
		const v = values[i];
		const seen = typeof v === 'string' ? firstRow.get(v) : undefined;
		if (seen !== undefined) {
			if (seen < 0) nulls++;
			else {
				valid.set(i);
				const start = offsets[seen];
				const length = offsets[seen + 1] - start;
				room(length);
				// Most texts are short: a plain loop beats a native call per row.
				if (length < 32) for (let b = 0; b < length; b++) buf[pos + b] = buf[start + b];
				else buf.copyWithin(pos, start, start + length);
				pos += length;
			}
			offsets[i + 1] = pos;
			continue;
		}
		const s = textOf(v);
		if (s === null) nulls++;
		else {
			valid.set(i);
			// A UTF-16 unit never takes more than 3 UTF-8 bytes.
			room(s.length * 3);
			pos += encoder.encodeInto(s, buf.subarray(pos)).written;
		}
		offsets[i + 1] = pos;
		if (typeof v === 'string' && firstRow.size < REMEMBERED) firstRow.set(v, s === null ? -1 : i);
	}
	return arrow.makeVector(
		arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: nulls, nullBitmap: nulls ? valid.bits : null, valueOffsets: offsets, data: buf.subarray(0, pos) })
	);
}

function vectorOf(c: BatchColumn): arrow.Vector {
	const n = c.values.length;
	switch (c.kind) {
		case 'DOUBLE':
			return fixedWidth(new arrow.Float64(), c.values, new Float64Array(n), toDouble);
		case 'BIGINT':
			return fixedWidth(new arrow.Int64(), c.values, new BigInt64Array(n), toBigInt);
		case 'TIMESTAMP':
			return fixedWidth(new arrow.TimestampMicrosecond(), c.values, new BigInt64Array(n), toMicros);
		case 'BOOLEAN':
			return boolVector(c.values);
		case 'VARCHAR':
			return textVector(c.values);
	}
}

/** One record batch as an IPC stream (schema + batch), ready to hand to `Engine.insertArrowIpc`. */
export function batchToIpc(columns: BatchColumn[]): Uint8Array {
	const vectors: Record<string, arrow.Vector> = {};
	for (const c of columns) vectors[c.name] = vectorOf(c);
	return arrow.tableToIPC(new arrow.Table(vectors), 'stream');
}

/**
 * The kind of a column of JS values: all dates → TIMESTAMP, all integers → BIGINT, all numbers →
 * DOUBLE, all booleans → BOOLEAN, else text (blank strings count as missing).
 */
export function inferKind(values: ArrayLike<unknown>): ColumnKind {
	let dates = 0;
	let numbers = 0;
	let bools = 0;
	let nonNull = 0;
	let integer = true;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
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
	if (nonNull === 0) return 'VARCHAR';
	if (dates === nonNull) return 'TIMESTAMP';
	if (numbers === nonNull) return integer ? 'BIGINT' : 'DOUBLE';
	if (bools === nonNull) return 'BOOLEAN';
	return 'VARCHAR';
}
