/**
 * One analysis run: the filtered scope, the resolved as-of date, which canonical columns carry data,
 * and the intermediate tables several analyses share, built once per run as temp tables with a
 * per-run name so concurrent runs on one engine never collide. The order-level table (the only pass
 * over every order line besides the product/category breakdowns) is ready when the run starts; the
 * tables slices share (customer days, line aggregates, and through {@link AnalysisContext.cached}
 * the customer scores and the CLV model fit of their own slices) are built on first use.
 * An unfiltered run's order and customer-day tables are the whole-data ones kept between runs
 * (`whole-data.ts`); a run filtered on order-level columns only (dates, countries, statuses) selects
 * its rows from them when they exist, since such a filter keeps or drops whole rows of them.
 * `dispose()` drops the run's own tables. Column availability ("needs a … column") is decided on the filtered scope.
 * What the per-customer columns mean lives in `customerScoring/`, the model fit in `clv/model.ts`.
 */
import { inProcessModels, type ModelRunner } from './model-runner';
import type { ColumnData, Engine, SqlValue } from '../engine/index';
import { CANONICAL_FIELDS, fromSeveralFiles, type CanonicalField } from '../ingest/index';
import { withDefaults, type AnalysisParams } from './params';
import { addDays, dateLiteral, isIsoDate, scopeCondition, scopeQuery } from './scope';
import type { Unavailable } from './types';
import { WholeData } from './whole-data';

let runCounter = 0;

/** Columns that are normally constant within an order, aggregated at order level. */
export const ORDER_DIMENSIONS: CanonicalField[] = ['country', 'region', 'status', 'deal_size', 'channel'];

/**
 * A line counts in the money (net revenue, gross sales, units, cost, and everything built on them)
 * unless it is a non-negative line of a cancelled order: such an order (cancelled by its status, say)
 * never had its positive amounts reversed, so counting them would book sales that did not happen.
 * Negative lines stay, `C`-prefix cancellation lines and returns alike: they reverse earlier sales.
 */
export const IN_MONEY = '(is_return OR NOT is_cancelled)';

/**
 * One row per (order_id, customer_id, order_date, country, region, status, deal_size, channel): an
 * order's lines, usually one row per order. Every measure is a sum or count, so a column varying
 * inside an order only splits rows, never changes totals. `n_<field>` counts lines with a value.
 * The money columns count only lines {@link IN_MONEY}; `left_out_revenue`/`left_out_lines` are the others.
 * `present`: the columns holding any value in the data; the others are NULL on every line, so a key
 * among them is selected as NULL instead of grouped by (hashing it costs as much as a real key), and
 * their counts and sums are constants (each aggregate costs a pass of its own: with the absent ones
 * computed, Online Retail's table took 125 ms instead of 105 ms in DuckDB-WASM).
 */
export function ordersSelect(scope: string, present: readonly CanonicalField[]): string {
	const nonNull = CANONICAL_FIELDS.map((f) => (present.includes(f.field) ? `count(${f.field})` : 'CAST(0 AS BIGINT)') + ` AS n_${f.field}`).join(', ');
	const sale = (expr: string) => `coalesce(sum(${expr}) FILTER (WHERE ${IN_MONEY}), 0)`;
	const key = (k: CanonicalField) => (present.includes(k) ? k : `CAST(NULL AS VARCHAR) AS ${k}`);
	const hasCost = present.includes('cost');
	const grouped = ['order_id', 'customer_id', 'order_date', ...ORDER_DIMENSIONS].filter((k) => k === 'order_id' || k === 'order_date' || present.includes(k as CanonicalField));
	return `SELECT order_id, ${key('customer_id')}, order_date, ${ORDER_DIMENSIONS.map(key).join(', ')},
			bool_or(is_cancelled) AS cancelled,
			${sale('revenue')} AS revenue,
			${sale('CASE WHEN revenue > 0 THEN revenue ELSE 0 END')} AS gross,
			${sale('CASE WHEN revenue < 0 THEN revenue ELSE 0 END')} AS negative,
			${sale('CASE WHEN quantity > 0 THEN quantity ELSE 0 END')} AS units,
			${hasCost ? `sum(cost) FILTER (WHERE ${IN_MONEY})` : 'CAST(NULL AS DOUBLE)'} AS cost,
			${sale(hasCost ? 'CASE WHEN cost IS NULL THEN revenue ELSE 0 END' : 'revenue')} AS revenue_without_cost,
			coalesce(sum(revenue) FILTER (WHERE NOT ${IN_MONEY}), 0) AS left_out_revenue,
			count(*) FILTER (WHERE NOT ${IN_MONEY}) AS left_out_lines,
			count(*) AS lines,
			count(*) FILTER (WHERE is_return) AS return_lines,
			count(*) FILTER (WHERE revenue = 0) AS zero_revenue_lines,
			${nonNull}
		FROM ${scope}
		GROUP BY ${grouped.join(', ')}`;
}

