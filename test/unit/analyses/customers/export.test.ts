import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { allCustomersQuery, clearCustomerCache, customerPage, exportAllCustomers, runAnalysis } from '../../../../src/lib/analyses/index';
import { toCsv } from '../../../../src/lib/report/csv';
import { dropCustomers, loadCustomers, loadTransactions, type Line } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

const BASE =
	'customer_id,first_order_date,last_order_date,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,cltv_tier,historical_profit,churned,risk_group,p_alive,expected_purchases_next_12m,predicted_clv_next_12m';

/**
 * Ratings on 1–5 stars, the order's rating repeated on each of its lines (o1 has two lines):
 *   a: o1 Jan 10 ★1 (10+10), o2 Feb 10 ★2 (30)                 → ratings 2, avg 1.5, last 2 (Feb 10)
 *   b: o3 Jan 15 ★5 (20), o4 Jun 20 ★3 (40)                    → ratings 2, avg 4, last 3
 *   c: o5 Mar 1 ★2 reviewed Jun 28 (25), o6 May 1 ★4 (30)      → ratings 2, avg 3; the last *rating* is o5's (Jun 28 > May 1) → 2
 *   d: o7 Jun 30 ★5 (100)                                       → 1, 5, 5
 *   e: o8 Feb 1, no rating (200)                                → empty feedback columns
 * Attributes (a customers file): a is 34, F, Lyon; b is M in a city that reads like a formula; c, d
 * and e have no row; nobody has a channel or signup date, so those columns are not exported.
 * a is unhappy (1.5 ≤ 2) and, with the second-oldest last order, the lowest spend and 2 orders, is
 * in Hibernating (R 2, F 3, M 1; the same ranks as in the feedback test): "Discontent Hibernating".
 */
const LINES: Line[] = [
	{ order: 'o1', customer: 'a', ts: '2024-01-10', revenue: 10, rating: 1 },
	{ order: 'o1', customer: 'a', ts: '2024-01-10', revenue: 10, rating: 1 },
	{ order: 'o2', customer: 'a', ts: '2024-02-10', revenue: 30, rating: 2 },
	{ order: 'o3', customer: 'b', ts: '2024-01-15', revenue: 20, rating: 5 },
	{ order: 'o4', customer: 'b', ts: '2024-06-20', revenue: 40, rating: 3 },
	{ order: 'o5', customer: 'c', ts: '2024-03-01', revenue: 25, rating: 2, reviewDate: '2024-06-28' },
	{ order: 'o6', customer: 'c', ts: '2024-05-01', revenue: 30, rating: 4 },
	{ order: 'o7', customer: 'd', ts: '2024-06-30', revenue: 100, rating: 5 },
	{ order: 'o8', customer: 'e', ts: '2024-02-01', revenue: 200 }
];

const EXPECTED_FEEDBACK: Record<string, [number | null, number | null, number | null]> = {
	a: [1.5, 2, 2],
	b: [4, 2, 3],
	c: [3, 2, 2],
	d: [5, 1, 5],
	e: [null, null, null]
};

async function load(withCustomers: boolean, lines = LINES) {
	await loadTransactions(engine, lines);
	if (withCustomers) {
		await loadCustomers(engine, [
			{ customer_id: 'a', age: 34, gender: 'F', city: 'Lyon' },
			{ customer_id: 'b', gender: 'M', city: '=HYPERLINK("x")' }
		]);
	} else await dropCustomers(engine);
	await clearCustomerCache(engine);
}

describe('customers export: feedback and attribute columns', () => {
	it('adds avg_rating, ratings, last_rating and the attributes that have values, after the scores', async () => {
		await load(true);
		const { columns, rows } = await exportAllCustomers(engine, {});
		expect(columns.join(',')).toBe(`${BASE},avg_rating,ratings,last_rating,age,gender,city`);
		const byId = Object.fromEntries(rows.map((r) => [r.customer_id, r]));
		expect(Object.keys(byId).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
		for (const [id, [avg, n, last]] of Object.entries(EXPECTED_FEEDBACK)) {
			expect([byId[id].avg_rating, byId[id].ratings, byId[id].last_rating], id).toEqual([avg, n, last]);
		}
		expect([byId.a.age, byId.a.gender, byId.a.city]).toEqual([34, 'F', 'Lyon']);
		expect([byId.b.age, byId.b.gender, byId.b.city]).toEqual([null, 'M', '=HYPERLINK("x")']);
		expect([byId.c.age, byId.c.gender, byId.c.city]).toEqual([null, null, null]);
		expect([byId.a.first_order_date, byId.a.last_order_date]).toEqual(['2024-01-10', '2024-02-10']);
		// The CSV neutralises the formula-like city; numbers stay numbers.
		const csv = toCsv(columns, rows).split('\r\n');
		expect(csv.find((l) => l.startsWith('b,'))).toContain(`"'=HYPERLINK(""x"")"`);
		expect(csv.find((l) => l.startsWith('a,'))!.endsWith(',1.5,2,2,34,F,Lyon')).toBe(true);
	});

	it('keeps exactly the score columns without ratings or a customers file', async () => {
		await load(false, LINES.map((l) => ({ ...l, rating: null, reviewDate: null })));
		const { columns, rows } = await exportAllCustomers(engine, {});
		expect(columns.join(',')).toBe(BASE);
		expect(rows).toHaveLength(5);
	});

	it('writes the same rows as Parquet with typed columns (dates as DATE, numbers as numbers)', async () => {
		await load(true);
		const { columns, rows } = await exportAllCustomers(engine, {});
		const query = (await allCustomersQuery(engine, {}))!;
		const bytes = await engine.copyToParquet(query.sql);
		const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
		const schema = parquetSchema(parquetMetadata(file)).children.map((c) => c.element);
		expect(schema.map((e) => e.name)).toEqual(columns);
		const type = (name: string) => schema.find((e) => e.name === name)!;
		expect(type('first_order_date').converted_type).toBe('DATE');
		expect(type('avg_rating').type).toBe('DOUBLE');
		expect(type('age').type).toBe('DOUBLE');
		expect(type('churned').type).toBe('BOOLEAN');
		const back = await parquetReadObjects({ file });
		const plain = back.map((r) =>
			Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'bigint' ? Number(v) : v]))
		);
		expect(plain).toEqual(rows);
		expect(plain.find((r) => r.customer_id === 'b')!.city).toBe('=HYPERLINK("x")');
	});
});

describe('Discontent in the per-customer table', () => {
	it('lists the customers the feedback panel counts as Discontent, per segment and in all', async () => {
		await load(false);
		const f = await runAnalysis('feedback', engine);
		if (!f.available) throw new Error(f.reason);
		expect(f.discontent.bySegment).toEqual([{ segment: 'Hibernating', customers: 1, revenue: 50 }]);
		const all = await customerPage(engine, {}, { filter: { discontent: 'all' } });
		expect(all.feedback).toBe(true);
		expect(all.total).toBe(f.discontent.customers);
		expect(all.rows.map((r) => [r.customer_id, r.segment, r.avg_rating, r.feedback_band, r.discontent])).toEqual([['a', 'Hibernating', 1.5, 'Unhappy', true]]);
		const seg = await customerPage(engine, {}, { filter: { discontent: 'Hibernating' } });
		expect(seg.rows.map((r) => r.customer_id)).toEqual(['a']);
		expect((await customerPage(engine, {}, { filter: { discontent: 'At Risk' } })).total).toBe(0);
		await expect(customerPage(engine, {}, { filter: { discontent: "Champions' OR 1=1" } })).rejects.toThrow(/lapsing segment/);
	});
});
