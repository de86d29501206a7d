/**
 * One analysis run: the filtered scope, the resolved as-of date, which canonical columns carry data,
 * and the intermediate tables several analyses share, built once per run as temp tables with a
 * per-run name so concurrent runs on one engine never collide. The order-level table (the only pass
 * over every order line besides the product/category breakdowns) is built when the run starts; the
 * per-customer tables and the model fit are built on first use. `dispose()` drops them all.
 * Column availability ("needs a … column") is decided on the filtered scope.
 */
import type { Engine, SqlValue } from '../engine/engine';
import { CANONICAL_FIELDS, type CanonicalField } from '../ingest/canonical-fields';
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
} from '../models/clv/index';
import { withDefaults, type AnalysisParams } from './params';
import { addDays, dateLiteral, isIsoDate, scopeQuery } from './scope';
import { SIMPLE_GRID, STANDARD_GRID, overlayCaseSql, segmentCaseSql } from './rfm-segments';
import type { Unavailable } from './types';

let runCounter = 0;

/** Columns that are normally constant within an order, aggregated at order level. */
export const ORDER_DIMENSIONS: CanonicalField[] = ['country', 'region', 'status', 'deal_size', 'channel'];

/**
 * One row per (order_id, customer_id, order_date, country, region, status, deal_size, channel): an
 * order's lines, usually one row per order. Every measure is a sum or count, so a column varying
 * inside an order only splits rows, never changes totals. `n_<field>` counts lines with a value.
 */
export function ordersSelect(scope: string): string {
	const nonNull = CANONICAL_FIELDS.map((f) => `count(${f.field}) AS n_${f.field}`).join(', ');
	return `SELECT order_id, customer_id, order_date, ${ORDER_DIMENSIONS.join(', ')},
			bool_or(is_cancelled) AS cancelled,
			sum(revenue) AS revenue,
			sum(CASE WHEN revenue > 0 THEN revenue ELSE 0 END) AS gross,
			sum(CASE WHEN revenue < 0 THEN revenue ELSE 0 END) AS negative,
			sum(CASE WHEN quantity > 0 THEN quantity ELSE 0 END) AS units,
			sum(cost) AS cost,
			sum(CASE WHEN cost IS NULL THEN revenue ELSE 0 END) AS revenue_without_cost,
			count(*) AS lines,
			count(*) FILTER (WHERE is_return) AS return_lines,
			count(*) FILTER (WHERE revenue = 0) AS zero_revenue_lines,
			${nonNull}
		FROM ${scope}
		GROUP BY ALL`;
}

export const NO_SCOPE_REASON = 'no order lines match the selected filters';

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

export class AnalysisError extends Error {}

/** Fits from an earlier run (e.g. a `clv` result), reused instead of refitting. */
export interface PresetModels {
	bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; timeUnit: 'day' | 'week' };
	gammaGamma: { p: number; q: number; v: number } | null;
}

function validateParams(p: AnalysisParams): void {
	const check = (ok: boolean, message: string) => {
		if (!ok) throw new AnalysisError(message);
	};
	check(p.asOf === null || isIsoDate(p.asOf), `as-of date must be written YYYY-MM-DD, got ${JSON.stringify(p.asOf)}`);
	check(Number.isFinite(p.churnDays) && p.churnDays > 0, `churn window must be a positive number of days, got ${p.churnDays}`);
	check(Number.isInteger(p.rfmBins) && p.rfmBins >= 2 && p.rfmBins <= 10, `RFM bins must be a whole number from 2 to 10, got ${p.rfmBins}`);
	check(p.rfmScheme === 'standard' || p.rfmScheme === 'simple', `RFM scheme must be 'standard' or 'simple', got ${JSON.stringify(p.rfmScheme)}`);
	check(Number.isFinite(p.margin) && p.margin >= 0 && p.margin <= 1, `margin must be between 0 and 1, got ${p.margin}`);
	check(Number.isInteger(p.forecastHorizon) && p.forecastHorizon >= 1 && p.forecastHorizon <= 36, `forecast horizon must be 1–36 months, got ${p.forecastHorizon}`);
	check(Number.isInteger(p.clvMonths) && p.clvMonths >= 1 && p.clvMonths <= 120, `CLV horizon must be 1–120 months, got ${p.clvMonths}`);
	check(Number.isFinite(p.monthlyDiscount) && p.monthlyDiscount > -1 && p.monthlyDiscount < 1, `monthly discount must be between −1 and 1, got ${p.monthlyDiscount}`);
	check(p.clvTimeUnit === undefined || p.clvTimeUnit === 'day' || p.clvTimeUnit === 'week', `CLV time unit must be 'day' or 'week'`);
	for (const d of [p.filters.dateFrom, p.filters.dateTo]) check(d === null || isIsoDate(d), `filter dates must be written YYYY-MM-DD, got ${JSON.stringify(d)}`);
}

