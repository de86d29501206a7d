import { describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';

describe('DuckDB-WASM engine on Node', () => {
	it('returns plain scalars for integers, decimals, dates and timestamps', async () => {
		const e = await createWasmNodeEngine();
		const rows = await e.query(
			"SELECT 42::BIGINT AS i, 1.5::DECIMAL(10,2) AS d, DATE '2020-02-29' AS dt, TIMESTAMP '2011-12-09 12:50:00' AS ts, NULL AS n"
		);
		expect(rows).toEqual([{ i: 42, d: 1.5, dt: '2020-02-29', ts: '2011-12-09 12:50:00', n: null }]);
		await e.close();
	});

	it('binds parameters positionally', async () => {
		const e = await createWasmNodeEngine();
		const rows = await e.query('SELECT ? + 1 AS x, ? AS s', [41, "O'Brien"]);
		expect(rows).toEqual([{ x: 42, s: "O'Brien" }]);
		await e.close();
	});

	it('reads a registered CSV buffer and builds tables from columns', async () => {
		const e = await createWasmNodeEngine();
		const p = await e.registerFile('a.csv', { kind: 'bytes', bytes: new TextEncoder().encode('x,y\n1,a\n2,b\n') });
		expect(await e.query(`SELECT sum(x)::DOUBLE AS s FROM read_csv('${p}')`)).toEqual([{ s: 3 }]);
		await e.createTableFromColumns('t', [
			{ name: 'when', type: 'TIMESTAMP', values: ['2021-01-02 03:04:05', null] },
			{ name: 'v', type: 'DOUBLE', values: [1.25, null] }
		]);
		expect(await e.query('SELECT "when", v FROM t ORDER BY v NULLS LAST')).toEqual([
			{ when: '2021-01-02 03:04:05', v: 1.25 },
			{ when: null, v: null }
		]);
		await e.close();
	});

	it('never autoloads or autoinstalls extensions (they would come from a CDN)', async () => {
		const e = await createWasmNodeEngine();
		const rows = await e.query(
			"SELECT current_setting('autoload_known_extensions')::VARCHAR AS autoload, current_setting('autoinstall_known_extensions')::VARCHAR AS autoinstall"
		);
		expect(rows).toEqual([{ autoload: 'false', autoinstall: 'false' }]);
		await e.close();
	});
});
