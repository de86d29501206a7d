import * as arrow from 'apache-arrow';
import type { ColumnData } from './engine';

/*
 * Arrow vectors built straight from buffers. apache-arrow's Builders (behind `vectorFromArray`) compile
 * their null check with `Function(...)`, which the shipped Content-Security-Policy (no 'unsafe-eval')
 * forbids in the worker: every Parquet/JSON upload and the churn model's insert failed in a deployed app.
 */

function validity(values: readonly unknown[]): { bitmap: Uint8Array; nulls: number } {
	const bitmap = new Uint8Array(Math.ceil(values.length / 8));
	let nulls = 0;
	for (let i = 0; i < values.length; i++) {
		if (values[i] === null || values[i] === undefined) nulls++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	}
	return { bitmap, nulls };
}

function utf8Vector(values: readonly unknown[]): arrow.Vector {
	const encoder = new TextEncoder();
	const offsets = new Int32Array(values.length + 1);
	let bytes = new Uint8Array(Math.max(64, values.length * 8));
	let end = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) {
			const text = String(v);
			// UTF-8 needs at most three bytes per UTF-16 code unit.
			if (end + text.length * 3 > bytes.length) {
				const grown = new Uint8Array(Math.max(bytes.length * 2, end + text.length * 3));
				grown.set(bytes.subarray(0, end));
				bytes = grown;
			}
			end += encoder.encodeInto(text, bytes.subarray(end)).written;
		}
		offsets[i + 1] = end;
	}
	const { bitmap, nulls } = validity(values);
	const type = new arrow.Utf8();
	return arrow.makeVector(arrow.makeData({ type, length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: bytes.subarray(0, end) }));
}

function float64Vector(values: readonly unknown[]): arrow.Vector {
	const data = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) data[i] = values[i] === null || values[i] === undefined ? 0 : Number(values[i]);
	const { bitmap, nulls } = validity(values);
	return arrow.makeVector(arrow.makeData({ type: new arrow.Float64(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data }));
}

function boolVector(values: readonly unknown[]): arrow.Vector {
	const data = new Uint8Array(Math.ceil(values.length / 8));
	for (let i = 0; i < values.length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
	const { bitmap, nulls } = validity(values);
	return arrow.makeVector(arrow.makeData({ type: new arrow.Bool(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data }));
}

/** One column as an Arrow vector; TIMESTAMP columns travel as text and are cast by DuckDB. */
export function columnVector(column: ColumnData): arrow.Vector {
	switch (column.type) {
		case 'DOUBLE':
			return float64Vector(column.values);
		case 'BOOLEAN':
			return boolVector(column.values);
		case 'VARCHAR':
		case 'TIMESTAMP':
			return utf8Vector(column.values);
	}
}
