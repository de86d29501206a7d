import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { runAnalysis, customerFeedbackSql } from '../../../../src/lib/analyses/index';
import { detectRatingScale } from '../../../../src/lib/analyses/feedback/index';
import { wilson, twoProportionZ } from '../../../../src/lib/analyses/feedback/compute';
import { loadTransactions, type Line } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

/**
 * A 1–5 star file, the order's rating repeated on every line (o1 has 2 lines, o3 has 3):
 *   a: o1 (Jan, ★1, 10+10), o2 (Feb, ★2, 30)         → mean 1.5, Unhappy; last order Feb 10 → churned
 *   b: o3 (Jan, ★5, 3×20), o4 (Jun 20, ★4, reviewed Jul 2, 40) → mean 4.5 Happy, last rating 4; active
 *   c: o5 (Mar, ★3, 25), o6 (Jun 25, no rating, 25)   → mean 3 Neutral; active
 *   d: o7 (Jun 30, ★5 "great", 100)                   → Happy; active
 *   e: o8 (Feb, no rating, 200)                        → unrated; churned
 * As of Jul 1 (day after the last order), churn window 90 days.
 * Rated orders: 1, 2, 5, 4, 3, 5 → 6 orders, mean 20/6 (per line it would be 31/9: each order counts once).
 * Revenue: a 50 of 500 → 10 % from unhappy customers.
 * RFM (5 customers): a has R = 2 (2nd most recent-last of 5), F = 3 (frequency 2, ties rank 3), M = 1 → FM 2 → Hibernating,
 * a lapsing segment, so a is "Discontent At Risk".
 */
const STARS: Line[] = [
	{ order: 'o1', customer: 'a', ts: '2024-01-10', revenue: 10, rating: 1 },
	{ order: 'o1', customer: 'a', ts: '2024-01-10', revenue: 10, rating: 1 },
	{ order: 'o2', customer: 'a', ts: '2024-02-10', revenue: 30, rating: 2 },
	{ order: 'o3', customer: 'b', ts: '2024-01-15', revenue: 20, rating: 5 },
	{ order: 'o3', customer: 'b', ts: '2024-01-15', revenue: 20, rating: 5 },
	{ order: 'o3', customer: 'b', ts: '2024-01-15', revenue: 20, rating: 5 },
	{ order: 'o4', customer: 'b', ts: '2024-06-20', revenue: 40, rating: 4, reviewDate: '2024-07-02' },
	{ order: 'o5', customer: 'c', ts: '2024-03-01', revenue: 25, rating: 3 },
	{ order: 'o6', customer: 'c', ts: '2024-06-25', revenue: 25 },
	{ order: 'o7', customer: 'd', ts: '2024-06-30', revenue: 100, rating: 5, review: 'great' },
	{ order: 'o8', customer: 'e', ts: '2024-02-01', revenue: 200 }
];

