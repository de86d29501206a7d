/** Engagement: daily and 30-day active customers, stickiness = average DAU / average MAU over the days whose 30-day window is complete. */
import type { AnalysisContext } from '../context';
import { addDays, dateLiteral } from '../scope';
import type { EngagementPoint, EngagementResult } from './types';
import type { Maybe } from '../types';

export const MAU_WINDOW_DAYS = 30;
export const MAX_SERIES_POINTS = 4000;

export async function computeEngagement(ctx: AnalysisContext): Promise<Maybe<EngagementResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const days = await ctx.customerDays();
	const w = MAU_WINDOW_DAYS;
	// MAU(d) counts customers with an order day in [d − 29, d]. Each order day e of a customer covers
	// the days e … min(e + 29, next order day − 1): disjoint per customer, so +1 at e and −1 at
	// min(e + 30, next order day), summed over the calendar, give the distinct count per day.
	const rows = await ctx.engine.query<{ d: string; dau: number; mau: number }>(
		`WITH cal AS (
			SELECT CAST(t.d AS DATE) AS d FROM generate_series(${dateLiteral(ctx.firstDate!)}, ${dateLiteral(ctx.lastDate!)}, INTERVAL 1 DAY) t(d)
		), cd AS (
			SELECT order_date AS s, least(order_date + ${w}, lead(order_date) OVER (PARTITION BY customer_id ORDER BY order_date)) AS e
			FROM ${days} WHERE purchase
		), ev AS (
			SELECT d, sum(dau) AS dau, sum(delta) AS delta FROM (
				SELECT s AS d, 1 AS dau, 1 AS delta FROM cd UNION ALL SELECT coalesce(e, s + ${w}) AS d, 0 AS dau, -1 AS delta FROM cd
			) GROUP BY d
		)
		SELECT CAST(cal.d AS VARCHAR) AS d, coalesce(ev.dau, 0) AS dau,
			sum(coalesce(ev.delta, 0)) OVER (ORDER BY cal.d ROWS UNBOUNDED PRECEDING) AS mau
		FROM cal LEFT JOIN ev ON ev.d = cal.d
		ORDER BY cal.d`
	);
	const n = rows.length;
	// MAU(d) counts only what happened since the first order date: before day first + 29 its window
	// reaches back past the data, so MAU is too low there and stickiness too high.
	const completeFrom = addDays(ctx.firstDate!, w - 1);
	const complete = rows.filter((r) => r.d >= completeFrom);
	const sum = (rs: typeof rows, k: 'dau' | 'mau') => rs.reduce((s, r) => s + r[k], 0);
	const avgDau = sum(rows, 'dau') / n;
	const avgMau = complete.length ? sum(complete, 'mau') / complete.length : null;
	const completeMau = sum(complete, 'mau');
	const step = Math.max(1, Math.ceil(n / MAX_SERIES_POINTS));
	const series: EngagementPoint[] = [];
	for (let i = 0; i < n; i += step) {
		const chunk = rows.slice(i, i + step);
		const dau = chunk.reduce((s, r) => s + r.dau, 0) / chunk.length;
		const mau = chunk.reduce((s, r) => s + r.mau, 0) / chunk.length;
		series.push({ date: chunk[0].d, dau, mau, ratio: mau > 0 ? dau / mau : null, complete: chunk[0].d >= completeFrom });
	}
	return {
		available: true,
		from: ctx.firstDate!,
		to: ctx.lastDate!,
		days: n,
		completeFrom: complete.length ? completeFrom : null,
		completeDays: complete.length,
		avgDau,
		avgMau,
		stickiness: completeMau > 0 ? sum(complete, 'dau') / completeMau : null,
		series,
		downsampled: step > 1,
		step
	};
}
