/**
 * Customer feedback: ratings (stars, NPS, CSAT) on orders, joined to the customer scoring so the
 * page can say whether unhappy customers churn more. An order's rating counts once: lines of one
 * order that repeat the order's rating (the usual export) are averaged into one order rating.
 * Definitions quoted by the dictionary live here.
 */
import type { AnalysisContext } from '../context';
import { customerScores } from '../customerScoring/index';
import type { Maybe } from '../types';
import { reviewTerms } from './words';
import type { BandChurn, FeedbackBand, FeedbackResult, RatingScale, RatingScaleId } from './types';

export const RATING_SCALES: Record<RatingScaleId, RatingScale> = {
	'1-5': { id: '1-5', min: 1, max: 5, unhappyAtMost: 2, happyAtLeast: 4 },
	'0-10': { id: '0-10', min: 0, max: 10, unhappyAtMost: 6, happyAtLeast: 9 },
	'1-10': { id: '1-10', min: 1, max: 10, unhappyAtMost: 6, happyAtLeast: 9 },
	'0-100': { id: '0-100', min: 0, max: 100, unhappyAtMost: 60, happyAtLeast: 80 }
};

/** RFM segments of customers who are slipping away; with an unhappy average they are "Discontent At Risk". */
export const LAPSING_SEGMENTS = ['At Risk', 'Hibernating', 'About to Sleep', 'Lost', 'Lost Customers'] as const;

/** Smallest group for which the churn comparison says anything. */
export const MIN_GROUP = 10;

/**
 * The scale from the smallest and largest rating: up to 5 → 1–5 stars; up to 10 → 0–10 (NPS) when
 * a 0 occurs, else 1–10; up to 100 → 0–100. Null when ratings are negative or above 100.
 */
export function detectRatingScale(min: number, max: number): RatingScale | null {
	if (min < 0 || max > 100) return null;
	if (max <= 5) return RATING_SCALES['1-5'];
	if (max <= 10) return RATING_SCALES[min === 0 ? '0-10' : '1-10'];
	return RATING_SCALES['0-100'];
}