/** The canonical columns with any value in `transactions`, once per data. */
export function presentFields(engine: Engine, whole: WholeData): Promise<CanonicalField[]> {
	return whole.value('presentFields', async () => {
		const fields = CANONICAL_FIELDS.map((f) => f.field);
		const [row] = await engine.query<Record<string, number>>(`SELECT ${fields.map((k) => `count(${k}) AS ${k}`).join(', ')} FROM transactions`);
		return fields.filter((k) => Number(row[k]) > 0);
	});
}

export const NO_SCOPE_REASON = 'no order lines match the selected filters';

export class AnalysisError extends Error {}

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
	check(p.clvModel === undefined || p.clvModel === 'auto' || p.clvModel === 'bgnbd' || p.clvModel === 'paretoNbd', `CLV model must be 'auto', 'bgnbd' or 'paretoNbd'`);
	check(p.ratingScale === undefined || p.ratingScale === null || ['1-5', '0-10', '1-10', '0-100'].includes(p.ratingScale), `rating scale must be 1-5, 0-10, 1-10 or 0-100, got ${JSON.stringify(p.ratingScale)}`);
	for (const d of [p.filters.dateFrom, p.filters.dateTo]) check(d === null || isIsoDate(d), `filter dates must be written YYYY-MM-DD, got ${JSON.stringify(d)}`);
}

/** The whole data's order table: what an unfiltered run starts from. */
const wholeOrderTable = (engine: Engine, whole: WholeData, present: CanonicalField[]): Promise<string> => whole.table('orders', ordersSelect('transactions', present));

/**
 * Starts the statements an unfiltered run of `params` begins with, and resolves once the last of
 * them (the order table, the longest) is queued, not done. A page calls it before it redraws for
 * new data, so the database builds the order table while the page draws: the run that follows
 * finds the table in the whole-data cache. Does nothing for a filtered run, which would not build it.
 */
export async function startWholeData(engine: Engine, params: Partial<AnalysisParams>): Promise<void> {
	if (scopeCondition(withDefaults(params).filters) !== 'TRUE') return;
	const whole = await WholeData.of(engine);
	// A failure is not kept: the run tries again and reports it.
	wholeOrderTable(engine, whole, await presentFields(engine, whole)).catch(() => {});
}

export class AnalysisContext {
	readonly params: AnalysisParams;
	/** Where the model fits run (a worker in the browser); see `model-runner.ts`. */
	models: ModelRunner = inProcessModels;
	/** Per-run prefix of every temp object. */
	private readonly prefix: string;
	private readonly created: { kind: 'VIEW' | 'TABLE'; name: string }[] = [];
	private readonly memo = new Map<string, Promise<unknown>>();
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
		id: number,
		private readonly whole: WholeData,
		/** The canonical columns with any value in the whole data (see {@link ordersSelect}). */
		private readonly present: CanonicalField[]
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
		const whole = await WholeData.of(engine);
		const present = await presentFields(engine, whole);
		const created: { kind: 'VIEW' | 'TABLE'; name: string }[] = [];
		let orders: string;
		try {
			await engine.exec(`CREATE OR REPLACE TEMP VIEW ${scope} AS ${scopeQuery(params.filters)}`);
			created.push({ kind: 'VIEW', name: scope });
			// The one pass over the order lines every run makes (unless the whole-data table serves): the
			// order-level table, carrying per-order counts from which the column availability and data-quality counts are summed.
			const where = scopeCondition(params.filters);
			if (where === 'TRUE') orders = await wholeOrderTable(engine, whole, present);
			else {
				orders = `${prefix}orders`;
				const wholeOrders = params.filters.categories.length ? null : await whole.built('orders');
				const select = wholeOrders ? `SELECT * FROM ${wholeOrders} WHERE ${where}` : ordersSelect(scope, present);
				await engine.exec(`CREATE OR REPLACE TEMP TABLE ${orders} AS ${select}`);
				created.push({ kind: 'TABLE', name: orders });
			}
		} catch (e) {
			for (const { kind, name } of created.reverse()) await engine.exec(`DROP ${kind} IF EXISTS ${name}`).catch(() => {});
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
			id,
			whole,
			present
		);
		ctx.created.push(...created);
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
		const drops = this.created.reverse().map(({ kind, name }) => `DROP ${kind} IF EXISTS ${name}`);
		this.created.length = 0;
		// One round trip: dropped one by one, each drop waited for the page, which after a filter change
		// is drawing the last panels (13–22 ms a drop, a run's end 100 ms later). One by one if that fails.
		await this.engine.exec(drops.join('; ')).catch(async () => {
			for (const drop of drops) await this.engine.exec(drop).catch(() => {});
		});
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

