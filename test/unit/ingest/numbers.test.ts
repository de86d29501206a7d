/**
 * Number formats per column, missing markers and long lines, on hand-worked fixtures
 * (test/fixtures/ingest/README.md); every expected total is summed by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { Engine } from '../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { suggestMapping } from '../../../src/lib/ingest/automap';
import { buildCanonical } from '../../../src/lib/ingest/build';
import { inputFromBytes } from '../../../src/lib/ingest/input';
import { loadFiles } from '../../../src/lib/ingest/load';
import { textNumberExpr } from '../../../src/lib/ingest/numbers';
import { firstLongLine, mixedLineEndings } from '../../../src/lib/ingest/readers';
import type { BuildOptions, DecimalMark, LoadResult, Mapping } from '../../../src/lib/ingest/types';
import { fixture, loadPaths, round2 } from './helpers';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

async function build(loaded: LoadResult, edit?: (m: Mapping) => void, options?: BuildOptions) {
	const s = suggestMapping(loaded.files);
	edit?.(s.mapping);
	const r = await buildCanonical(engine, loaded, s.mapping, options);
	const lines = await engine.query<{ order_id: string; revenue: number }>('SELECT order_id, revenue FROM transactions ORDER BY row_no');
	return { suggestion: s, quality: r.quality, lines: lines.map((l) => ({ ...l, revenue: round2(Number(l.revenue)) })) };
}

const read = async (value: string, mark: DecimalMark) => {
	const [r] = await engine.query<{ v: number | null }>(`SELECT ${textNumberExpr(`'${value.replaceAll("'", "''")}'`, mark)} AS v`);
	return r.v === null ? null : Number(r.v);
};

describe('one value under each decimal mark', () => {
	it.each([
		['1.234,50', null, 1234.5],
		['1,234.50', 1234.5, null],
		['1 234,50', null, 1234.5],
		['1\u202f234,50', null, 1234.5],
		['1\u00a0234,50', null, 1234.5],
		["1'234.50", 1234.5, null],
		['€12.50', 12.5, null],
		['12,50 €', null, 12.5],
		['EUR 12.50', 12.5, null],
		['£1,000', 1000, 1], // under a decimal comma `1,000` is one
		['(12.50)', -12.5, null],
		['$ (1,234.50)', -1234.5, null],
		['12.50-', -12.5, null],
		['12,50-', null, -12.5],
		['-€12.50', -12.5, null],
		['1.500', 1.5, 1500],
		['12,50', null, 12.5], // never 1250: `,50` is not a group of three
		['1.2345', 1.2345, null],
		['12 34', null, null],
		['NaN', null, null],
		['Infinity', null, null],
		['-inf', null, null],
		['N/A', null, null],
		['#N/A', null, null],
		['-', null, null],
		['null', null, null],
		['abc', null, null]
	] as const)('%s → point %s, comma %s', async (value, point, comma) => {
		expect(await read(value, 'point')).toBe(point);
		expect(await read(value, 'comma')).toBe(comma);
	});
});

describe('files in each format, mapped and read with zero clicks', () => {
	it('German semicolon export: headers mapped, decimal comma, 1.500 is fifteen hundred', async () => {
		const { suggestion, quality, lines } = await build(await loadPaths(engine, [fixture('numbers-de.csv')]));
		expect(suggestion.problems).toEqual([]);
		expect(suggestion.mapping.files[0].fields).toEqual({ order_id: 'Bestellung', customer_id: 'Kunde', order_ts: 'Datum', product: 'Artikel', quantity: 'Menge', unit_price: 'Preis' });
		expect(quality.numberFormats.find((n) => n.column === 'Preis')).toMatchObject({ decimal: 'comma', ambiguous: false, missing: 0, unreadable: 0 });
		// 2 × 1,234.50 + 12.50 + 1,500 − 1,234.50 − 4.99 (trailing minus)
		expect(lines.map((l) => l.revenue)).toEqual([2469, 12.5, 1500, -1234.5, -4.99]);
		expect(quality.revenue).toBe(2742.01);
		expect(quality.notes.join('\n')).toContain('numbers-de.csv, column "Preis": numbers are written with a decimal comma');
	});

	it('US export: $ and EUR, thousands commas, accounting and trailing-minus negatives', async () => {
		const { quality, lines } = await build(await loadPaths(engine, [fixture('numbers-us.csv')]));
		expect(quality.numberFormats[0]).toMatchObject({ column: 'amount', decimal: 'point', unreadable: 0 });
		expect(lines.map((l) => l.revenue)).toEqual([1234.5, -12.5, 99.99, -1000, -12.5, 7]);
		expect(quality.revenue).toBe(316.49); // 1234.5 − 12.5 + 99.99 − 1000 − 12.5 + 7
	});

	it('French export: N° commande / Quantité / Montant, space, no-break and narrow no-break thousands', async () => {
		const { suggestion, quality, lines } = await build(await loadPaths(engine, [fixture('numbers-fr.csv')]));
		expect(suggestion.mapping.files[0].fields).toMatchObject({ order_id: 'N° commande', customer_id: 'Client', order_ts: 'Date', product: 'Produit', quantity: 'Quantité', revenue: 'Montant' });
		expect(lines.map((l) => l.revenue)).toEqual([1234.5, 1000, 12.5, 1500]);
		expect(quality.revenue).toBe(3747);
		expect(quality.dateFormats[0].format).toBe('dmy');
	});

	it("Swiss export: 1'234.50 with CHF before or after", async () => {
		const { quality } = await build(await loadPaths(engine, [fixture('numbers-ch.csv')]));
		expect(quality.revenue).toBe(3272.5); // 1 × 1234.50 + 2 × 1000.25 + 3 × 12.5
	});

	it.each([
		['es', 'Pedido;Cliente;Fecha;Producto;Cantidad;Precio', 'Pedido'],
		['it', 'Ordine;Cliente;Data;Prodotto;Quantità;Prezzo', 'Ordine'],
		['nl', 'Bestelling;Klant;Datum;Artikel;Aantal;Prijs', 'Bestelling'],
		['pt', 'Encomenda;Cliente;Data;Produto;Quantidade;Preço', 'Encomenda']
	])('%s headers map with zero clicks and read decimal commas', async (_lang, header, orderCol) => {
		const csv = `${header}\nX1;c1;31/01/2024;P;2;1.000,25\nX2;c2;01/02/2024;Q;1;3,50\n`;
		const loaded = await loadFiles(engine, [inputFromBytes(`${_lang}.csv`, new TextEncoder().encode(csv))]);
		const { suggestion, quality } = await build(loaded);
		const [, , , , qty, price] = header.split(';');
		expect(suggestion.mapping.files[0].fields).toMatchObject({ order_id: orderCol, quantity: qty, unit_price: price });
		expect(quality.revenue).toBe(2004); // 2 × 1000.25 + 3.50
	});
});

describe('ambiguous columns', () => {
	const loadAmbiguous = () => loadPaths(engine, [fixture('numbers-ambiguous.csv')]);

	it('1.500 € and 2.250 € alone: flagged, read with the semicolon file’s decimal comma, noted', async () => {
		const { quality } = await build(await loadAmbiguous());
		expect(quality.numberFormats[0]).toMatchObject({ column: 'amount', decimal: 'comma', ambiguous: true, chosen: false });
		expect(quality.revenue).toBe(3753); // 1500 + 2250 + 3
		expect(quality.notes.some((n) => n.includes('column "amount"') && n.includes('read differently'))).toBe(true);
	});

	it('the per-column override and the build-wide --decimal option win', async () => {
		const perColumn = await build(await loadAmbiguous(), (m) => (m.files[0].numberFormats = { amount: 'point' }));
		expect(perColumn.quality.revenue).toBe(6.75); // 1.5 + 2.25 + 3
		expect(perColumn.quality.numberFormats[0]).toMatchObject({ decimal: 'point', chosen: true, ambiguous: false });
		const global = await build(await loadAmbiguous(), undefined, { decimal: 'point' });
		expect(global.quality.revenue).toBe(6.75);
	});
});

describe('missing markers', () => {
	it('NaN, Infinity, N/A, #N/A, -, null are missing: the line falls back to quantity × price or is left out, counted with an example', async () => {
		const { quality, lines } = await build(await loadPaths(engine, [fixture('missing-amounts.csv')]));
		// M2 1×10, M3 2×5, M5 1×3, M7 1×4 from quantity × price; M4, M6, M8 have nothing.
		expect(lines).toEqual([
			{ order_id: 'M1', revenue: 10 },
			{ order_id: 'M2', revenue: 10 },
			{ order_id: 'M3', revenue: 10 },
			{ order_id: 'M5', revenue: 3 },
			{ order_id: 'M7', revenue: 4 },
			{ order_id: 'M9', revenue: 6 }
		]);
		expect(quality.revenue).toBe(43);
		expect(quality.flagged.missingRevenue.count).toBe(3);
		const amount = quality.numberFormats.find((n) => n.column === 'amount')!;
		expect(amount).toMatchObject({ missing: 6, unreadable: 0 });
		expect(amount.examples[0]).toEqual({ file: 'missing-amounts.csv', row: 2, value: 'NaN' });
		const notes = quality.notes.join('\n');
		expect(notes).toContain('missing-amounts.csv, column "amount": 6 values are missing markers (N/A, NaN, -…), read as empty (e.g. row 2: "NaN")');
		expect(notes).toContain('3 lines without an amount (no revenue, quantity or price) were left out (e.g. missing-amounts.csv row 4)');
	});

	it('a DOUBLE column holding NaN and Infinity never reaches a total', async () => {
		const loaded = await loadPaths(engine, [fixture('nan-double.csv')]);
		expect(loaded.files[0].columns.find((c) => c.name === 'amount')?.type).toBe('DOUBLE');
		const { quality, lines } = await build(loaded);
		expect(lines).toEqual([
			{ order_id: 'D1', revenue: 5.5 },
			{ order_id: 'D4', revenue: 2.5 }
		]);
		expect(quality.revenue).toBe(8);
		expect(quality.numberFormats[0]).toMatchObject({ missing: 2 });
		const [t] = await engine.query<{ s: number; n: number }>('SELECT sum(revenue) AS s, count(*) FILTER (WHERE isnan(revenue) OR isinf(revenue)) AS n FROM transactions');
		expect([Number(t.s), Number(t.n)]).toEqual([8, 0]);
	});
});

describe('long fields', () => {
	it('a 10 MB description (over DuckDB’s 2 MB default line limit) loads', async () => {
		const long = 'x'.repeat(10 * 1024 * 1024);
		const csv = `order_id,customer_id,order_date,description,amount\nL1,c1,2024-01-02,short,5\nL2,c2,2024-01-03,${long},7\nL3,c1,2024-01-04,y,8\n`;
		const loaded = await loadFiles(engine, [inputFromBytes('long.csv', new TextEncoder().encode(csv))]);
		expect(loaded.failures).toEqual([]);
		expect(loaded.files[0].rows).toBe(3);
		const [r] = await engine.query<{ l: number }>(`SELECT max(length(description)) AS l FROM ${loaded.files[0].table}`);
		expect(Number(r.l)).toBe(long.length);
		const { quality } = await build(loaded);
		expect(quality.revenue).toBe(20);
	}, 120_000);

	it('a 3 MB line far below the rows the dialect is sniffed from loads, gzipped too', async () => {
		// 30,000 one-unit lines, then one with a 3 MB description, then one more: 30,002 lines of 1 each.
		const lines = ['order_id,customer_id,order_date,description,amount'];
		for (let i = 0; i < 30_000; i++) lines.push(`O${i},c${i % 50},2024-01-${String(1 + (i % 28)).padStart(2, '0')},short,1`);
		lines.push(`O30000,c1,2024-02-01,${'x'.repeat(3 * 1024 * 1024)},1`, 'O30001,c2,2024-02-02,y,1');
		const text = new TextEncoder().encode(`${lines.join('\n')}\n`);
		for (const input of [inputFromBytes('far.csv', text), inputFromBytes('far.csv.gz', gzipSync(text))]) {
			const loaded = await loadFiles(engine, [input]);
			expect(loaded.failures).toEqual([]);
			expect(loaded.files[0].rows).toBe(30_002);
			const { quality } = await build(loaded);
			expect(quality.revenue).toBe(30_002);
		}
	}, 120_000);

	it('a line over the limit is found by its number for the message', async () => {
		// Lines: 1 header (7 bytes), 2 "1,short" (7), 3 "2,xxxx…" (12), 4 "3,y".
		const file = inputFromBytes('t.csv', new TextEncoder().encode('id,text\n1,short\n2,xxxxxxxxxx\n3,y\n'));
		expect(await firstLongLine(file, 10)).toBe(3);
		expect(await firstLongLine(file, 12)).toBeNull();
	});

	it('reads a file whose header ends in LF and whose rows end in CR LF, and says so', async () => {
		const text = 'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n1,a,2024-01-01,1,10\r\n2,b,2024-01-02,2,5\r\n3,a,2024-02-01,1,7\r\n';
		const file = inputFromBytes('mixed.csv', new TextEncoder().encode(text));
		expect(await mixedLineEndings(file)).toBe(true);
		expect(await mixedLineEndings(inputFromBytes('lf.csv', new TextEncoder().encode('a,b\n1,2\n')))).toBe(false);
		expect(await mixedLineEndings(inputFromBytes('crlf.csv', new TextEncoder().encode('a,b\r\n1,2\r\n')))).toBe(false);
		const loaded = await loadFiles(engine, [file]);
		expect(loaded.failures).toEqual([]);
		expect(loaded.files[0].notes.join(' ')).toMatch(/carriage return/);
		const r = await build(loaded);
		// Revenue 1×10 + 2×5 + 1×7 = 27 over 3 orders; the last column holds no stray carriage return.
		const [row] = await engine.query<{ revenue: number; orders: number }>('SELECT sum(revenue) AS revenue, count(DISTINCT order_id) AS orders FROM transactions');
		expect([Number(row.revenue), Number(row.orders), r.lines.length]).toEqual([27, 3, 3]);
	});
});
