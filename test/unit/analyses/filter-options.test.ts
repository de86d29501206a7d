/**
 * The filter pickers' values: read from the whole data's order table once a run has built it, from
 * the lines before. Both are checked against values counted here from the fixture's lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../src/lib/engine/engine';
import { dropWholeData, filterValues, startWholeData } from '../../../src/lib/analyses/index';
import { WholeData } from '../../../src/lib/analyses/whole-data';
import { loadTransactions, type Line } from '../../fixtures/analyses/transactions';

/** Order O1 has lines in two countries (two rows of the order table); FR and DE tie on lines; O5 is cancelled by its status. */
const LINES: Line[] = [
	{ order: 'O1', customer: 'c1', ts: '2024-01-05 10:00:00', product: 'P1', category: 'Garden', qty: 1, price: 10, country: 'UK', status: 'Shipped' },
	{ order: 'O1', customer: 'c1', ts: '2024-01-05 10:00:00', product: 'P2', category: 'Garden', qty: 1, price: 10, country: 'UK', status: 'Shipped' },
	{ order: 'O1', customer: 'c1', ts: '2024-01-05 10:00:00', product: 'P3', category: 'Kitchen', qty: 1, price: 10, country: 'FR', status: 'Shipped' },
	{ order: 'O2', customer: 'c2', ts: '2024-02-11 09:00:00', product: 'P1', category: 'Kitchen', qty: 2, price: 5, country: 'DE', status: 'Pending' },
	{ order: 'O3', customer: 'c3', ts: '2024-03-20 12:00:00', product: 'P2', category: 'Kitchen', qty: 1, price: 8, country: 'UK', status: 'Shipped' },
	{ order: 'O4', customer: 'c1', ts: '2023-12-30 08:00:00', product: 'P3', category: 'Toys', qty: 1, price: 4, country: 'FR', status: 'Pending' },
	{ order: 'O5', customer: 'c2', ts: '2024-04-02 16:00:00', product: 'P1', category: 'Garden', qty: 3, price: 2, country: 'DE', status: 'Cancelled' }
];

/** Distinct values of a line field, most lines first, then by name. */
function byLines(get: (l: Line) => string | null | undefined): string[] {
	const counts = new Map<string, number>();
	for (const l of LINES) {
		const v = get(l);
		if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
	}
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
}

const EXPECTED = {
	countries: byLines((l) => l.country),
	categories: byLines((l) => l.category),
	statuses: byLines((l) => l.status),
	minDate: '2023-12-30',
	maxDate: '2024-04-02'
};

describe('filter values', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createWasmNodeEngine();
		await loadTransactions(engine, LINES);
	});
	afterAll(async () => {
		await engine?.close();
	});

	it('are the distinct values by number of lines and the date range, read from the lines', async () => {
		await dropWholeData(engine);
		expect(EXPECTED.countries).toEqual(['UK', 'DE', 'FR']);
		expect(await filterValues(engine)).toEqual(EXPECTED);
	});

	it('are the same read from the whole data’s order table', async () => {
		await startWholeData(engine, {});
		expect(await (await WholeData.of(engine)).existing('orders')).toBeTruthy();
		expect(await filterValues(engine)).toEqual(EXPECTED);
	});

	it('are empty lists for columns the data does not have', async () => {
		await loadTransactions(
			engine,
			LINES.map(({ category: _c, status: _s, ...l }) => l)
		);
		await startWholeData(engine, {});
		expect(await filterValues(engine)).toEqual({ ...EXPECTED, categories: [], statuses: [] });
	});
});