export class AnalysisContext {
	readonly params: AnalysisParams;
	/** Per-run prefix of every temp object. */
	private readonly prefix: string;
	private readonly created: { kind: 'VIEW' | 'TABLE'; name: string }[] = [];
	private readonly memo = new Map<string, Promise<unknown>>();
	private preset: PresetModels | null = null;
	/** View over the filtered scope of `transactions`. */
	readonly scope: string;

	private constructor(
		readonly engine: Engine,
		params: AnalysisParams,
		/** Lines in scope with a value, per canonical column. */
		readonly nonNull: Record<CanonicalField, number>,
		/** Line counts of the scope. */
		readonly lineStats: { lines: number; returnLines: number; cancelledLines: number; zeroRevenueLines: number },
		/** First and last order date in scope; null when the scope is empty. */
		readonly firstDate: string | null,
		readonly lastDate: string | null,
		/** Resolved as-of date (null only when the scope is empty). */
		readonly asOf: string | null,
		id: number
	) {
		this.params = { ...params, asOf };
		this.prefix = `cl_run${id}_`;
		this.scope = `${this.prefix}scope`;
	}

	static async create(engine: Engine, partial: Partial<AnalysisParams> | AnalysisParams): Promise<AnalysisContext> {
		const params = withDefaults(partial);
		validateParams(params);
		const id = ++runCounter;
		const prefix = `cl_run${id}_`;
		const scope = `${prefix}scope`;
		const orders = `${prefix}orders`;
		await engine.exec(`CREATE OR REPLACE TEMP VIEW ${scope} AS ${scopeQuery(params.filters)}`);
		try {
			// The one pass over the order lines every run makes: the order-level table, carrying per-order
			// counts from which the column availability and data-quality counts are summed.
			await engine.exec(`CREATE OR REPLACE TEMP TABLE ${orders} AS ${ordersSelect(scope)}`);
		} catch (e) {
			await engine.exec(`DROP VIEW IF EXISTS ${scope}`).catch(() => {});
			throw e;
		}
		const counts = CANONICAL_FIELDS.map((f) => `coalesce(sum(n_${f.field}), 0) AS ${f.field}`).join(', ');
		const [stats] = await engine.query<Record<string, SqlValue>>(
			`SELECT coalesce(sum(lines), 0) AS lines, ${counts}, CAST(min(order_date) AS VARCHAR) AS first_date, CAST(max(order_date) AS VARCHAR) AS last_date,
				coalesce(sum(return_lines), 0) AS return_lines, coalesce(sum(lines) FILTER (WHERE cancelled), 0) AS cancelled_lines,
				coalesce(sum(zero_revenue_lines), 0) AS zero_revenue_lines
			FROM ${orders}`
		);
		const nonNull = Object.fromEntries(CANONICAL_FIELDS.map((f) => [f.field, Number(stats[f.field] ?? 0)])) as Record<CanonicalField, number>;
		const first = (stats.first_date as string | null) ?? null;
		const last = (stats.last_date as string | null) ?? null;
		const asOf = params.asOf ?? (last ? addDays(last, 1) : null);
		const ctx = new AnalysisContext(
			engine,
			params,
			nonNull,
			{
				lines: Number(stats.lines),
				returnLines: Number(stats.return_lines),
				cancelledLines: Number(stats.cancelled_lines),
				zeroRevenueLines: Number(stats.zero_revenue_lines)
			},
			first,
			last,
			asOf,
			id
		);
		ctx.created.push({ kind: 'VIEW', name: scope }, { kind: 'TABLE', name: orders });
		ctx.memo.set('orders', Promise.resolve(orders));
		return ctx;
	}