describe('feedback on a 1–5 star file with ratings repeated on every line', () => {
	it('averages over rated orders, each order once, and detects the 1–5 scale', async () => {
		await loadTransactions(engine, STARS);
		const r = await runAnalysis('feedback', engine);
		if (!r.available) throw new Error(r.reason);
		expect(r.scale.id).toBe('1-5');
		expect(r.ratedOrders).toBe(6);
		expect(r.orders).toBe(8);
		expect(r.avgRating).toBeCloseTo(20 / 6, 10);
		expect(r.nps).toBeNull();
		expect(r.reviews).toBe(1);
		expect(r.distribution.map((d) => [d.rating, d.orders])).toEqual([
			[1, 1],
			[2, 1],
			[3, 1],
			[4, 1],
			[5, 2]
		]);
		expect(r.months.map((m) => [m.month, m.answers, m.avgRating])).toEqual([
			['2024-01', 2, 3],
			['2024-02', 1, 2],
			['2024-03', 1, 3],
			['2024-06', 1, 5],
			['2024-07', 1, 4]
		]);
	});

	it('bands customers by their mean rating and compares churn with Wilson intervals', async () => {
		await loadTransactions(engine, STARS);
		const r = await runAnalysis('feedback', engine);
		if (!r.available) throw new Error(r.reason);
		expect(r.ratedCustomers).toBe(4);
		const band = Object.fromEntries(r.churnByBand.map((b) => [b.band, b]));
		expect([band.Unhappy.customers, band.Unhappy.churned, band.Neutral.customers, band.Neutral.churned, band.Happy.customers, band.Happy.churned]).toEqual([1, 1, 1, 0, 2, 0]);
		// Wilson for 1 of 1: lower = 1/(1 + z²) with z = 1.96 → 0.2065; for 0 of 1 the upper bound is z²/(1 + z²) = 0.7935.
		expect(band.Unhappy.low).toBeCloseTo(1 / (1 + 1.959964 ** 2), 6);
		expect(band.Unhappy.high).toBe(1);
		expect(band.Neutral.high).toBeCloseTo(1.959964 ** 2 / (1 + 1.959964 ** 2), 6);
		expect(r.unhappyChurnMore).toBe('unknown');
		expect(r.unhappyRevenue).toBe(50);
		expect(r.unhappyRevenueShare).toBeCloseTo(0.1, 10);
		expect(r.discontent).toEqual({ customers: 1, revenue: 50, bySegment: [{ segment: 'Hibernating', customers: 1, revenue: 50 }] });
		const hib = r.bySegment.find((s) => s.segment === 'Hibernating');
		expect(hib).toMatchObject({ rated: 1, avgRating: 1.5, unhappy: 1 });
	});

	it('gives each customer the mean and the last of their ratings (the helper other slices reuse)', async () => {
		await loadTransactions(engine, STARS);
		const rows = await engine.query<{ customer_id: string; ratings: number; avg_rating: number; last_rating: number }>(
			`SELECT * FROM (${customerFeedbackSql('transactions')}) ORDER BY customer_id`
		);
		expect(rows.map((x) => [x.customer_id, Number(x.ratings), x.avg_rating, x.last_rating])).toEqual([
			['a', 2, 1.5, 2],
			['b', 2, 4.5, 4],
			['c', 1, 3, 3],
			['d', 1, 5, 5]
		]);
	});

	it('uses the scale chosen in "Review columns" over the detected one', async () => {
		await loadTransactions(engine, STARS);
		const r = await runAnalysis('feedback', engine, { ratingScale: '1-10' });
		if (!r.available) throw new Error(r.reason);
		expect([r.scale.id, r.scaleChosen]).toEqual(['1-10', true]);
		// On 1–10 every customer here (means 1.5, 4.5, 3, 5) is at most 6: all four are unhappy.
		expect(r.churnByBand.map((b) => [b.band, b.customers])).toEqual([['Unhappy', 4]]);
		const tooSmall = await runAnalysis('feedback', engine, { ratingScale: '1-5' });
		expect(tooSmall.available).toBe(true);
		await loadTransactions(engine, NPS);
		const off = await runAnalysis('feedback', engine, { ratingScale: '1-5' });
		expect(off).toEqual({ available: false, reason: 'ratings run from 0 to 10, outside the chosen 1-5 scale; choose another scale in "Review columns"' });
	});

	it('says which column unlocks it when there is no rating', async () => {
		await loadTransactions(engine, STARS.map((l) => ({ ...l, rating: null, review: null, reviewDate: null })));
		const r = await runAnalysis('feedback', engine);
		expect(r).toEqual({ available: false, reason: 'needs a rating or review score column' });
	});
});

/**
 * A 0–10 NPS file: answers 10, 9, 8, 7, 6, 0, 9 (one order without an answer).
 * Promoters (9–10) 3, passives (7–8) 2, detractors (0–6) 2 → NPS = (3 − 2) / 7 = 14.29; mean 49 / 7 = 7.
 * Months: Jan has 10, 9, 8 → NPS (2 − 0)/3 = 66.7; Feb has 7, 6, 0, 9 → (1 − 2)/4 = −25.
 */
