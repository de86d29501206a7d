import { describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import type { Engine } from '../../../src/lib/engine/engine';

// Three rows written by hand: a date, a count (BIGINT), a small integer, a double, text (a formula
// stays as typed: Parquet is data, not a spreadsheet), a boolean, and nulls.
const SQL = `SELECT * FROM (VALUES
	('c1', DATE '2024-02-29', 3::BIGINT, 5::INTEGER, 12.5::DOUBLE, '=1+1', true),
	('c2', DATE '1999-12-31', 1::BIGINT, 1::INTEGER, NULL::DOUBLE, 'Zoë', false),
	('c3', NULL::DATE, 0::BIGINT, NULL::INTEGER, -0.25::DOUBLE, NULL, NULL)
) t(id, day, n, score, amount, note, flag) ORDER BY id`;

const EXPECTED = [
	{ id: 'c1', day: '2024-02-29', n: 3, score: 5, amount: 12.5, note: '=1+1', flag: true },
	{ id: 'c2', day: '1999-12-31', n: 1, score: 1, amount: null, note: 'Zoë', flag: false },
	{ id: 'c3', day: null, n: 0, score: null, amount: -0.25, note: null, flag: null }
];

async function readBack(bytes: Uint8Array) {
	const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const rows = await parquetReadObjects({ file });
	const types = Object.fromEntries(parquetSchema(parquetMetadata(file)).children.map((c) => [c.element.name, c.element.converted_type ?? c.element.type]));
	const plain = rows.map((r) =>
		Object.fromEntries(
			Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'bigint' ? Number(v) : v])
		)
	);
	return { plain, types };
}

const engines: [string, () => Promise<Engine>][] = [
	['DuckDB-WASM (hyparquet-writer)', createWasmNodeEngine],
	['native DuckDB (COPY … TO)', createNativeEngine]
];

describe.each(engines)('copyToParquet on %s', (_, create) => {
	it('writes the query rows with their types, read back by hyparquet', async () => {
		const e = await create();
		try {
			const { plain, types } = await readBack(await e.copyToParquet(SQL));
			expect(plain).toEqual(EXPECTED);
			expect(types.day).toBe('DATE');
			expect(types.amount).toBe('DOUBLE');
			expect(['INT64', 'INT_64']).toContain(types.n);
			expect(types.note).toBe('UTF8');
			expect(types.flag).toBe('BOOLEAN');
		} finally {
			await e.close();
		}
	});

	it('writes an empty result as a file with the columns and no rows', async () => {
		const e = await create();
		try {
			const { plain } = await readBack(await e.copyToParquet(`${SQL} LIMIT 0`));
			expect(plain).toEqual([]);
		} finally {
			await e.close();
		}
	});
});