	/** The column exists in the canonical model and at least one line has a value. */
	has(field: CanonicalField): boolean {
		return (this.nonNull[field] ?? 0) > 0;
	}

	get empty(): boolean {
		return this.lineStats.lines === 0;
	}

	/** Why an analysis needing these columns cannot run, or null. */
	missing(fields: CanonicalField[], label: Partial<Record<CanonicalField, string>> = {}): Unavailable | null {
		if (this.empty) return { available: false, reason: NO_SCOPE_REASON };
		const absent = fields.find((f) => !this.has(f));
		if (!absent) return null;
		const name = label[absent] ?? CANONICAL_FIELDS.find((f) => f.field === absent)?.label.toLowerCase() ?? absent;
		return { available: false, reason: `needs a ${name} column` };
	}

	get asOfSql(): string {
		if (!this.asOf) throw new AnalysisError(NO_SCOPE_REASON);
		return dateLiteral(this.asOf);
	}

	async dispose(): Promise<void> {
		// Wait for builds still in flight so nothing is created after the drop.
		await Promise.allSettled([...this.memo.values()]);
		for (const { kind, name } of this.created.reverse()) {
			await this.engine.exec(`DROP ${kind} IF EXISTS ${name}`).catch(() => {});
		}
		this.created.length = 0;
	}

	/** Columns of the optional `customers` table (empty when there is no such table). */
	customerColumns(): Promise<Set<string>> {
		return this.once('customerColumns', async () => {
			const rows = await this.engine.query<{ column_name: string }>(
				"SELECT column_name FROM duckdb_columns() WHERE table_name = 'customers' AND schema_name = 'main' AND NOT internal"
			);
			return new Set(rows.map((r) => r.column_name));
		});
	}

	/** Memoises any per-run computation shared by several analyses. */
	cached<T>(key: string, build: () => Promise<T>): Promise<T> {
		return this.once(`cached:${key}`, build);
	}

	private once<T>(key: string, build: () => Promise<T>): Promise<T> {
		let p = this.memo.get(key) as Promise<T> | undefined;
		if (!p) {
			p = build();
			this.memo.set(key, p);
		}
		return p;
	}

	private async createTemp(name: string, select: string): Promise<string> {
		const full = `${this.prefix}${name}`;
		await this.engine.exec(`CREATE OR REPLACE TEMP TABLE ${full} AS ${select}`);
		this.created.push({ kind: 'TABLE', name: full });
		return full;
	}

	/**
	 * The order-level table built when the run starts; see {@link ordersSelect}. `cancelled` = the
	 * order is a cancellation (`is_cancelled`).
	 */
	orders(): Promise<string> {
		return this.memo.get('orders') as Promise<string>;
	}

	/**
	 * One row per (customer, day) with any line: `purchase` = a non-cancelled order that day,
	 * `purchase_revenue` = net revenue of the non-cancelled orders that day, `revenue` = all lines.
	 */
	customerDays(): Promise<string> {
		return this.once('customerDays', async () => {
			const orders = await this.orders();
			return this.createTemp(
				'customer_days',
				`SELECT customer_id, order_date,
					bool_or(NOT cancelled) AS purchase,
					coalesce(sum(revenue) FILTER (WHERE NOT cancelled), 0) AS purchase_revenue,
					sum(revenue) AS revenue
				FROM ${orders} WHERE customer_id IS NOT NULL
				GROUP BY customer_id, order_date`
			);
		});
	}

