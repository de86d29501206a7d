/**
 * Predictive CLV (analysis wrapper): per-customer summaries in SQL, the purchase and spend model fits
 * of `model.ts`, per-segment aggregates, a histogram and a calibration/holdout diagnostic.
 */
import { calibrationSplit, clvModel, type ModelOutcome } from './model';
import { CLV_DEFINITION } from '../../models/clv/index';
import type { AnalysisContext } from '../context';
import { segmentOrder } from '../customerScoring/segments';
import type { ClvResult } from './types';
import type { Maybe } from '../types';
import { customerScores } from '../customerScoring/scores';

export const HISTOGRAM_BINS = 20;

/**
 * The purchase model in use, refitted on the calibration period (of the customers the parameters are
 * fitted on), against every customer's held-out purchases; in the run's models worker, like the fits.
 */
async function holdout(ctx: AnalysisContext, model: Extract<ModelOutcome, { ok: true }>): Promise<ClvResult['holdout']> {
	const split = await calibrationSplit(ctx);
	if (!split.available) return split;
	const chosen = model.choice.chosen;
	const check = await ctx.models.holdout({
		chosen,
		unit: model.bgnbd.timeUnit,
		calibrated: model.calibrationFits?.[chosen] ?? null,
		rows: split.rows,
		fitRows: split.fitRows === split.rows ? null : split.fitRows,
		holdoutLength: split.holdoutLength
	});
	if (!check.ok) return { available: false, reason: check.reason };
	return {
		available: true,
		cutoff: split.cutoff,
		calibrationLength: split.calibrationLength,
		holdoutLength: split.holdoutLength,
		customers: split.rows.reduce((s, r) => s + (r.weight ?? 1), 0),
		rows: check.rows
	};
}

export async function computeClv(ctx: AnalysisContext): Promise<Maybe<ClvResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const model = await clvModel(ctx);
	if (!model.ok) return { available: false, reason: model.reason };
	const table = await customerScores(ctx);
	const withSpend = model.gammaGamma !== null;
	// At once: the run waits for this analysis last, and each statement would wait its turn.
	const checked = holdout(ctx, model);
	checked.catch(() => {});
	const [[tot], segRows] = await Promise.all([
		ctx.engine.query<{ n: number; ep: number; clv: number | null; pa: number; p99: number | null }>(
			`SELECT count(*) AS n, sum(expected_purchases) AS ep, sum(predicted_clv) AS clv, avg(p_alive) AS pa,
				quantile_cont(predicted_clv, 0.99) AS p99 FROM ${model.table}`
		),
		ctx.engine.query<{ segment: string; customers: number; pa: number; ep: number; clv: number | null }>(
			`SELECT c.segment, count(*) AS customers, avg(m.p_alive) AS pa, sum(m.expected_purchases) AS ep, sum(m.predicted_clv) AS clv
			FROM ${table} c JOIN ${model.table} m USING (customer_id) GROUP BY c.segment`
		)
	]);
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
		paretoNbd: model.paretoNbd
			? { r: model.paretoNbd.r, alpha: model.paretoNbd.alpha, s: model.paretoNbd.s, beta: model.paretoNbd.beta, logLikelihood: model.paretoNbd.logLikelihood, timeUnit: model.paretoNbd.timeUnit }
			: null,
		paretoNbdRefusal: model.paretoNbdRefusal,
		model: model.choice,
		gammaGamma: model.gammaGamma ? { p: model.gammaGamma.p, q: model.gammaGamma.q, v: model.gammaGamma.v } : null,
		gammaGammaRefusal: model.gammaGammaRefusal,
		nonPositiveSpendCustomers: model.nonPositiveSpend,
		fitSample: model.fitSample,
		totals: { expectedPurchases: tot.ep, predictedClv: withSpend ? tot.clv : null, meanPAlive: tot.pa },
		segments,
		histogram,
		holdout: await checked,
		definition: CLV_DEFINITION
	};
}
