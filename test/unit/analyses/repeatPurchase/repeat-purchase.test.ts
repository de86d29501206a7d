import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { runAnalysis } from '../../../../src/lib/analyses/index';
import { loadTransactions, type Line } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

/**
 * Worked by hand (non-cancelled orders only; a customer counts once per month):
 *   January:  a, b buy (b twice) — both for the first time; d only cancels    → 0 of 2
 *   February: a again (repeat), c new, d new (its January order was cancelled) → 1 of 3
 *   March:    b again (repeat); a guest line without a customer is ignored     → 1 of 1
 *   overall:  2 repeat customer-months of 6.
 */
// Order ids avoid a leading C, which marks a cancellation (as 'C9' below does).
const LINES: Line[] = [
	{ order: 'o1', customer: 'a', ts: '2024-01-05', revenue: 100 },
	{ order: 'o2', customer: 'b', ts: '2024-01-20', revenue: 80 },
	{ order: 'o3', customer: 'b', ts: '2024-01-25', revenue: 20 },
	{ order: 'C9', customer: 'd', ts: '2024-01-07', qty: -1, price: 40 },
	{ order: 'o4', customer: 'a', ts: '2024-02-10', revenue: 50 },
	{ order: 'o5', customer: 'c', ts: '2024-02-14', revenue: 60 },
	{ order: 'o6', customer: 'd', ts: '2024-02-01', revenue: 40 },
	{ order: 'o7', customer: 'b', ts: '2024-03-03', revenue: 30 },
	{ order: 'o8', customer: null, ts: '2024-03-05', revenue: 10 }
];

describe('repeat-purchase rate by month', () => {
	it('counts each month’s buyers and those who had bought in an earlier month', async () => {
		await loadTransactions(engine, LINES);
		const r = await runAnalysis('repeatPurchase', engine);
		if (!r.available) throw new Error(r.reason);
		expect(r.months).toEqual([
			{ month: '2024-01', customers: 2, repeatCustomers: 0, rate: 0 },
			{ month: '2024-02', customers: 3, repeatCustomers: 1, rate: 1 / 3 },
			{ month: '2024-03', customers: 1, repeatCustomers: 1, rate: 1 }
		]);
		expect(r.overallRate).toBeCloseTo(2 / 6, 12);
	});

	it('is unavailable without customer ids', async () => {
		await loadTransactions(engine, [{ order: 'x', customer: null, ts: '2024-01-01', revenue: 5 }]);
		const r = await runAnalysis('repeatPurchase', engine);
		expect(r).toEqual({ available: false, reason: expect.stringMatching(/customer/) });
	});
});
