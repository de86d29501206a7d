import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { reviewsWithTerm } from '../../../../src/lib/analyses/index';
import { loadTransactions, type Line } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

/**
 * Which reviews contain "working" (as a whole word, any case, punctuation ignored): r1, r2, r3, r5
 * (4); r4 says "Networking", r6 has no rating (not a rated review), r7 has no text. "not working"
 * (adjacent words): r1, r2, r5 (3); r3 has "working" without "not" before it.
 */
const LINES: Line[] = [
	{ order: 'r1', customer: 'a', ts: '2024-01-05', revenue: 10, rating: 1, review: 'Not working at all' },
	{ order: 'r2', customer: 'b', ts: '2024-02-05', revenue: 10, rating: 2, review: 'still not working' },
	{ order: 'r3', customer: 'c', ts: '2024-03-05', revenue: 10, rating: 5, review: 'Working great, thanks' },
	{ order: 'r4', customer: 'd', ts: '2024-04-05', revenue: 10, rating: 3, review: 'Networking event gift' },
	{ order: 'r5', customer: 'e', ts: '2024-05-05', revenue: 10, rating: 1, review: 'not  WORKING! <b>bold</b>', reviewDate: '2024-05-20' },
	{ order: 'r6', customer: 'f', ts: '2024-06-05', revenue: 10, review: 'working fine' },
	{ order: 'r7', customer: 'g', ts: '2024-06-06', revenue: 10, rating: 4 }
];

describe('the reviews behind a review term', () => {
	it('lists the rated reviews containing the word or phrase, worst first for an unhappy term', async () => {
		await loadTransactions(engine, LINES);
		const word = await reviewsWithTerm(engine, {}, 'working', true);
		expect(word.total).toBe(4);
		// Rating ascending, then newest first: r5 (★1, May 20), r1 (★1, Jan 5), r2 (★2), r3 (★5).
		expect(word.reviews.map((r) => r.order_id)).toEqual(['r5', 'r1', 'r2', 'r3']);
		expect(word.reviews[0]).toEqual({ order_id: 'r5', customer_id: 'e', rating: 1, rated_at: '2024-05-20', review_text: 'not  WORKING! <b>bold</b>' });
		const phrase = await reviewsWithTerm(engine, {}, 'not working', false);
		expect(phrase.total).toBe(3);
		expect(phrase.reviews.map((r) => r.order_id)).toEqual(['r2', 'r5', 'r1']);
	});

	it('caps the list but counts every review, follows the filters, and treats the term as data', async () => {
		await loadTransactions(engine, LINES);
		const capped = await reviewsWithTerm(engine, {}, 'working', true, 2);
		expect([capped.total, capped.reviews.map((r) => r.order_id)]).toEqual([4, ['r5', 'r1']]);
		const filtered = await reviewsWithTerm(engine, { filters: { dateFrom: '2024-02-01', dateTo: null, countries: [], categories: [], statuses: [] } }, 'working', true);
		expect(filtered.total).toBe(3);
		expect((await reviewsWithTerm(engine, {}, "working' OR '1'='1", true)).total).toBe(0);
	});
});