const NPS: Line[] = [
	{ order: 'n1', customer: 'p', ts: '2024-01-03', revenue: 10, rating: 10 },
	{ order: 'n2', customer: 'q', ts: '2024-01-04', revenue: 10, rating: 9 },
	{ order: 'n3', customer: 'r', ts: '2024-01-05', revenue: 10, rating: 8 },
	{ order: 'n4', customer: 's', ts: '2024-02-03', revenue: 10, rating: 7 },
	{ order: 'n5', customer: 't', ts: '2024-02-04', revenue: 10, rating: 6 },
	{ order: 'n6', customer: 'u', ts: '2024-02-05', revenue: 10, rating: 0 },
	{ order: 'n7', customer: 'v', ts: '2024-02-06', revenue: 10, rating: 9 },
	{ order: 'n8', customer: 'w', ts: '2024-02-07', revenue: 10 }
];

describe('feedback on a 0–10 NPS file', () => {
	it('computes NPS as % promoters − % detractors, overall and by month', async () => {
		await loadTransactions(engine, NPS);
		const r = await runAnalysis('feedback', engine);
		if (!r.available) throw new Error(r.reason);
		expect(r.scale.id).toBe('0-10');
		expect(r.avgRating).toBeCloseTo(7, 10);
		expect(r.nps).toEqual({ score: expect.closeTo((100 * 1) / 7, 10), promoters: 3, passives: 2, detractors: 2 });
		expect(r.months.map((m) => [m.month, m.answers])).toEqual([
			['2024-01', 3],
			['2024-02', 4]
		]);
		expect(r.months[0].nps).toBeCloseTo(200 / 3, 10);
		expect(r.months[1].nps).toBeCloseTo(-25, 10);
		// Detractors (≤ 6) are the unhappy band: t (6) and u (0).
		expect(r.churnByBand.find((b) => b.band === 'Unhappy')?.customers).toBe(2);
		expect(r.churnByBand.find((b) => b.band === 'Happy')?.customers).toBe(3);
	});
});

describe('whether unhappy customers churn more', () => {
	/** 20 unhappy customers of whom 15 churned, 20 happy of whom 2 churned: z = 0.65 / √(0.425·0.575·0.1) = 4.16. */
	const lines = (unhappyChurned: number, happyChurned: number): Line[] => {
		const out: Line[] = [{ order: 'ref', customer: 'ref', ts: '2024-12-31', revenue: 1 }];
		for (const [kind, rating, churned] of [
			['u', 1, unhappyChurned],
			['h', 5, happyChurned]
		] as const) {
			for (let i = 0; i < 20; i++) {
				out.push({ order: `${kind}${i}a`, customer: `${kind}${i}`, ts: '2024-01-01', revenue: 10, rating });
				if (i >= churned) out.push({ order: `${kind}${i}b`, customer: `${kind}${i}`, ts: '2024-12-20', revenue: 10 });
			}
		}
		return out;
	};

	it('says yes when the difference is significant', async () => {
		await loadTransactions(engine, lines(15, 2));
		const r = await runAnalysis('feedback', engine);
		if (!r.available) throw new Error(r.reason);
		const u = r.churnByBand.find((b) => b.band === 'Unhappy')!;
		expect([u.customers, u.churned]).toEqual([20, 15]);
		expect(u.low).toBeCloseTo(0.5313, 4);
		expect(u.high).toBeCloseTo(0.8881, 4);
		expect(r.unhappyChurnMore).toBe('yes');
	});

	it('says the data cannot tell when it is not', async () => {
		await loadTransactions(engine, lines(6, 5));
		const r = await runAnalysis('feedback', engine);
		if (!r.available) throw new Error(r.reason);
		expect(r.unhappyChurnMore).toBe('unknown');
	});

	it('z statistic and Wilson interval match worked values', () => {
		expect(twoProportionZ(15, 20, 2, 20)).toBeCloseTo(0.65 / Math.sqrt(0.425 * 0.575 * 0.1), 10);
		expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
	});
});

describe('rating scale detection', () => {
	it('reads the scale from the smallest and largest rating', () => {
		expect(detectRatingScale(1, 5)?.id).toBe('1-5');
		expect(detectRatingScale(1, 4)?.id).toBe('1-5');
		expect(detectRatingScale(0, 10)?.id).toBe('0-10');
		expect(detectRatingScale(2, 10)?.id).toBe('1-10');
		expect(detectRatingScale(0, 87)?.id).toBe('0-100');
		expect(detectRatingScale(-1, 5)).toBeNull();
		expect(detectRatingScale(1, 250)).toBeNull();
	});
});

