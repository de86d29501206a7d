/**
 * A query result (Arrow) as Parquet bytes, for DuckDB-WASM: its `COPY … TO (FORMAT parquet)` needs
 * the parquet extension, which only DuckDB's CDN serves (forbidden here). hyparquet-writer is plain
 * JavaScript (no eval, no wasm), small enough for the DuckDB worker, the writing companion of the
 * hyparquet reader that reads Parquet footers for the size check (`ingest/fits.ts`). Columns keep
 * their types: DATE stays a date, integers and doubles stay numbers.
 */
import * as arrow from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';

const DAY_MS = 86_400_000;

type Converted = { element: Omit<SchemaElement, 'name'>; convert: (v: unknown) => unknown };

const epochMs = (v: unknown) => (v instanceof Date ? v.getTime() : Number(v));

/** The Parquet type of an Arrow column and how one of its values is written. */
function parquetColumn(type: arrow.DataType): Converted {
	if (arrow.DataType.isDate(type)) return { element: { type: 'INT32', converted_type: 'DATE' }, convert: (v) => Math.floor(epochMs(v) / DAY_MS) };
	// Arrow JS reads every timestamp unit as epoch milliseconds.
	if (arrow.DataType.isTimestamp(type)) return { element: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }, convert: (v) => BigInt(Math.round(epochMs(v))) };
	if (arrow.DataType.isInt(type)) {
		const t = type as arrow.Int;
		return t.bitWidth <= 32 && t.isSigned
			? { element: { type: 'INT32' }, convert: Number }
			: { element: { type: 'INT64' }, convert: (v) => BigInt(v as bigint | number) };
	}
	if (arrow.DataType.isFloat(type) || arrow.DataType.isDecimal(type)) return { element: { type: 'DOUBLE' }, convert: Number };
	if (arrow.DataType.isBool(type)) return { element: { type: 'BOOLEAN' }, convert: Boolean };
	return { element: { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, convert: String };
}

export function arrowToParquet(table: arrow.Table): Uint8Array {
	const fields = table.schema.fields;
	const columns = fields.map((f) => ({ field: f, vector: table.getChild(f.name)!, ...parquetColumn(f.type) }));
	const schema: SchemaElement[] = [
		{ name: 'root', num_children: fields.length },
		...columns.map((c) => ({ name: c.field.name, repetition_type: 'OPTIONAL' as const, ...c.element }))
	];
	const columnData = columns.map((c) => {
		const data: unknown[] = new Array(table.numRows);
		for (let i = 0; i < table.numRows; i++) {
			const v = c.vector.get(i);
			data[i] = v === null || v === undefined ? null : c.convert(v);
		}
		return { name: c.field.name, data };
	});
	return new Uint8Array(parquetWriteBuffer({ columnData, schema }));
}