	/**
	 * Per customer with an id, over orders dated before the as-of date. `frequency` = 0 marks a
	 * customer whose only orders are cancellations.
	 */
	customerBase(): Promise<string> {
		return this.once('customerBase', async () => {
			const orders = await this.orders();
			const profit = this.has('cost')
				? `sum(revenue) - sum(coalesce(cost, 0)) - sum(revenue_without_cost) * (1 - ${this.params.margin})`
				: `sum(revenue) * ${this.params.margin}`;
			return this.createTemp(
				'customer_base',
				`SELECT customer_id,
					count(DISTINCT order_id) FILTER (WHERE NOT cancelled) AS frequency,
					min(order_date) FILTER (WHERE NOT cancelled) AS first_date,
					max(order_date) FILTER (WHERE NOT cancelled) AS last_date,
					sum(revenue) AS monetary,
					${profit} AS profit,
					${this.has('cost') ? 'sum(lines - n_cost)' : '0'} AS lines_without_cost
				FROM ${orders}
				WHERE customer_id IS NOT NULL AND order_date < ${this.asOfSql}
				GROUP BY customer_id`
			);
		});
	}

	/**
	 * The scored per-customer table (RFM, historical CLTV, churn), one row per customer with a
	 * non-cancelled order before the as-of date. Model columns are added by {@link customerView}.
	 */
	customerTable(): Promise<string> {
		return this.once('customerTable', async () => {
			const base = await this.customerBase();
			const bins = this.params.rfmBins;
			const w = this.params.churnDays;
			// Percent rank p = (rank − 1)/(n − 1), ties sharing the lowest rank; score = 1 + ⌊bins·p⌋ capped
			// at bins, in integer arithmetic so no rounding can move a customer across a boundary.
			const score = (rank: string, k: number) => `CASE WHEN n = 1 THEN 1 ELSE least(${k}, 1 + ((${rank} - 1) * ${k}) // (n - 1)) END`;
			const grid = this.params.rfmScheme === 'simple' ? SIMPLE_GRID : STANDARD_GRID;
			const overlay = this.params.rfmScheme === 'simple' ? 'NULL' : overlayCaseSql();
			return this.createTemp(
				'customers',
				`WITH b AS (
					SELECT customer_id, date_diff('day', last_date, ${this.asOfSql}) AS recency_days, frequency, monetary,
						profit, lines_without_cost, first_date, last_date
					FROM ${base} WHERE frequency > 0
				), ranked AS (
					SELECT *,
						rank() OVER (ORDER BY recency_days DESC) AS rr,
						rank() OVER (ORDER BY frequency) AS fr,
						rank() OVER (ORDER BY round(monetary, 6)) AS mr
					FROM b
				), counted AS (
					SELECT ranked.*, c.n FROM ranked, (SELECT count(*) AS n FROM b) c
				), scored AS (
					SELECT *,
						${score('rr', bins)} AS r, ${score('fr', bins)} AS f, ${score('mr', bins)} AS m,
						${score('rr', 5)} AS r5, ${score('fr', 5)} AS f5, ${score('mr', 5)} AS m5
					FROM counted
				), q AS (
					SELECT qs[1] AS p33, qs[2] AS p66 FROM (SELECT quantile_cont(round(profit, 6), [0.33, 0.66]) AS qs FROM b)
				)
				SELECT customer_id, recency_days, frequency, monetary, r, f, m, r5, f5, m5, (f5 + m5 + 1) // 2 AS fm5,
					${segmentCaseSql(grid)} AS segment,
					${overlay} AS overlay,
					monetary AS cltv_revenue, profit AS cltv_profit,
					CASE WHEN round(profit, 6) <= p33 THEN 'Low' WHEN round(profit, 6) <= p66 THEN 'Medium' ELSE 'High' END AS cltv_segment,
					recency_days > ${w} AS churned,
					CASE WHEN recency_days > ${w} THEN 'Churned' WHEN recency_days <= ${w} / 3.0 THEN 'Low'
						WHEN recency_days <= 2 * ${w} / 3.0 THEN 'Medium' ELSE 'High' END AS churn_risk,
					strftime(first_date, '%Y-%m') AS cohort, first_date, last_date, lines_without_cost, p33, p66
				FROM scored, q`
			);
		});
	}

