/**
 * The predictive CLV models (BG/NBD for purchases, Gamma-Gamma for spend), fitted once per run on
 * the per-customer purchase summary and shared by the CLV and churn slices and the customer list.
 */
import type { AnalysisContext } from '../context';
import {
	UNITS_PER_MONTH,
	conditionalExpectedPurchases,
	customerLifetimeValue,
	fitBgnbd,
	fitGammaGamma,
	probabilityAlive,
	type BgnbdFit,
	type CustomerSummary,
	type FitOutcome,
	type GammaGammaParams
} from '../../models/clv/index';

/** Result of fitting the predictive CLV models once per run. */
export type ModelOutcome =
	| {
			ok: true;
			bgnbd: BgnbdFit;
			gammaGamma: GammaGammaParams | null;
			gammaGammaRefusal: string | null;
			nonPositiveSpend: number;
			/** Temp table: customer_id, x, tx, T (days), monetary, p_alive, expected_purchases, clv_per_aov. */
			table: string;
	  }
	| { ok: false; reason: string };

/** Fits from an earlier run (e.g. a `clv` result), reused instead of refitting. */
export interface PresetModels {
	bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; timeUnit: 'day' | 'week' };
	gammaGamma: { p: number; q: number; v: number } | null;
}

const presets = new WeakMap<AnalysisContext, PresetModels>();

/** Use these fits instead of fitting (call before anything needs the model). */
export function useModels(ctx: AnalysisContext, models: PresetModels): void {
	presets.set(ctx, models);
}

/** BG/NBD + Gamma-Gamma, fitted once per run; see {@link ModelOutcome}. */
export function clvModel(ctx: AnalysisContext): Promise<ModelOutcome> {
	return ctx.cached('model', () => fitModel(ctx));
}

function timeUnit(ctx: AnalysisContext): 'day' | 'week' {
	return presets.get(ctx)?.bgnbd.timeUnit ?? ctx.params.clvTimeUnit ?? 'day';
}

/** Per-customer BG/NBD/Gamma-Gamma inputs in whole days (before as-of, non-cancelled orders). */
export function clvSummary(ctx: AnalysisContext): Promise<string> {
	return ctx.cached('clvSummary', async () => {
		const days = await ctx.customerDays();
		return ctx.temp(
			'clv_summary',
			`SELECT customer_id,
				count(*) - 1 AS x,
				date_diff('day', min(order_date), max(order_date)) AS tx,
				date_diff('day', min(order_date), ${ctx.asOfSql}) AS "T",
				-- Rounded to 6 decimals so that engines summing in a different order feed the spend model identical inputs.
				CASE WHEN count(*) > 1 THEN round((sum(purchase_revenue) - arg_min(purchase_revenue, order_date)) / (count(*) - 1), 6) END AS monetary
			FROM ${days}
			WHERE purchase AND order_date < ${ctx.asOfSql}
			GROUP BY customer_id`
		);
	});
}

async function fitModel(ctx: AnalysisContext): Promise<ModelOutcome> {
	const summary = await clvSummary(ctx);
	const unit = timeUnit(ctx);
	const scale = unit === 'week' ? 7 : 1;
	const triples = await ctx.engine.query<{ x: number; tx: number; T: number; w: number }>(
		`SELECT x, tx, "T", count(*) AS w FROM ${summary} GROUP BY x, tx, "T" ORDER BY x, tx, "T"`
	);
	const summaries: CustomerSummary[] = triples.map((t) => ({ frequency: t.x, recency: t.tx / scale, T: t.T / scale, weight: t.w }));
	const preset = presets.get(ctx);
	const bg: FitOutcome<BgnbdFit> = preset
		? { ok: true, fit: { ...preset.bgnbd, customers: summaries.reduce((s, c) => s + (c.weight ?? 1), 0), converged: true } }
		: fitBgnbd(summaries, { timeUnit: unit });
	if (!bg.ok) return { ok: false, reason: bg.reason };
	const [{ n: nonPositiveSpend }] = await ctx.engine.query<{ n: number }>(
		`SELECT count(*) AS n FROM ${summary} WHERE x > 0 AND NOT (monetary > 0)`
	);
	let gg: FitOutcome<GammaGammaParams>;
	if (preset) gg = preset.gammaGamma ? { ok: true, fit: preset.gammaGamma } : { ok: false, reason: 'no spend model was supplied' };
	else {
		const spendRows = await ctx.engine.query<{ x: number; monetary: number; w: number }>(
			`SELECT x, monetary, count(*) AS w FROM ${summary} WHERE x > 0 AND monetary > 0 GROUP BY x, monetary ORDER BY x, monetary`
		);
		gg = fitGammaGamma(spendRows.map((s) => ({ frequency: s.x, monetary: s.monetary, weight: s.w })));
	}
	const fit = bg.fit;
	const horizon = ctx.params.clvMonths * UNITS_PER_MONTH[unit];
	const clvOptions = { horizonMonths: ctx.params.clvMonths, margin: 1, monthlyDiscountRate: ctx.params.monthlyDiscount };
	const n = triples.length;
	const cols = { x: new Array<number>(n), tx: new Array<number>(n), T: new Array<number>(n), p: new Array<number>(n), e: new Array<number>(n), c: new Array<number>(n) };
	triples.forEach((t, i) => {
		const c = summaries[i];
		cols.x[i] = t.x;
		cols.tx[i] = t.tx;
		cols.T[i] = t.T;
		cols.p[i] = probabilityAlive(fit, c);
		cols.e[i] = conditionalExpectedPurchases(fit, c, horizon);
		// margin × expected AOV × P(alive) × discounted purchases, per unit of AOV and margin.
		cols.c[i] = customerLifetimeValue(fit, c, 1, clvOptions);
	});
	const predName = await ctx.tempFromColumns('predictions', [
		{ name: 'x', type: 'DOUBLE', values: cols.x },
		{ name: 'tx', type: 'DOUBLE', values: cols.tx },
		{ name: 'T', type: 'DOUBLE', values: cols.T },
		{ name: 'p_alive', type: 'DOUBLE', values: cols.p },
		{ name: 'expected_purchases', type: 'DOUBLE', values: cols.e },
		{ name: 'clv_per_aov', type: 'DOUBLE', values: cols.c }
	]);
	const spend = gg.ok ? gg.fit : null;
	const aov = spend
		? `CASE WHEN s.x > 0 AND s.monetary > 0 THEN ((${spend.v} + s.x * s.monetary) * ${spend.p}) / (${spend.p} * s.x + ${spend.q} - 1)
			ELSE (${spend.v} * ${spend.p}) / (${spend.q} - 1) END`
		: 'CAST(NULL AS DOUBLE)';
	const table = await ctx.temp(
		'model',
		`SELECT s.customer_id, s.x, s.tx, s."T", s.monetary, p.p_alive, p.expected_purchases, ${aov} AS expected_aov,
			${spend ? `${ctx.params.margin} * (${aov}) * p.clv_per_aov` : 'CAST(NULL AS DOUBLE)'} AS predicted_clv
		FROM ${summary} s JOIN ${predName} p ON p.x = s.x AND p.tx = s.tx AND p."T" = s."T"`
	);
	return {
		ok: true,
		bgnbd: fit,
		gammaGamma: spend,
		gammaGammaRefusal: gg.ok ? null : gg.reason,
		nonPositiveSpend: Number(nonPositiveSpend),
		table
	};
}
