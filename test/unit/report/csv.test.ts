import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv } from '../../../src/lib/report/csv';

/** A small RFC 4180 parser, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(cell), (cell = '');
		else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
		} else cell += c;
	}
	if (cell || row.length) row.push(cell), rows.push(row);
	return rows;
}

describe('toCsv', () => {
	it('writes a header and CRLF-terminated records', () => {
		expect(toCsv(['a', 'b'], [{ a: 1, b: 'x' }, { a: 2.5, b: 'y' }])).toBe('a,b\r\n1,x\r\n2.5,y\r\n');
	});

	it('quotes fields with commas, quotes, CR or LF and doubles quotes', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
		expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
		expect(csvCell('plain')).toBe('plain');
	});

	it('writes empty cells for null, undefined and non-finite numbers; booleans and dates as text', () => {
		expect(toCsv(['a', 'b', 'c', 'd', 'e'], [{ a: null, b: undefined, c: Number.NaN, d: true, e: new Date('2024-01-02T00:00:00Z') }])).toBe(
			'a,b,c,d,e\r\n,,,true,2024-01-02T00:00:00.000Z\r\n'
		);
	});

	it('neutralises text cells that a spreadsheet would run as a formula', () => {
		for (const bad of ['=1+1', '+1', '-5 apples', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")']) {
			expect(neutraliseFormula(bad)).toBe(`'${bad}`);
			const parsed = parseCsv(toCsv(['v'], [{ v: bad }]));
			expect(parsed[1][0]).toBe(`'${bad}`);
		}
		expect(neutraliseFormula('a=b')).toBe('a=b');
		expect(neutraliseFormula('')).toBe('');
	});

	it('keeps numbers as numbers, negative ones included', () => {
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(-0.25)).toBe('-0.25');
		expect(csvCell('-5')).toBe("'-5");
	});

	it('neutralises and quotes together, and round-trips through a parser', () => {
		const rows = [
			{ id: 'C1', name: '=cmd|"/c calc"!A1', note: 'multi\nline, "quoted"', value: -12.5 },
			{ id: '@x', name: 'Ann, Bob', note: '', value: 0 }
		];
		const parsed = parseCsv(toCsv(['id', 'name', 'note', 'value'], rows));
		expect(parsed).toEqual([
			['id', 'name', 'note', 'value'],
			['C1', `'=cmd|"/c calc"!A1`, 'multi\nline, "quoted"', '-12.5'],
			["'@x", 'Ann, Bob', '', '0']
		]);
	});

	it('neutralises header cells too', () => {
		expect(toCsv(['=x'] as never, [])).toBe("'=x\r\n");
	});
});
