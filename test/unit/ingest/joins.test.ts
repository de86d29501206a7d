/**
 * Related files joined by their keys with zero clicks: a marketplace export (orders, order items,
 * customers with a real-customer id, reviews) and a plain orders file with a survey keyed by customer.
 * Expected numbers are worked by hand from the fixtures (test/fixtures/ingest/marketplace/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { buildCanonical, checkMapping, inputFromBytes, loadFiles, plannedJoins, suggestMapping } from '../../../src/lib/ingest/index';
import { runAnalyses } from '../../../src/lib/analyses/index';
import { fixture, loadPaths } from './helpers';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

const MP = ['mp_reviews.csv', 'mp_customers.csv', 'mp_items.csv', 'mp_orders.csv'].map((n) => fixture(`marketplace/${n}`));

describe('marketplace export: four files joined by their keys', () => {
	it('gives each file its role and key without a click', async () => {
		const loaded = await loadPaths(engine, MP);
		const s = suggestMapping(loaded.files);
		const byFile = Object.fromEntries(s.mapping.files.map((m) => [m.file, m]));
		expect(s.problems).toEqual([]);
		expect(byFile['mp_items.csv']).toMatchObject({ role: 'transactions', fields: { order_id: 'order_id', product: 'product_id', unit_price: 'price' } });
		// The freight is not the line's revenue.
		expect(byFile['mp_items.csv'].fields.revenue).toBeUndefined();
		expect(byFile['mp_orders.csv']).toMatchObject({ role: 'orders', fields: { order_id: 'order_id', customer_id: 'customer_id', order_ts: 'order_purchase_timestamp', status: 'order_status' } });
		expect(byFile['mp_customers.csv']).toMatchObject({ role: 'customers', uniqueCustomer: 'customer_unique_id', fields: { customer_id: 'customer_id', region: 'customer_state' }, attributes: { city: 'customer_city' } });
		expect(byFile['mp_reviews.csv']).toMatchObject({ role: 'feedback', joinOn: 'order_id', fields: { order_id: 'order_id', rating: 'review_score', review_text: 'review_comment_message', review_date: 'review_creation_date' } });
		expect(s.disabledAnalyses.map((d) => d.analysis)).not.toContain('feedback');
	});

	it('builds the lines with dates, status, the real customer and the latest review of each order', async () => {
		const loaded = await loadPaths(engine, MP);
		const { quality, fields } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(fields).toEqual(expect.arrayContaining(['order_ts', 'customer_id', 'status', 'rating', 'region']));
		const rows = await engine.query<Record<string, unknown>>(
			`SELECT order_id, customer_id, CAST(order_ts AS VARCHAR) AS ts, status, region, quantity, revenue, rating, review_text, is_cancelled
			FROM transactions ORDER BY row_no`
		);
		expect(rows).toEqual([
			{ order_id: 'o1', customer_id: 'u1', ts: '2024-01-05 10:00:00', status: 'delivered', region: 'SP', quantity: 1, revenue: 10, rating: 4, review_text: 'good', is_cancelled: false },
			{ order_id: 'o1', customer_id: 'u1', ts: '2024-01-05 10:00:00', status: 'delivered', region: 'SP', quantity: 1, revenue: 15.5, rating: 4, review_text: 'good', is_cancelled: false },
			// o2 has two reviews: the later one (Feb 15, ★5) counts.
			{ order_id: 'o2', customer_id: 'u1', ts: '2024-02-01 09:00:00', status: 'delivered', region: 'SP', quantity: 1, revenue: 20, rating: 5, review_text: 'arrived after all', is_cancelled: false },
			{ order_id: 'o3', customer_id: 'u2', ts: '2024-02-10 12:00:00', status: 'delivered', region: 'RJ', quantity: 1, revenue: 7.25, rating: 1, review_text: null, is_cancelled: false },
			{ order_id: 'o4', customer_id: 'u3', ts: '2024-03-01 08:00:00', status: 'canceled', region: 'MG', quantity: 1, revenue: 30, rating: null, review_text: null, is_cancelled: true }
		]);
		const joins = Object.fromEntries((quality.joins ?? []).map((j) => [j.role, j]));
		// o5 (unavailable) has no items; review r5 is about o5.
		expect(joins.orders).toMatchObject({ other: 'mp_orders.csv', matched: 5, unmatched: 0, otherUnmatched: 1 });
		expect(joins.customers).toMatchObject({ other: 'mp_customers.csv', matched: 5, unmatched: 0, otherUnmatched: 1 });
		expect(joins.feedback).toMatchObject({ other: 'mp_reviews.csv', matched: 4, unmatched: 1, otherUnmatched: 1 });
		const notes = quality.notes.join('\n');
		expect(notes).toContain('is its revenue (quantity 1)');
		expect(notes).toContain('1 order of mp_orders.csv has no lines in mp_items.csv (unavailable: 1)');
		expect(notes).toContain('4 customer ids of the orders belong to 3 real customers');
		expect(notes).toContain('1 order has several rows in mp_reviews.csv');
		// The customers table is keyed by the real customer: u1 once, u4 has no orders.
		const customers = await engine.query<{ customer_id: string; city: string }>('SELECT customer_id, city FROM customers ORDER BY customer_id');
		expect(customers).toEqual([
			{ customer_id: 'u1', city: 'sao paulo' },
			{ customer_id: 'u2', city: 'rio de janeiro' },
			{ customer_id: 'u3', city: 'belo horizonte' },
			{ customer_id: 'u4', city: 'salvador' }
		]);
		expect(quality.customersTable).toMatchObject({ rows: 4, withoutOrders: 1 });
	});

	it('gives the headline figures worked by hand', async () => {
		const loaded = await loadPaths(engine, MP);
		await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		const r = await runAnalyses(engine, {}, ['kpis', 'feedback']);
		if (!r.kpis.available || !r.feedback.available) throw new Error('kpis and feedback should be available');
		// o1 10 + 15.50, o2 20, o3 7.25; o4 is cancelled (its money leaves every figure).
		expect(r.kpis.revenue).toBeCloseTo(52.75, 9);
		expect(r.kpis.orders).toBe(3);
		// u1 (c1 and c2), u2, u3 (the cancelled order's buyer): c1 and c2 are one customer.
		expect(r.kpis.customers).toBe(3);
		// One rating per order: (4 + 5 + 1) / 3, not (4 + 4 + 5 + 1) / 4 per line.
		expect(r.feedback.avgRating).toBeCloseTo(10 / 3, 9);
		expect(r.feedback.ratedOrders).toBe(3);
		// u1 rated o1 and o2 under two per-order ids: one customer, mean (4 + 5) / 2.
		expect(r.feedback.ratedCustomers).toBe(2);
	});
});

describe('joins the user changes', () => {
	it('lists the planned joins with their keys', async () => {
		const loaded = await loadPaths(engine, MP);
		const joins = plannedJoins(suggestMapping(loaded.files).mapping);
		expect(joins.map((j) => [j.role, j.other, j.key, j.otherKey])).toEqual([
			['orders', 'mp_orders.csv', 'order_id', 'order_id'],
			['customers', 'mp_customers.csv', 'customer_id', 'customer_id'],
			['feedback', 'mp_reviews.csv', 'order_id', 'order_id']
		]);
		expect(joins[1].realCustomer).toBe('customer_unique_id');
	});

	it('drops a join when the file is switched off, and keeps per-order customers without the real-customer column', async () => {
		const loaded = await loadPaths(engine, MP);
		const mapping = suggestMapping(loaded.files).mapping;
		for (const m of mapping.files) {
			if (m.file === 'mp_reviews.csv') m.role = 'unusable';
			if (m.file === 'mp_customers.csv') delete m.uniqueCustomer;
		}
		const { quality } = await buildCanonical(engine, loaded, mapping);
		expect((quality.joins ?? []).map((j) => j.role)).toEqual(['orders']);
		const [t] = await engine.query<{ rated: number; customers: number }>('SELECT count(rating) AS rated, count(DISTINCT customer_id) AS customers FROM transactions');
		// c1, c2, c3, c4: without the real-customer column each per-order id is a customer.
		expect({ rated: Number(t.rated), customers: Number(t.customers) }).toEqual({ rated: 0, customers: 4 });
	});

	it('refuses an orders file without an order date', async () => {
		const loaded = await loadPaths(engine, MP);
		const mapping = suggestMapping(loaded.files).mapping;
		delete mapping.files.find((m) => m.role === 'orders')!.fields.order_ts;
		expect(checkMapping(loaded.files, mapping).map((e) => e.message).join('\n')).toContain('mp_orders.csv is used as an orders file but no column is mapped to the order date');
	});
});

describe('ratings from a second file keyed by customer id', () => {
	const csv = (name: string, text: string) => inputFromBytes(name, new TextEncoder().encode(text));
	const ORDERS = 'order_id,customer_id,order_date,amount\n1,a,2024-01-01,10\n2,a,2024-02-01,20\n3,b,2024-01-15,30\n4,c,2024-03-01,40\n';
	// a answered twice (the later answer, 3, counts); z is not a customer of the orders.
	const SURVEY = 'customer_id,nps,survey_date\na,9,2024-02-10\na,3,2024-03-01\nb,10,2024-01-20\nz,0,2024-01-01\n';

	it('joins the survey onto the orders by customer id', async () => {
		const loaded = await loadFiles(engine, [csv('survey.csv', SURVEY), csv('orders.csv', ORDERS)]);
		const s = suggestMapping(loaded.files);
		const survey = s.mapping.files.find((m) => m.file === 'survey.csv')!;
		expect(survey).toMatchObject({ role: 'feedback', joinOn: 'customer_id', fields: { customer_id: 'customer_id', rating: 'nps', review_date: 'survey_date' } });
		const { quality } = await buildCanonical(engine, loaded, s.mapping);
		const rows = await engine.query<{ order_id: string; rating: number | null }>('SELECT order_id, rating FROM transactions ORDER BY order_id');
		expect(rows).toEqual([
			{ order_id: '1', rating: 3 },
			{ order_id: '2', rating: 3 },
			{ order_id: '3', rating: 10 },
			{ order_id: '4', rating: null }
		]);
		expect(quality.joins?.[0]).toMatchObject({ role: 'feedback', matched: 3, unmatched: 1, otherUnmatched: 1 });
		expect(quality.notes.join('\n')).toContain("a customer's latest answer is used");
	});

	it('keeps a one-file export unchanged (no join, no join report)', async () => {
		const loaded = await loadFiles(engine, [csv('orders.csv', ORDERS)]);
		const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		expect(quality.joins).toBeUndefined();
		expect(quality.revenue).toBe(100);
	});
});
