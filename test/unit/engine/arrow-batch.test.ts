import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { batchToIpc } from '../../../src/lib/engine/arrow-batch';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import type { ColumnData, Engine } from '../../../src/lib/engine/engine';

const columns: ColumnData[] = [
	{ name: 'text', type: 'VARCHAR', values: ['a', null, 'Zürich €', '', '日本'] },
	{ name: 'amount', type: 'DOUBLE', values: [1.5, -2, null, 0, 1e9] },
	{ name: 'flag', type: 'BOOLEAN', values: [true, false, null, true, false] },
	{ name: 'ts', type: 'TIMESTAMP', values: ['2024-01-02 03:04:05', null, 'not a date', '2024-02-29 00:00:00', null] }
];

const asBatch = (c: ColumnData) => ({ name: c.name, kind: c.type, values: c.values });
const roundTrip = (c: ColumnData) => [...arrow.tableFromIPC(batchToIpc([asBatch(c)])).getChild(c.name)!];

describe('batchToIpc', () => {
	it('compiles no code at run time (the shipped CSP has no unsafe-eval)', () => {
		const real = globalThis.Function;
		globalThis.Function = new Proxy(real, {
			apply: () => {
				throw new EvalError('Function() called');
			},
			construct: () => {
				throw new EvalError('new Function() called');
			}
		});
		try {
			for (const c of columns) expect(batchToIpc([asBatch(c)]).length).toBeGreaterThan(0);
		} finally {
			globalThis.Function = real;
		}
	});

	it('keeps values and nulls', () => {
		// A blank text is missing, as in every parsed file.
		expect(roundTrip(columns[0])).toEqual(['a', null, 'Zürich €', null, '日本']);
		expect(roundTrip(columns[1])).toEqual([1.5, -2, null, 0, 1e9]);
		expect(roundTrip(columns[2])).toEqual([true, false, null, true, false]);
	});

	it('writes repeated texts (short, long, blank, non-ASCII) as often as they occur', () => {
		const long = `${'Ä'.repeat(20)} long description`;
		const cycle: unknown[] = ['UK', '  ', long, 'Zürich', null, 42, 'UK', long, '', '  ', 'Zürich', 42];
		const values = Array.from({ length: 3000 }, (_, i) => cycle[i % cycle.length]);
		const expected = values.map((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? null : String(v)));
		expect(roundTrip({ name: 'v', type: 'VARCHAR', values: values as ColumnData['values'] })).toEqual(expected);
	});
});

describe('createTableFromColumns through DuckDB-WASM', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createWasmNodeEngine();
	});
	afterAll(() => engine.close());

	it('round-trips text, numbers, booleans and timestamps with their nulls', async () => {
		await engine.createTableFromColumns('t', columns);
		const rows = await engine.query<Record<string, unknown>>('SELECT text, amount, flag, CAST(ts AS VARCHAR) AS ts FROM t');
		expect(rows).toEqual([
			{ text: 'a', amount: 1.5, flag: true, ts: '2024-01-02 03:04:05' },
			{ text: null, amount: -2, flag: false, ts: null },
			{ text: 'Zürich €', amount: null, flag: null, ts: null },
			{ text: null, amount: 0, flag: true, ts: '2024-02-29 00:00:00' },
			{ text: '日本', amount: 1e9, flag: false, ts: null }
		]);
	});

	it('takes a long column whose text outgrows the first buffer', async () => {
		const values = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? null : `é${'x'.repeat(i % 50)}`));
		await engine.createTableFromColumns('long', [{ name: 'v', type: 'VARCHAR', values }]);
		const [r] = await engine.query<{ n: number; chars: number; nulls: number }>('SELECT count(*) AS n, sum(length(v)) AS chars, count(*) - count(v) AS nulls FROM long');
		expect(r.n).toBe(5000);
		expect(r.nulls).toBe(values.filter((v) => v === null).length);
		expect(r.chars).toBe(values.reduce((s, v) => s + (v === null ? 0 : v.length), 0));
	});
});
