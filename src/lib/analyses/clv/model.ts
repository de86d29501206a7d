/**
 * The predictive CLV models (BG/NBD or Pareto/NBD for purchases, Gamma-Gamma for spend), fitted
 * once per run on the per-customer purchase summary and shared by the CLV and churn slices and the
 * customer list. Both purchase models are fitted on the whole history; which one the predictions
 * use is the user's setting or, by default, the one that predicted a held-out period better.
 */
import type { AnalysisContext } from '../context';
import type { ClvModelChoice, ClvResult } from './types';
import { addDays, dateLiteral, daysBetween } from '../scope';
import type { ClvFitInput, PresetModels } from './fit';
import { UNITS_PER_MONTH, type BgnbdFit, type FitOutcome, type GammaGammaParams, type HoldoutCustomer, type ParetoNbdFit, type TimeUnit } from '../../models/clv/index';

export type { PresetModels } from './fit';

/** Share of the history (first purchase → as-of) held out to choose and check the purchase model. */
export const HOLDOUT_SHARE = 0.25;

/**
 * Above this many customers the model parameters are fitted on a sample of this many; P(alive),
 * expected purchases and CLV are still computed for every customer with those parameters. Fixed
 * a priori, not tuned on any data set: enough customers for small standard errors (they shrink like
 * 1/√n), few enough that the Pareto/NBD fits take seconds where on 80,000 they took many minutes.
 */
export const FIT_SAMPLE_CUSTOMERS = 20_000;

/** The customers the parameters were fitted on when they are a sample of the `of` summarised. */
export type FitSample = { customers: number; of: number } | null;

/** Result of fitting the predictive CLV models once per run. */
export type ModelOutcome =
	| {
			ok: true;
			bgnbd: BgnbdFit;
			paretoNbd: ParetoNbdFit | null;
			paretoNbdRefusal: string | null;
			/** The purchase model the predictions use, and why. */
			choice: ClvModelChoice;
			/** The fits on the calibration period made to choose the model (none when the user fixed it). */
			calibrationFits: { bgnbd: FitOutcome<BgnbdFit>; paretoNbd: FitOutcome<ParetoNbdFit> } | null;
			gammaGamma: GammaGammaParams | null;
			gammaGammaRefusal: string | null;
			nonPositiveSpend: number;
			fitSample: FitSample;
			/** Temp table: customer_id, x, tx, T (days), monetary, p_alive, p_alive_risk, expected_purchases, expected_aov, predicted_clv. */
			table: string;
	  }
	| { ok: false; reason: string };

/** The fits of a `clv` result, to hand to {@link useModels} (drill-down pages, `--customers`). */
export function presetModels(clv: ClvResult): PresetModels {
	return { bgnbd: clv.bgnbd, paretoNbd: clv.paretoNbd, chosen: clv.model.chosen, gammaGamma: clv.gammaGamma };
}

const presets = new WeakMap<AnalysisContext, PresetModels>();

/** Use these fits instead of fitting (call before anything needs the model). */
export function useModels(ctx: AnalysisContext, models: PresetModels): void {
	presets.set(ctx, models);
}

/** The purchase and spend models, fitted once per run; see {@link ModelOutcome}. */
export function clvModel(ctx: AnalysisContext): Promise<ModelOutcome> {
	return ctx.cached('model', () => fitModel(ctx));
}

function timeUnit(ctx: AnalysisContext): TimeUnit {
	return presets.get(ctx)?.bgnbd.timeUnit ?? ctx.params.clvTimeUnit ?? 'day';
}

const daysPerUnit = (unit: TimeUnit): number => (unit === 'week' ? 7 : 1);

/**
 * Per-customer model inputs in whole days (before as-of, non-cancelled orders). The observation
 * ends on the last day before the as-of date, inclusive (see `summariseObservation`), hence T − 1.
 */
export function clvSummary(ctx: AnalysisContext): Promise<string> {
	return ctx.cached('clvSummary', async () => {
		const days = await ctx.customerDays();
		return ctx.temp(
			'clv_summary',
			`SELECT customer_id,
				count(*) - 1 AS x,
				date_diff('day', min(order_date), max(order_date)) AS tx,
				date_diff('day', min(order_date), ${ctx.asOfSql}) - 1 AS "T",
				-- Rounded to 6 decimals so that engines summing in a different order feed the spend model identical inputs.
				CASE WHEN count(*) > 1 THEN round((sum(purchase_revenue) - arg_min(purchase_revenue, order_date)) / (count(*) - 1), 6) END AS monetary
			FROM ${days}
			WHERE purchase AND order_date < ${ctx.asOfSql}
			GROUP BY customer_id`
		);
	});
}