	/** Use these fits instead of fitting (call before anything needs the model). */
	useModels(models: PresetModels): void {
		this.preset = models;
	}

	/** BG/NBD + Gamma-Gamma, fitted once per run; see {@link ModelOutcome}. */
	model(): Promise<ModelOutcome> {
		return this.once('model', () => this.fitModel());
	}

	private get timeUnit(): 'day' | 'week' {
		return this.preset?.bgnbd.timeUnit ?? this.params.clvTimeUnit ?? 'day';
	}

	/** Per-customer BG/NBD/Gamma-Gamma inputs in whole days (before as-of, non-cancelled orders). */
	clvSummary(): Promise<string> {
		return this.once('clvSummary', async () => {
			const days = await this.customerDays();
			return this.createTemp(
				'clv_summary',
				`SELECT customer_id,
					count(*) - 1 AS x,
					date_diff('day', min(order_date), max(order_date)) AS tx,
					date_diff('day', min(order_date), ${this.asOfSql}) AS "T",
					-- Rounded to 6 decimals so that engines summing in a different order feed the spend model identical inputs.
					CASE WHEN count(*) > 1 THEN round((sum(purchase_revenue) - arg_min(purchase_revenue, order_date)) / (count(*) - 1), 6) END AS monetary
				FROM ${days}
				WHERE purchase AND order_date < ${this.asOfSql}
				GROUP BY customer_id`
			);
		});
	}

