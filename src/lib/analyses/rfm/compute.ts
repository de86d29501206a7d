/**
 * RFM: recency, frequency and monetary value per customer, quantile scores with ties sharing a
 * score, and segments from the rules in `customerScoring/segments.ts`, all read from the shared
 * customer scores (`customerScoring/scores.ts`).
 */
import type { AnalysisContext } from '../context';
import { segmentOrder } from '../customerScoring/segments';
import type { Maybe } from '../types';
import type { RfmResult, RfmScatterCell } from './types';
import { customerBase, customerScores } from '../customerScoring/scores';

/** Frequency bin lower edges for the recency × frequency grid (the last bin is open-ended). */
export const FREQUENCY_EDGES = [1, 2, 3, 4, 5, 6, 8, 11, 16, 21, 31, 51, 101, 201, 501, 1001];
/** Recency bins: about this many equal-width bins of whole days. */
export const RECENCY_BINS = 30;

export async function computeRfm(ctx: AnalysisContext): Promise<Maybe<RfmResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const table = await customerScores(ctx);
	const base = await customerBase(ctx);
	const q = <T extends object>(sql: string) => ctx.engine.query<T>(sql);
	const [tot] = await q<{ n: number; revenue: number | null; max_recency: number | null }>(
		`SELECT count(*) AS n, sum(monetary) AS revenue, max(recency_days) AS max_recency FROM ${table}`
	);
	const [ex] = await q<{ n: number; revenue: number | null }>(`SELECT count(*) AS n, sum(monetary) AS revenue FROM ${base} WHERE frequency = 0`);
	if (tot.n === 0) return { available: false, reason: 'no customer has a non-cancelled order before the as-of date' };
	const total = tot.revenue ?? 0;
	const segRows = await q<{ segment: string; customers: number; rec: number; freq: number; mon: number; revenue: number }>(
		`SELECT segment, count(*) AS customers, avg(recency_days) AS rec, avg(frequency) AS freq, avg(monetary) AS mon, sum(monetary) AS revenue
		FROM ${table} GROUP BY segment`
	);
	const order = segmentOrder(ctx.params.rfmScheme);
	const bySeg = new Map(segRows.map((r) => [r.segment, r]));
	const segments = order.map((segment) => {
		const r = bySeg.get(segment);
		return {
			segment,
			customers: r?.customers ?? 0,
			share: (r?.customers ?? 0) / tot.n,
			avgRecency: r?.rec ?? 0,
			avgFrequency: r?.freq ?? 0,
			avgMonetary: r?.mon ?? 0,
			revenue: r?.revenue ?? 0,
			revenueShare: total !== 0 ? (r?.revenue ?? 0) / total : null
		};
	});
	const overlays =
		ctx.params.rfmScheme === 'standard'
			? (
					await q<{ overlay: string; customers: number; revenue: number }>(
						`SELECT overlay, count(*) AS customers, sum(monetary) AS revenue FROM ${table} WHERE overlay IS NOT NULL GROUP BY overlay ORDER BY overlay`
					)
				).map((o) => ({ overlay: o.overlay, customers: o.customers, share: o.customers / tot.n, revenue: o.revenue }))
			: [];
	const heatmap = await q<{ r: number; f: number; customers: number; meanMonetary: number }>(
		`SELECT r, f, count(*) AS customers, avg(monetary) AS "meanMonetary" FROM ${table} GROUP BY r, f ORDER BY r, f`
	);
	const width = Math.max(1, Math.ceil(((tot.max_recency ?? 0) + 1) / RECENCY_BINS));
	const edges = FREQUENCY_EDGES.map((e, i) => `WHEN frequency >= ${e} THEN ${i}`).reverse().join(' ');
	const grid = await q<{ rb: number; fb: number; customers: number; mean: number; maxf: number }>(
		`SELECT recency_days // ${width} AS rb, CASE ${edges} END AS fb, count(*) AS customers, avg(monetary) AS mean, max(frequency) AS maxf
		FROM ${table} GROUP BY rb, fb ORDER BY rb, fb`
	);
	const cells: RfmScatterCell[] = grid.map((g) => ({
		recencyFrom: g.rb * width,
		recencyTo: (g.rb + 1) * width,
		frequencyFrom: FREQUENCY_EDGES[g.fb],
		frequencyTo: g.fb + 1 < FREQUENCY_EDGES.length ? FREQUENCY_EDGES[g.fb + 1] - 1 : g.maxf,
		customers: g.customers,
		meanMonetary: g.mean
	}));
	return {
		available: true,
		asOf: ctx.asOf!,
		bins: ctx.params.rfmBins,
		scheme: ctx.params.rfmScheme,
		customers: tot.n,
		excludedCancelledOnly: { customers: ex.n, revenue: ex.revenue ?? 0 },
		segments,
		overlays,
		heatmap,
		scatter: { recencyBinDays: width, cells }
	};
}