/**
 * The customers the parameters are fitted on: every customer, or above {@link FIT_SAMPLE_CUSTOMERS}
 * that many chosen by the MD5 of their id, a hash that is the same in every DuckDB build, so a file
 * gets the same sample on every run and engine. `where` restricts a query with a `customer_id` to them.
 */
export function fitPopulation(ctx: AnalysisContext): Promise<{ sample: FitSample; where: string }> {
	return ctx.cached('fitPopulation', async () => {
		const summary = await clvSummary(ctx);
		const [{ n }] = await ctx.engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${summary}`);
		const of = Number(n);
		if (of <= FIT_SAMPLE_CUSTOMERS) return { sample: null, where: 'true' };
		const table = await ctx.temp('clv_fit_sample', `SELECT customer_id FROM ${summary} ORDER BY md5(customer_id), customer_id LIMIT ${FIT_SAMPLE_CUSTOMERS}`);
		return { sample: { customers: FIT_SAMPLE_CUSTOMERS, of }, where: `customer_id IN (SELECT customer_id FROM ${table})` };
	});
}

/** The history split into a calibration period and the held-out period after it. */
export type CalibrationSplit =
	| {
			available: true;
			cutoff: string;
			/** Lengths in the model's time unit. */
			calibrationLength: number;
			holdoutLength: number;
			/** Calibration summaries with the mean holdout purchases of each row, of every customer. */
			rows: HoldoutCustomer[];
			/** The same of the customers the parameters are fitted on ({@link fitPopulation}; `rows` when that is all of them). */
			fitRows: HoldoutCustomer[];
	  }
	| { available: false; reason: string };

/** The last {@link HOLDOUT_SHARE} of the history (first purchase → as-of) held out; built once per run. */
export function calibrationSplit(ctx: AnalysisContext): Promise<CalibrationSplit> {
	return ctx.cached('calibrationSplit', async () => {
		const days = await ctx.customerDays();
		const asOf = ctx.asOf!;
		// Asked at once: each statement waits its turn in the database, and these are a model fit's input.
		const [[{ first }], population] = await Promise.all([
			ctx.engine.query<{ first: string | null }>(`SELECT CAST(min(order_date) AS VARCHAR) AS first FROM ${days} WHERE purchase AND order_date < ${ctx.asOfSql}`),
			fitPopulation(ctx)
		]);
		if (!first) return { available: false, reason: 'no purchases before the as-of date' };
		const span = daysBetween(first, asOf);
		const holdoutDays = Math.round(HOLDOUT_SHARE * span);
		const cutoff = addDays(asOf, -holdoutDays);
		if (holdoutDays < 1 || cutoff <= first) return { available: false, reason: 'the history is too short to hold out a period for checking' };
		const scale = daysPerUnit(timeUnit(ctx));
		const c = dateLiteral(cutoff);
		const summarise = async (where: string): Promise<HoldoutCustomer[]> => {
			const rows = await ctx.engine.query<{ x: number; tx: number; T: number; w: number; hold: number }>(
				`WITH p AS (SELECT customer_id, order_date FROM ${days} WHERE purchase AND order_date < ${ctx.asOfSql} AND ${where}),
				cal AS (
					SELECT customer_id,
						count(*) FILTER (WHERE order_date < ${c}) - 1 AS x,
						date_diff('day', min(order_date), max(order_date) FILTER (WHERE order_date < ${c})) AS tx,
						date_diff('day', min(order_date), ${c}) - 1 AS "T",
						count(*) FILTER (WHERE order_date >= ${c}) AS hold
					FROM p GROUP BY customer_id HAVING min(order_date) < ${c}
				)
				SELECT x, tx, "T", count(*) AS w, avg(hold) AS hold FROM cal GROUP BY x, tx, "T" ORDER BY x, tx, "T"`
			);
			return rows.map((r) => ({ frequency: r.x, recency: r.tx / scale, T: r.T / scale, weight: r.w, holdoutPurchases: r.hold }));
		};
		const [rows, fitRows] = await Promise.all([summarise('true'), population.sample ? summarise(population.where) : null]);
		return {
			available: true,
			cutoff,
			calibrationLength: daysBetween(first, cutoff) / scale,
			holdoutLength: holdoutDays / scale,
			rows,
			fitRows: fitRows ?? rows
		};
	});
}

async function fitModel(ctx: AnalysisContext): Promise<ModelOutcome> {
	const summary = await clvSummary(ctx);
	const unit = timeUnit(ctx);
	const scale = daysPerUnit(unit);
	const distinctRows = (where: string) =>
		ctx.engine.query<{ x: number; tx: number; T: number; w: number }>(
			`SELECT x, tx, "T", count(*) AS w FROM ${summary} WHERE ${where} GROUP BY x, tx, "T" ORDER BY x, tx, "T"`
		);
	const toSummaries = (rows: { x: number; tx: number; T: number; w: number }[]) => rows.map((t) => ({ frequency: t.x, recency: t.tx / scale, T: t.T / scale, weight: t.w }));
	const preset = presets.get(ctx) ?? null;
	const setting = ctx.params.clvModel ?? 'auto';
	// The fit's inputs are asked for at once, not one after another: each statement waits its turn in the database.
	const populationReady = fitPopulation(ctx);
	const [triples, population, split, spendRows, sampleTriples, [{ n: nonPositiveSpend }]] = await Promise.all([
		distinctRows('true'),
		populationReady,
		!preset && setting === 'auto' ? calibrationSplit(ctx) : null,
		preset
			? null
			: populationReady.then(({ where }) =>
					ctx.engine.query<{ x: number; monetary: number; w: number }>(
						`SELECT x, monetary, count(*) AS w FROM ${summary} WHERE x > 0 AND monetary > 0 AND ${where} GROUP BY x, monetary ORDER BY x, monetary`
					)
				),
		preset ? null : populationReady.then(({ sample, where }) => (sample ? distinctRows(where) : null)),
		ctx.engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${summary} WHERE x > 0 AND NOT (monetary > 0)`)
	]);
	const calibration: ClvFitInput['calibration'] = split && (split.available ? { rows: split.fitRows, holdoutLength: split.holdoutLength } : { reason: split.reason });
	const fitted = await ctx.models.fitClv({
		summaries: toSummaries(triples),
		fitSummaries: sampleTriples && toSummaries(sampleTriples),
		unit,
		setting,
		preset,
		calibration,
		spend: spendRows?.map((s) => ({ frequency: s.x, monetary: s.monetary, weight: s.w })) ?? null,
		horizon: ctx.params.clvMonths * UNITS_PER_MONTH[unit],
		clvOptions: { horizonMonths: ctx.params.clvMonths, margin: 1, monthlyDiscountRate: ctx.params.monthlyDiscount }
	});
	const { bgnbd: bg, paretoNbd: pn, gammaGamma: gg, choice, calibrationFits, predictions } = fitted;
	if (!bg.ok) return { ok: false, reason: bg.reason };
	const paretoNbd = pn.ok ? pn.fit : null;
	const predName = await ctx.tempFromColumns('predictions', [
		{ name: 'x', type: 'DOUBLE', values: triples.map((t) => t.x) },
		{ name: 'tx', type: 'DOUBLE', values: triples.map((t) => t.tx) },
		{ name: 'T', type: 'DOUBLE', values: triples.map((t) => t.T) },
		{ name: 'p_alive', type: 'DOUBLE', values: predictions.pAlive },
		{ name: 'p_alive_risk', type: 'VARCHAR', values: predictions.risk },
		{ name: 'expected_purchases', type: 'DOUBLE', values: predictions.expectedPurchases },
		{ name: 'clv_per_aov', type: 'DOUBLE', values: predictions.clvPerAov }
	]);
	const spend = gg.ok ? gg.fit : null;
	const aov = spend
		? `CASE WHEN s.x > 0 AND s.monetary > 0 THEN ((${spend.v} + s.x * s.monetary) * ${spend.p}) / (${spend.p} * s.x + ${spend.q} - 1)
			ELSE (${spend.v} * ${spend.p}) / (${spend.q} - 1) END`
		: 'CAST(NULL AS DOUBLE)';
	const table = await ctx.temp(
		'model',
		`SELECT s.customer_id, s.x, s.tx, s."T", s.monetary, p.p_alive, p.p_alive_risk, p.expected_purchases, ${aov} AS expected_aov,
			${spend ? `${ctx.params.margin} * (${aov}) * p.clv_per_aov` : 'CAST(NULL AS DOUBLE)'} AS predicted_clv
		FROM ${summary} s JOIN ${predName} p ON p.x = s.x AND p.tx = s.tx AND p."T" = s."T"`
	);
	return {
		ok: true,
		bgnbd: bg.fit,
		paretoNbd,
		paretoNbdRefusal: pn.ok ? null : pn.reason,
		choice,
		calibrationFits,
		gammaGamma: spend,
		gammaGammaRefusal: gg.ok ? null : gg.reason,
		nonPositiveSpend: Number(nonPositiveSpend),
		fitSample: preset ? null : population.sample,
		table
	};
}