	private async fitModel(): Promise<ModelOutcome> {
		const summary = await this.clvSummary();
		const unit = this.timeUnit;
		const scale = unit === 'week' ? 7 : 1;
		const triples = await this.engine.query<{ x: number; tx: number; T: number; w: number }>(
			`SELECT x, tx, "T", count(*) AS w FROM ${summary} GROUP BY x, tx, "T" ORDER BY x, tx, "T"`
		);
		const summaries: CustomerSummary[] = triples.map((t) => ({ frequency: t.x, recency: t.tx / scale, T: t.T / scale, weight: t.w }));
		const preset = this.preset;
		const bg: FitOutcome<BgnbdFit> = preset
			? { ok: true, fit: { ...preset.bgnbd, customers: summaries.reduce((s, c) => s + (c.weight ?? 1), 0), converged: true } }
			: fitBgnbd(summaries, { timeUnit: unit });
		if (!bg.ok) return { ok: false, reason: bg.reason };
		const [{ n: nonPositiveSpend }] = await this.engine.query<{ n: number }>(
			`SELECT count(*) AS n FROM ${summary} WHERE x > 0 AND NOT (monetary > 0)`
		);
		let gg: FitOutcome<GammaGammaParams>;
		if (preset) gg = preset.gammaGamma ? { ok: true, fit: preset.gammaGamma } : { ok: false, reason: 'no spend model was supplied' };
		else {
			const spendRows = await this.engine.query<{ x: number; monetary: number; w: number }>(
				`SELECT x, monetary, count(*) AS w FROM ${summary} WHERE x > 0 AND monetary > 0 GROUP BY x, monetary ORDER BY x, monetary`
			);
			gg = fitGammaGamma(spendRows.map((s) => ({ frequency: s.x, monetary: s.monetary, weight: s.w })));
		}
		const fit = bg.fit;
		const horizon = this.params.clvMonths * UNITS_PER_MONTH[unit];
		const clvOptions = { horizonMonths: this.params.clvMonths, margin: 1, monthlyDiscountRate: this.params.monthlyDiscount };
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
		const predName = `${this.prefix}predictions`;
		await this.engine.createTableFromColumns(predName, [
			{ name: 'x', type: 'DOUBLE', values: cols.x },
			{ name: 'tx', type: 'DOUBLE', values: cols.tx },
			{ name: 'T', type: 'DOUBLE', values: cols.T },
			{ name: 'p_alive', type: 'DOUBLE', values: cols.p },
			{ name: 'expected_purchases', type: 'DOUBLE', values: cols.e },
			{ name: 'clv_per_aov', type: 'DOUBLE', values: cols.c }
		]);
		this.created.push({ kind: 'TABLE', name: predName });
		const spend = gg.ok ? gg.fit : null;
		const aov = spend
			? `CASE WHEN s.x > 0 AND s.monetary > 0 THEN ((${spend.v} + s.x * s.monetary) * ${spend.p}) / (${spend.p} * s.x + ${spend.q} - 1)
				ELSE (${spend.v} * ${spend.p}) / (${spend.q} - 1) END`
			: 'CAST(NULL AS DOUBLE)';
		const table = await this.createTemp(
			'model',
			`SELECT s.customer_id, s.x, s.tx, s."T", s.monetary, p.p_alive, p.expected_purchases, ${aov} AS expected_aov,
				${spend ? `${this.params.margin} * (${aov}) * p.clv_per_aov` : 'CAST(NULL AS DOUBLE)'} AS predicted_clv
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

	/** The per-customer table with the model columns (null when the fit is refused). */
	customerView(): Promise<{ view: string; modelNote: string | null }> {
		return this.once('customerView', async () => {
			const table = await this.customerTable();
			const model = await this.model();
			const name = `${this.prefix}customer_view`;
			const cols = `c.customer_id, c.recency_days, c.frequency, c.monetary, c.r, c.f, c.m, c.segment, c.cltv_revenue, c.cltv_profit,
				c.cltv_segment, c.churned, c.churn_risk`;
			const sql = model.ok
				? `SELECT ${cols}, m.p_alive, m.expected_purchases, m.expected_aov, m.predicted_clv, c.cohort, c.overlay
					FROM ${table} c LEFT JOIN ${model.table} m USING (customer_id)`
				: `SELECT ${cols}, CAST(NULL AS DOUBLE) AS p_alive, CAST(NULL AS DOUBLE) AS expected_purchases,
					CAST(NULL AS DOUBLE) AS expected_aov, CAST(NULL AS DOUBLE) AS predicted_clv, c.cohort, c.overlay FROM ${table} c`;
			await this.engine.exec(`CREATE OR REPLACE TEMP VIEW ${name} AS ${sql}`);
			this.created.push({ kind: 'VIEW', name });
			const modelNote = !model.ok
				? `Predictive columns are empty: ${model.reason}`
				: model.gammaGamma
					? null
					: `Expected order value and predicted CLV are empty: ${model.gammaGammaRefusal}`;
			return { view: name, modelNote };
		});
	}

	/** Lines, net revenue and positive units per value of a line-level column (product, category), all values. */
	lineAggregate(column: 'product' | 'category'): Promise<{ label: string | null; lines: number; revenue: number; units: number }[]> {
		return this.once(`agg:${column}`, () =>
			this.engine.query<{ label: string | null; lines: number; revenue: number; units: number }>(
				`SELECT ${column} AS label, count(*) AS lines, sum(revenue) AS revenue, sum(CASE WHEN quantity > 0 THEN quantity ELSE 0 END) AS units
				FROM ${this.scope} GROUP BY ${column} ORDER BY revenue DESC, label NULLS LAST`
			)
		);
	}

	/** A fresh temp-table name under this run's prefix (dropped on dispose). */
	async temp(name: string, select: string): Promise<string> {
		return this.createTemp(name, select);
	}
}

/** Runs `fn` on a fresh context and always drops its temp objects. */
export async function withContext<T>(engine: Engine, params: Partial<AnalysisParams> | AnalysisParams, fn: (ctx: AnalysisContext) => Promise<T>): Promise<T> {
	const ctx = await AnalysisContext.create(engine, params);
	try {
		return await fn(ctx);
	} finally {
		await ctx.dispose();
	}
}