	/** Whether the whole data was read from more than one file (once per data). */
	fromSeveralFiles(): Promise<boolean> {
		return this.whole.value('severalFiles', () => fromSeveralFiles(this.engine));
	}

	/**
	 * This run with its statements in the engine's urgent lane (`Engine.urgent`), for the analyses
	 * waiting on a model fit: the same tables, memos and settings, only the engine differs.
	 */
	urgently(): AnalysisContext {
		const urgent = this.engine.urgent;
		if (!urgent) return this;
		return Object.create(this, { engine: { value: urgent } }) as AnalysisContext;
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
	 * `purchase_revenue` = net revenue of the non-cancelled orders that day, `revenue` = net revenue of all orders that day.
	 */
	customerDays(): Promise<string> {
		return this.once('customerDays', async () => {
			const select = (orders: string) => `SELECT customer_id, order_date,
					bool_or(NOT cancelled) AS purchase,
					coalesce(sum(revenue) FILTER (WHERE NOT cancelled), 0) AS purchase_revenue,
					sum(revenue) AS revenue
				FROM ${orders} WHERE customer_id IS NOT NULL
				GROUP BY customer_id, order_date`;
			const { countries, categories, statuses } = this.params.filters;
			const where = scopeCondition(this.params.filters);
			if (where === 'TRUE') return this.whole.table('customer_days', select(await this.orders()), this.engine);
			// A date range keeps or drops whole (customer, day) rows; other filters split a day's orders.
			const whole = countries.length || categories.length || statuses.length ? null : await this.whole.built('customer_days');
			return this.createTemp('customer_days', whole ? `SELECT * FROM ${whole} WHERE ${where}` : select(await this.orders()));
		});
	}

	/**
	 * The order table of the scope with its date range lifted (for what looks at the whole history,
	 * such as when a customer was acquired). When the whole-data table cannot serve (a category
	 * filter, or it is not built), a lighter grouping of the lines with only the `cancelled` flag.
	 */
	async ordersOverWholeHistory(): Promise<string> {
		const { dateFrom, dateTo } = this.params.filters;
		if (dateFrom === null && dateTo === null) return this.orders();
		const filters = { ...this.params.filters, dateFrom: null, dateTo: null };
		const where = scopeCondition(filters);
		const whole = filters.categories.length ? null : await this.whole.built('orders');
		if (whole) return where === 'TRUE' ? whole : `(SELECT * FROM ${whole} WHERE ${where})`;
		const keys = ['order_id', 'customer_id', 'order_date', ...ORDER_DIMENSIONS.filter((k) => this.present.includes(k))];
		return `(SELECT ${keys.join(', ')}, bool_or(is_cancelled) AS cancelled FROM (${scopeQuery(filters)}) GROUP BY ${keys.join(', ')})`;
	}

	/** Lines, net revenue and positive units (lines {@link IN_MONEY}) per value of a line-level column (product, category), all values. */
	lineAggregate(column: 'product' | 'category'): Promise<{ label: string | null; lines: number; revenue: number; units: number }[]> {
		return this.once(`agg:${column}`, () =>
			this.engine.query<{ label: string | null; lines: number; revenue: number; units: number }>(
				`SELECT ${column} AS label, count(*) AS lines, coalesce(sum(revenue) FILTER (WHERE ${IN_MONEY}), 0) AS revenue,
					coalesce(sum(CASE WHEN quantity > 0 THEN quantity ELSE 0 END) FILTER (WHERE ${IN_MONEY}), 0) AS units
				FROM ${this.scope} GROUP BY ${column} ORDER BY revenue DESC, label NULLS LAST`
			)
		);
	}

	/** A temp table under this run's prefix (dropped on dispose). */
	async temp(name: string, select: string): Promise<string> {
		return this.createTemp(name, select);
	}

	/** A temp view under this run's prefix (dropped on dispose). */
	async tempView(name: string, select: string): Promise<string> {
		const full = `${this.prefix}${name}`;
		await this.engine.exec(`CREATE OR REPLACE TEMP VIEW ${full} AS ${select}`);
		this.created.push({ kind: 'VIEW', name: full });
		return full;
	}

	/** A temp table under this run's prefix filled from columns computed in JavaScript (dropped on dispose). */
	async tempFromColumns(name: string, columns: ColumnData[]): Promise<string> {
		const full = `${this.prefix}${name}`;
		await this.engine.createTableFromColumns(full, columns);
		this.created.push({ kind: 'TABLE', name: full });
		return full;
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
