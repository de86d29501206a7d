/**
 * Two uploaded exports through the shipped ingest: order ids found in both files are reported (an
 * overlap double-counts), and a status-cancelled order's value is reported as left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../../src/lib/analyses/index';
import type { Engine } from '../../../../src/lib/engine/engine';
import { createNativeEngine } from '../../../../src/lib/engine/native-node';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import { buildCanonical, inputFromBytes, loadFiles, suggestMapping } from '../../../../src/lib/ingest/index';

const csv = (name: string, rows: string[]) =>
	inputFromBytes(name, new TextEncoder().encode(['order_id,customer_id,order_date,product,quantity,unit_price,status', ...rows].join('\n') + '\n'));

// a.csv: 1001 (two lines), 1002 (cancelled by status, 2 × 10), 1003.
// b.csv: 1003 and 1001 again (the exports overlap), and 1004.
// Shared ids: 1001 and 1003 → 2, listed in id order with both file names.
const A = csv('a.csv', [
	'1001,c1,2024-01-02,P1,1,5,Shipped',
	'1001,c1,2024-01-02,P2,1,7,Shipped',
	'1002,c2,2024-01-03,P1,2,10,Cancelled',
	'1003,c3,2024-01-04,P1,1,5,Shipped'
]);
const B = csv('b.csv', ['1003,c3,2024-01-04,P1,1,5,Shipped', '1004,c4,2024-01-05,P2,3,7,Shipped', '1001,c1,2024-01-02,P1,1,5,Shipped']);

// Both engines: which files the lines came from is read from the stored column's ENUM type.
describe.each([
	['DuckDB-WASM', createWasmNodeEngine],
	['native DuckDB', createNativeEngine]
])('data quality across two files (%s)', (_name, create: () => Promise<Engine>) => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await create();
	});
	afterAll(async () => engine?.close());

	it('names the order ids found in both files and the cancelled value left out', async () => {
		const loaded = await loadFiles(engine, [A, B]);
		expect(loaded.failures).toEqual([]);
		await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		const q = await runAnalysis('dataQuality', engine);
		if (!q.available) throw new Error('unavailable');
		expect(q.overlappingOrders).toEqual({
			orders: 2,
			examples: [
				{ orderId: '1001', files: ['a.csv', 'b.csv'] },
				{ orderId: '1003', files: ['a.csv', 'b.csv'] }
			]
		});
		expect(q.leftOutCancelled).toEqual({ orders: 1, lines: 1, revenue: 20 });
		// Net revenue: a.csv 5 + 7 + 5, b.csv 5 + 21 + 5 = 48 (1002's 20 left out, the overlap counted twice as uploaded).
		const k = await runAnalysis('kpis', engine);
		if (!k.available) throw new Error('unavailable');
		expect(k.revenue).toBeCloseTo(48, 9);
	});

	it('reports no overlap for a single file', async () => {
		const loaded = await loadFiles(engine, [A]);
		await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		const q = await runAnalysis('dataQuality', engine);
		if (!q.available) throw new Error('unavailable');
		expect(q.overlappingOrders).toEqual({ orders: 0, examples: [] });
	});
});
