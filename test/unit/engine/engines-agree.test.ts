import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import type { Engine } from '../../../src/lib/engine/engine';

describe('native and wasm engines return the same plain values', () => {
	let wasm: Engine;
	let native: Engine;
	beforeAll(async () => {
		[wasm, native] = await Promise.all([createWasmNodeEngine(), createNativeEngine()]);
	});
	afterAll(async () => {
		await Promise.all([wasm.close(), native.close()]);
	});

	const sql =
		"SELECT 42::BIGINT AS i, 7::HUGEINT AS h, 1.5::DECIMAL(10,2) AS d, 0.25::DOUBLE AS f, 'x' AS s, true AS b, DATE '2020-02-29' AS dt, TIMESTAMP '2011-12-09 12:50:07' AS ts, NULL AS n";

	it('converts every scalar type identically', async () => {
		const expected = [{ i: 42, h: 7, d: 1.5, f: 0.25, s: 'x', b: true, dt: '2020-02-29', ts: '2011-12-09 12:50:07', n: null }];
		expect(await wasm.query(sql)).toEqual(expected);
		expect(await native.query(sql)).toEqual(expected);
	});

	it('builds the same table from columns', async () => {
		const cols = [
			{ name: 'when', type: 'TIMESTAMP' as const, values: ['2021-01-02 03:04:05', 'not a date', null] },
			{ name: 'label', type: 'VARCHAR' as const, values: ['a', "it's", null] },
			{ name: 'v', type: 'DOUBLE' as const, values: [1.25, -2, null] }
		];
		const q = 'SELECT "when", label, v FROM t ORDER BY v NULLS LAST';
		for (const e of [wasm, native]) await e.createTableFromColumns('t', cols);
		const expected = [
			{ when: null, label: "it's", v: -2 },
			{ when: '2021-01-02 03:04:05', label: 'a', v: 1.25 },
			{ when: null, label: null, v: null }
		];
		expect(await wasm.query(q)).toEqual(expected);
		expect(await native.query(q)).toEqual(expected);
	});
});
