/**
 * Predictive CLV (analysis wrapper): per-customer summaries in SQL, BG/NBD + Gamma-Gamma fits from
 * `models/clv`, per-segment aggregates, a histogram and a calibration/holdout diagnostic.
 */
import { clvModel } from './model';
import { CLV_DEFINITION, fitBgnbd, holdoutComparison, type CustomerSummary } from '../../models/clv/index';
import type { AnalysisContext } from '../context';
import { addDays, dateLiteral, daysBetween } from '../scope';
import { segmentOrder } from '../customerScoring/segments';
import type { ClvResult } from './types';
import type { Maybe } from '../types';
import { customerScores } from '../customerScoring/scores';

/** Share of the history (first purchase → as-of) held out for the diagnostic. */
export const HOLDOUT_SHARE = 0.25;
export const HISTOGRAM_BINS = 20;

async function holdout(ctx: AnalysisContext): Promise<ClvResult['holdout']> {
	const days = await ctx.customerDays();
	const asOf = ctx.asOf!;
	const [{ first }] = await ctx.engine.query<{ first: string | null }>(
		`SELECT CAST(min(order_date) AS VARCHAR) AS first FROM ${days} WHERE purchase AND order_date < ${ctx.asOfSql}`
	);
	if (!first) return { available: false, reason: 'no purchases before the as-of date' };
	const span = daysBetween(first, asOf);
	const holdoutDays = Math.round(HOLDOUT_SHARE * span);
	const cutoff = addDays(asOf, -holdoutDays);
	if (holdoutDays < 1 || cutoff <= first) return { available: false, reason: 'the history is too short to hold out a period for checking' };
	const unit = ctx.params.clvTimeUnit ?? 'day';
	const scale = unit === 'week' ? 7 : 1;
	const c = dateLiteral(cutoff);
	const rows = await ctx.engine.query<{ x: number; tx: number; T: number; w: number; hold: number }>(
		`WITH p AS (SELECT customer_id, order_date FROM ${days} WHERE purchase AND order_date < ${ctx.asOfSql}),
		cal AS (
			SELECT customer_id,
				count(*) FILTER (WHERE order_date < ${c}) - 1 AS x,
				date_diff('day', min(order_date), max(order_date) FILTER (WHERE order_date < ${c})) AS tx,
				date_diff('day', min(order_date), ${c}) AS "T",
				count(*) FILTER (WHERE order_date >= ${c}) AS hold
			FROM p GROUP BY customer_id HAVING min(order_date) < ${c}
		)
		SELECT x, tx, "T", count(*) AS w, avg(hold) AS hold FROM cal GROUP BY x, tx, "T" ORDER BY x, tx, "T"`
	);
	const calibration: CustomerSummary[] = rows.map((r) => ({ frequency: r.x, recency: r.tx / scale, T: r.T / scale, weight: r.w }));
	const fit = fitBgnbd(calibration, { timeUnit: unit });
	if (!fit.ok) return { available: false, reason: `calibration fit refused: ${fit.reason}` };
	const table = holdoutComparison(fit.fit, calibration, rows.map((r) => r.hold), holdoutDays / scale);
	return {
		available: true,
		cutoff,
		calibrationLength: daysBetween(first, cutoff) / scale,
		holdoutLength: holdoutDays / scale,
		customers: rows.reduce((s, r) => s + r.w, 0),
		rows: table
	};
}

export async function computeClv(ctx: AnalysisContext): Promise<Maybe<ClvResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const model = await clvModel(ctx);
	if (!model.ok) return { available: false, reason: model.reason };
	const table = await customerScores(ctx);
	const withSpend = model.gammaGamma !== null;
	const [tot] = await ctx.engine.query<{ n: number; ep: number; clv: number | null; pa: number; p99: number | null }>(
		`SELECT count(*) AS n, sum(expected_purchases) AS ep, sum(predicted_clv) AS clv, avg(p_alive) AS pa,
			quantile_cont(predicted_clv, 0.99) AS p99 FROM ${model.table}`
	);
	const segRows = await ctx.engine.query<{ segment: string; customers: number; pa: number; ep: number; clv: number | null }>(
		`SELECT c.segment, count(*) AS customers, avg(m.p_alive) AS pa, sum(m.expected_purchases) AS ep, sum(m.predicted_clv) AS clv
		FROM ${table} c JOIN ${model.table} m USING (customer_id) GROUP BY c.segment`
	);
	const bySeg = new Map(segRows.map((r) => [r.segment, r]));
	const segments = segmentOrder(ctx.params.rfmScheme)
		.filter((s) => bySeg.has(s))
		.map((segment) => {
			const r = bySeg.get(segment)!;
			return { segment, customers: r.customers, meanPAlive: r.pa, expectedPurchases: r.ep, predictedClv: withSpend ? (r.clv ?? 0) : null };
		});
	let histogram: ClvResult['histogram'] = [];
	if (withSpend) {
		const top = tot.p99 ?? 0;
		const width = top > 0 ? top / (HISTOGRAM_BINS - 1) : 0;
		const bins = await ctx.engine.query<{ k: number; n: number }>(
			width > 0
				? `SELECT least(${HISTOGRAM_BINS - 1}, CAST(floor(predicted_clv / ${width}) AS INTEGER)) AS k, count(*) AS n FROM ${model.table} GROUP BY k`
				: `SELECT 0 AS k, count(*) AS n FROM ${model.table}`
		);
		const byBin = new Map(bins.map((b) => [b.k, b.n]));
		const count = width > 0 ? HISTOGRAM_BINS : 1;
		histogram = Array.from({ length: count }, (_, k) => ({
			from: k * width,
			to: k === count - 1 ? null : (k + 1) * width,
			customers: byBin.get(k) ?? 0
		}));
	}
	const fit = model.bgnbd;
	return {
		available: true,
		asOf: ctx.asOf!,
		timeUnit: fit.timeUnit,
		horizonMonths: ctx.params.clvMonths,
		margin: ctx.params.margin,
		monthlyDiscount: ctx.params.monthlyDiscount,
		customers: tot.n,
		bgnbd: { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b, logLikelihood: fit.logLikelihood, timeUnit: fit.timeUnit },
		bgnbdFit: { customers: fit.customers, converged: fit.converged },
		gammaGamma: model.gammaGamma ? { p: model.gammaGamma.p, q: model.gammaGamma.q, v: model.gammaGamma.v } : null,
		gammaGammaRefusal: model.gammaGammaRefusal,
		nonPositiveSpendCustomers: model.nonPositiveSpend,
		totals: { expectedPurchases: tot.ep, predictedClv: withSpend ? tot.clv : null, meanPAlive: tot.pa },
		segments,
		histogram,
		holdout: await holdout(ctx),
		definition: CLV_DEFINITION
	};
}