/** 95 % Wilson score interval for k successes out of n. */
export function wilson(k: number, n: number, z = 1.959964): { low: number; high: number } {
	if (n === 0) return { low: 0, high: 1 };
	const p = k / n;
	const d = 1 + (z * z) / n;
	const centre = (p + (z * z) / (2 * n)) / d;
	const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Two-proportion z statistic (pooled) of k1/n1 against k2/n2. */
export function twoProportionZ(k1: number, n1: number, k2: number, n2: number): number {
	const p = (k1 + k2) / (n1 + n2);
	const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
	return se === 0 ? 0 : (k1 / n1 - k2 / n2) / se;
}

export function bandSql(scale: RatingScale, avg: string): string {
	return `CASE WHEN ${avg} <= ${scale.unhappyAtMost} THEN 'Unhappy' WHEN ${avg} >= ${scale.happyAtLeast} THEN 'Happy' ELSE 'Neutral' END`;
}

/** One row per rated order: its rating (mean of its rated lines), date, customer. */
export function orderRatingsSql(scope: string): string {
	return `SELECT order_id, any_value(customer_id) AS customer_id, avg(rating) AS rating,
			min(coalesce(review_date, order_ts)) AS rated_at, bool_or(review_text IS NOT NULL) AS has_text,
			any_value(review_text) FILTER (WHERE review_text IS NOT NULL) AS review_text
		FROM ${scope} WHERE rating IS NOT NULL GROUP BY order_id`;
}

/**
 * Per customer: `ratings` (rated orders), `avg_rating` (their mean) and `last_rating` (of the latest
 * rated order). A query over the scope, so other slices (the customers export) can reuse it.
 */
export function customerFeedbackSql(scope: string): string {
	return `SELECT customer_id, count(*) AS ratings, avg(rating) AS avg_rating, arg_max(rating, (rated_at, order_id)) AS last_rating
		FROM (${orderRatingsSql(scope)}) WHERE customer_id IS NOT NULL GROUP BY customer_id`;
}

/** The run's rated orders ({@link orderRatingsSql}), built once per run. */
export function ratedOrders(ctx: AnalysisContext): Promise<string> {
	return ctx.cached('feedbackOrders', () => ctx.temp('feedback_orders', orderRatingsSql(ctx.scope)));
}

/**
 * The run's rating scale: the one chosen in "Review columns" (`ratingScale`), else read from the
 * rated orders; or why no scale fits. Shared by the panel and the per-customer table, so a
 * customer's band is the same in both.
 */
export function ratingScaleOf(ctx: AnalysisContext): Promise<{ scale: RatingScale; chosen: boolean } | { reason: string }> {
	return ctx.cached('ratingScale', async () => {
		const [{ mn, mx }] = await ctx.engine.query<{ mn: number; mx: number }>(`SELECT min(rating) AS mn, max(rating) AS mx FROM ${await ratedOrders(ctx)}`);
		const chosen = ctx.params.ratingScale ? RATING_SCALES[ctx.params.ratingScale] : null;
		const scale = chosen ?? detectRatingScale(Number(mn), Number(mx));
		if (!scale) return { reason: `ratings run from ${mn} to ${mx}, which is not a 1–5, 0–10 or 0–100 scale` };
		if (Number(mn) < scale.min || Number(mx) > scale.max) {
			return { reason: `ratings run from ${mn} to ${mx}, outside the chosen ${scale.id} scale; choose another scale in "Review columns"` };
		}
		return { scale, chosen: chosen !== null };
	});
}

/** "Discontent": a lapsing RFM segment ({@link LAPSING_SEGMENTS}) with an unhappy average rating. */
export function discontentSql(band: string, segment: string): string {
	return `(${band} = 'Unhappy' AND ${segment} IN (${LAPSING_SEGMENTS.map((s) => `'${s}'`).join(', ')}))`;
}

export async function computeFeedback(ctx: AnalysisContext): Promise<Maybe<FeedbackResult>> {
	const none = ctx.missing(['rating'], { rating: 'rating or review score' });
	if (none) return none;
	const q = ctx.engine;
	const rated = await ratedOrders(ctx);
	const fit = await ratingScaleOf(ctx);
	if ('reason' in fit) return { available: false, reason: fit.reason };
	const { scale, chosen } = fit;
	const [stats] = await q.query<{ n: number; avg: number; texts: number; orders: number }>(
		`SELECT count(*) AS n, avg(rating) AS avg, count(*) FILTER (WHERE has_text) AS texts,
			(SELECT count(DISTINCT order_id) FROM ${ctx.scope}) AS orders
		FROM ${rated}`
	);
	const isNps = scale.id === '0-10';
	const npsOf = (promoters: number, detractors: number, n: number) => (n ? ((promoters - detractors) / n) * 100 : 0);

	const dist = await q.query<{ rating: number; orders: number }>(`SELECT CAST(round(rating) AS INTEGER) AS rating, count(*) AS orders FROM ${rated} GROUP BY 1 ORDER BY 1`);
	const n = Number(stats.n);
	const distribution = dist.map((d) => ({ rating: Number(d.rating), orders: Number(d.orders), share: Number(d.orders) / n }));

	const months = await q.query<{ month: string; answers: number; avg: number; promoters: number; detractors: number }>(
		`SELECT strftime(rated_at, '%Y-%m') AS month, count(*) AS answers, avg(rating) AS avg,
			count(*) FILTER (WHERE rating >= 9) AS promoters, count(*) FILTER (WHERE rating <= 6) AS detractors
		FROM ${rated} GROUP BY 1 ORDER BY 1`
	);

	let nps: FeedbackResult['nps'] = null;
	if (isNps) {
		const promoters = distribution.filter((d) => d.rating >= 9).reduce((s, d) => s + d.orders, 0);
		const detractors = distribution.filter((d) => d.rating <= 6).reduce((s, d) => s + d.orders, 0);
		nps = { score: npsOf(promoters, detractors, n), promoters, passives: n - promoters - detractors, detractors };
	}

	// Customers: feedback joined to the shared scoring (segments, churn flag, revenue).
	const scores = await customerScores(ctx);
	const perCustomer = await ctx.temp(
		'feedback_customers',
		`SELECT s.customer_id, s.segment, s.churned, s.monetary, f.ratings, f.avg_rating, f.last_rating,
			CASE WHEN f.avg_rating IS NULL THEN NULL ELSE ${bandSql(scale, 'f.avg_rating')} END AS band
		FROM ${scores} s LEFT JOIN (${customerFeedbackSql(ctx.scope)}) f USING (customer_id)`
	);
	const [totals] = await q.query<{ rated: number; revenue: number; unhappy_revenue: number }>(
		`SELECT count(*) FILTER (WHERE band IS NOT NULL) AS rated, coalesce(sum(monetary), 0) AS revenue,
			coalesce(sum(monetary) FILTER (WHERE band = 'Unhappy'), 0) AS unhappy_revenue FROM ${perCustomer}`
	);
	const bySegment = await q.query<{ segment: string; rated: number; customers: number; avg_rating: number | null; unhappy: number }>(
		`SELECT segment, count(band) AS rated, count(*) AS customers, avg(avg_rating) AS avg_rating, count(*) FILTER (WHERE band = 'Unhappy') AS unhappy
		FROM ${perCustomer} GROUP BY segment ORDER BY avg(avg_rating) NULLS LAST, segment`
	);
	const bands = await q.query<{ band: FeedbackBand; customers: number; churned: number; revenue: number }>(
		`SELECT band, count(*) AS customers, count(*) FILTER (WHERE churned) AS churned, sum(monetary) AS revenue
		FROM ${perCustomer} WHERE band IS NOT NULL GROUP BY band`
	);
	const order: FeedbackBand[] = ['Unhappy', 'Neutral', 'Happy'];
	const churnByBand: BandChurn[] = order.flatMap((band) => {
		const b = bands.find((x) => x.band === band);
		if (!b) return [];
		const customers = Number(b.customers);
		const churned = Number(b.churned);
		return [{ band, customers, churned, churnRate: churned / customers, ...wilson(churned, customers), revenue: Number(b.revenue) }];
	});
	const unhappy = churnByBand.find((b) => b.band === 'Unhappy');
	const others = churnByBand.filter((b) => b.band !== 'Unhappy');
	const otherN = others.reduce((s, b) => s + b.customers, 0);
	const otherK = others.reduce((s, b) => s + b.churned, 0);
	let unhappyChurnMore: FeedbackResult['unhappyChurnMore'] = 'unknown';
	if (unhappy && unhappy.customers >= MIN_GROUP && otherN >= MIN_GROUP) {
		const z = twoProportionZ(unhappy.churned, unhappy.customers, otherK, otherN);
		unhappyChurnMore = z > 1.959964 ? 'yes' : z < -1.959964 ? 'less' : 'unknown';
	}

	const discontentRows = await q.query<{ segment: string; customers: number; revenue: number }>(
		`SELECT segment, count(*) AS customers, sum(monetary) AS revenue FROM ${perCustomer}
		WHERE ${discontentSql('band', 'segment')} GROUP BY segment ORDER BY count(*) DESC, segment`
	);
	const discontentBySegment = discontentRows.map((r) => ({ segment: r.segment, customers: Number(r.customers), revenue: Number(r.revenue) }));

	return {
		available: true,
		scale,
		scaleChosen: chosen,
		ratedOrders: n,
		orders: Number(stats.orders),
		avgRating: Number(stats.avg),
		nps,
		distribution,
		months: months.map((m) => ({
			month: m.month,
			answers: Number(m.answers),
			avgRating: Number(m.avg),
			nps: isNps ? npsOf(Number(m.promoters), Number(m.detractors), Number(m.answers)) : null
		})),
		ratedCustomers: Number(totals.rated),
		bySegment: bySegment.map((s) => ({
			segment: s.segment,
			rated: Number(s.rated),
			customers: Number(s.customers),
			avgRating: s.avg_rating === null ? null : Number(s.avg_rating),
			unhappy: Number(s.unhappy)
		})),
		churnByBand,
		unhappyChurnMore,
		unhappyRevenue: Number(totals.unhappy_revenue),
		unhappyRevenueShare: Number(totals.revenue) ? Number(totals.unhappy_revenue) / Number(totals.revenue) : 0,
		discontent: {
			customers: discontentBySegment.reduce((s, r) => s + r.customers, 0),
			revenue: discontentBySegment.reduce((s, r) => s + r.revenue, 0),
			bySegment: discontentBySegment
		},
		reviews: Number(stats.texts),
		terms: Number(stats.texts) > 0 ? await reviewTerms(q, rated, scale) : null
	};
}