describe('what the reviews say', () => {
	/**
	 * Unhappy (★1–2) reviews: "Broken item!", "item broken again", "BROKEN"; happy (★4–5): "Great item", "great", "Great service".
	 * Reviews per term (each review once), stop word "again" dropped:
	 *   broken 3 unhappy / 0 happy → ln((3.5/4)/(0.5/4)) = ln 7; item 2 / 1 → ln(2.5/1.5); great 0 / 3 → −ln 7.
	 * Terms in fewer than 2 reviews of their side (service, the two-word phrases) are not listed. ★3 reviews count on neither side.
	 */
	const REVIEWS: Line[] = [
		{ order: 'r1', customer: 'a', ts: '2024-01-01', revenue: 1, rating: 1, review: 'Broken item!' },
		{ order: 'r1', customer: 'a', ts: '2024-01-01', revenue: 1, rating: 1, review: 'Broken item!' },
		{ order: 'r2', customer: 'b', ts: '2024-01-02', revenue: 1, rating: 2, review: 'item broken again' },
		{ order: 'r3', customer: 'c', ts: '2024-01-03', revenue: 1, rating: 1, review: 'BROKEN' },
		{ order: 'r4', customer: 'd', ts: '2024-01-04', revenue: 1, rating: 5, review: 'Great item' },
		{ order: 'r5', customer: 'e', ts: '2024-01-05', revenue: 1, rating: 4, review: 'great' },
		{ order: 'r6', customer: 'f', ts: '2024-01-06', revenue: 1, rating: 5, review: 'Great service' },
		{ order: 'r7', customer: 'g', ts: '2024-01-07', revenue: 1, rating: 3, review: 'broken broken <b>great</b>' }
	];

	it('lists the words most typical of unhappy and of happy reviews, each review counted once', async () => {
		await loadTransactions(engine, REVIEWS);
		const r = await runAnalysis('feedback', engine);
		if (!r.available) throw new Error(r.reason);
		expect(r.terms).not.toBeNull();
		const t = r.terms!;
		expect([t.unhappyReviews, t.happyReviews]).toEqual([3, 3]);
		expect(t.unhappy.map((x) => [x.term, x.unhappyReviews, x.happyReviews])).toEqual([
			['broken', 3, 0],
			['item', 2, 1]
		]);
		expect(t.unhappy[0].score).toBeCloseTo(Math.log(7), 10);
		expect(t.unhappy[1].score).toBeCloseTo(Math.log(2.5 / 1.5), 10);
		expect(t.happy.map((x) => [x.term, x.happyReviews])).toEqual([['great', 3]]);
		expect(t.happy[0].score).toBeCloseTo(-Math.log(7), 10);
	});

	it('lists two-word phrases too, keeping negations ("still" is a stop word, "not" is not)', async () => {
		// Unhappy: "Not working", "still not working"; happy: "works great" twice. Every term is in both reviews of its side: ln((2.5/3)/(0.5/3)) = ln 5, ties by name.
		await loadTransactions(engine, [
			{ order: 'p1', customer: 'a', ts: '2024-01-01', revenue: 1, rating: 1, review: 'Not working' },
			{ order: 'p2', customer: 'b', ts: '2024-01-02', revenue: 1, rating: 2, review: 'still not working' },
			{ order: 'p3', customer: 'c', ts: '2024-01-03', revenue: 1, rating: 5, review: 'works great' },
			{ order: 'p4', customer: 'd', ts: '2024-01-04', revenue: 1, rating: 5, review: 'Works great.' }
		]);
		const r = await runAnalysis('feedback', engine);
		if (!r.available) throw new Error(r.reason);
		expect(r.terms!.unhappy.map((x) => [x.term, x.words])).toEqual([
			['not', 1],
			['not working', 2],
			['working', 1]
		]);
		expect(r.terms!.happy.map((x) => x.term)).toEqual(['great', 'works', 'works great']);
		expect(r.terms!.unhappy[0].score).toBeCloseTo(Math.log(5), 10);
	});
});
