/**
 * Breakdowns of net revenue by product, category, country and region (top N + "Other"), the
 * deal-size distribution and the order-status distribution.
 */
import type { Engine } from '../engine/engine';
import type { CanonicalField } from '../ingest/canonical-fields';
import { quoteString } from '../sql';
import { withContext, type AnalysisContext } from './context';
import type { AnalysisParams } from './params';
import type { BreakdownResult, BreakdownRow, DealSizeResult, Maybe, StatusResult } from './types';

export const TOP = { product: 20, category: 20, country: 10, region: 10 } as const;
type Dimension = keyof typeof TOP;

/** Order-value bands relative to the median net value of non-cancelled orders. */
export const DEAL_BANDS = { smallBelow: 0.5, largeAbove: 2 } as const;

const MISSING_LABEL = '(not given)';

export async function computeBreakdown(ctx: AnalysisContext, dimension: Dimension): Promise<Maybe<BreakdownResult>> {
	const field = dimension as CanonicalField;
	const none = ctx.missing([field]);
	if (none) return none;
	const top = TOP[dimension];
	const withUnits = ctx.has('quantity');
	let groups: { kind: number; label: string | null; lines: number; orders: number; units: number; revenue: number }[];
	let distinct: number;
	if (dimension === 'product' || dimension === 'category') {
		// Line-level columns: sums per value in one pass, then distinct orders for the shown values and "Other".
		const all = await ctx.lineAggregate(dimension);
		const named = all.filter((r) => r.label !== null);
		distinct = named.length;
		const shown = named.length <= top + 1 ? named : named.slice(0, top);
		// A hash join against the shown values is cheaper than an IN list evaluated per line.
		const values = shown.length ? shown.map((r) => `(${quoteString(r.label!)})`).join(', ') : '(NULL)';
		const counts = await ctx.engine.query<{ kind: number; label: string | null; orders: number }>(
			`SELECT CASE WHEN t.label IS NOT NULL THEN 0 WHEN s.${dimension} IS NULL THEN 2 ELSE 1 END AS kind, t.label, count(DISTINCT s.order_id) AS orders
			FROM ${ctx.scope} s LEFT JOIN (VALUES ${values}) t(label) ON s.${dimension} = t.label
			WHERE NOT s.is_cancelled GROUP BY ALL`
		);
		const orders = new Map(counts.map((c) => [`${c.kind}:${c.label}`, c.orders]));
		const rest = named.slice(shown.length);
		const missing = all.find((r) => r.label === null);
		const sum = (rows: typeof all, k: 'lines' | 'revenue' | 'units') => rows.reduce((s, r) => s + r[k], 0);
		groups = shown.map((r) => ({ kind: 0, label: r.label, lines: r.lines, revenue: r.revenue, units: r.units, orders: orders.get(`0:${r.label}`) ?? 0 }));
		if (rest.length) groups.push({ kind: 1, label: null, lines: sum(rest, 'lines'), revenue: sum(rest, 'revenue'), units: sum(rest, 'units'), orders: orders.get('1:null') ?? 0 });
		if (missing) groups.push({ kind: 2, label: null, lines: missing.lines, revenue: missing.revenue, units: missing.units, orders: orders.get('2:null') ?? 0 });
	} else {
		// Order-level columns come from the orders table.
		const orders = await ctx.orders();
		const all = await ctx.engine.query<{ label: string | null; lines: number; orders: number; units: number; revenue: number }>(
			`SELECT ${dimension} AS label, sum(lines) AS lines, count(DISTINCT order_id) FILTER (WHERE NOT cancelled) AS orders,
				sum(units) AS units, sum(revenue) AS revenue
			FROM ${orders} GROUP BY ${dimension} ORDER BY revenue DESC, label NULLS LAST`
		);
		const named = all.filter((r) => r.label !== null);
		distinct = named.length;
		const shown = named.length <= top + 1 ? named : named.slice(0, top);
		const rest = named.slice(shown.length);
		groups = shown.map((r) => ({ kind: 0, ...r }));
		if (rest.length) {
			const inList = shown.map((r) => quoteString(r.label!)).join(', ');
			const [o] = await ctx.engine.query<{ orders: number }>(
				`SELECT count(DISTINCT order_id) AS orders FROM ${orders} WHERE NOT cancelled AND ${dimension} IS NOT NULL AND ${dimension} NOT IN (${inList})`
			);
			const sum = (k: 'lines' | 'revenue' | 'units') => rest.reduce((s, r) => s + r[k], 0);
			groups.push({ kind: 1, label: null, lines: sum('lines'), revenue: sum('revenue'), units: sum('units'), orders: o.orders });
		}
		const missing = all.find((r) => r.label === null);
		if (missing) groups.push({ kind: 2, ...missing });
	}
	const total = groups.reduce((s, r) => s + r.revenue, 0);
	const rows: BreakdownRow[] = groups.map((r) => ({
		label: r.kind === 0 ? r.label! : r.kind === 1 ? `Other (${distinct - groups.filter((g) => g.kind === 0).length})` : MISSING_LABEL,
		isOther: r.kind === 1,
		isMissing: r.kind === 2,
		lines: r.lines,
		orders: r.orders,
		units: withUnits ? r.units : null,
		revenue: r.revenue,
		share: total !== 0 ? r.revenue / total : null
	}));
	return { available: true, dimension, top, distinct, rows };
}

export async function computeDealSize(ctx: AnalysisContext): Promise<Maybe<DealSizeResult>> {
	const none = ctx.missing([]);
	if (none) return none;
	if (ctx.has('deal_size')) {
		const orders = await ctx.orders();
		const rows = await ctx.engine.query<{ label: string | null; lines: number; orders: number; revenue: number }>(
			`SELECT deal_size AS label, sum(lines) AS lines, count(DISTINCT order_id) FILTER (WHERE NOT cancelled) AS orders, sum(revenue) AS revenue
			FROM ${orders} GROUP BY deal_size ORDER BY revenue DESC, label NULLS LAST`
		);
		const total = rows.reduce((s, r) => s + r.revenue, 0);
		return {
			available: true,
			basis: 'column',
			bands: null,
			rows: rows.map((r) => ({ label: r.label ?? MISSING_LABEL, lines: r.lines, orders: r.orders, revenue: r.revenue, share: total !== 0 ? r.revenue / total : null }))
		};
	}
	const orders = await ctx.orders();
	const perOrder = `SELECT order_id, sum(revenue) AS value, sum(lines) AS lines FROM ${orders} WHERE NOT cancelled GROUP BY order_id`;
	const [{ med }] = await ctx.engine.query<{ med: number | null }>(`SELECT median(value) AS med FROM (${perOrder})`);
	if (med === null) return { available: false, reason: 'no non-cancelled orders' };
	if (!(med > 0)) return { available: false, reason: 'the median order value is not positive, so order-value bands cannot be formed' };
	const small = DEAL_BANDS.smallBelow * med;
	const large = DEAL_BANDS.largeAbove * med;
	const rows = await ctx.engine.query<{ label: string; lines: number; orders: number; revenue: number }>(
		`SELECT CASE WHEN value < ${small} THEN 'Small' WHEN value > ${large} THEN 'Large' ELSE 'Medium' END AS label,
			sum(lines) AS lines, count(*) AS orders, sum(value) AS revenue
		FROM (${perOrder}) GROUP BY label`
	);
	const total = rows.reduce((s, r) => s + r.revenue, 0);
	const byLabel = new Map(rows.map((r) => [r.label, r]));
	return {
		available: true,
		basis: 'bands',
		bands: { medianOrderValue: med, smallBelow: small, largeAbove: large },
		rows: ['Small', 'Medium', 'Large'].map((label) => {
			const r = byLabel.get(label);
			return { label, lines: r?.lines ?? 0, orders: r?.orders ?? 0, revenue: r?.revenue ?? 0, share: total !== 0 ? (r?.revenue ?? 0) / total : null };
		})
	};
}

export async function computeStatus(ctx: AnalysisContext): Promise<Maybe<StatusResult>> {
	const none = ctx.missing(['status'], { status: 'order status' });
	if (none) return none;
	const orders = await ctx.orders();
	const rows = await ctx.engine.query<{ status: string | null; lines: number; orders: number; revenue: number }>(
		`SELECT status, sum(lines) AS lines, count(DISTINCT order_id) AS orders, sum(revenue) AS revenue
		FROM ${orders} GROUP BY status ORDER BY lines DESC, status NULLS LAST`
	);
	const total = rows.reduce((s, r) => s + r.revenue, 0);
	return {
		available: true,
		rows: rows.map((r) => ({
			status: r.status ?? MISSING_LABEL,
			isMissing: r.status === null,
			lines: r.lines,
			orders: r.orders,
			revenue: r.revenue,
			share: total !== 0 ? r.revenue / total : null
		}))
	};
}

export const runProducts = (engine: Engine, params: Partial<AnalysisParams>) => withContext(engine, params, (c) => computeBreakdown(c, 'product'));
export const runCategories = (engine: Engine, params: Partial<AnalysisParams>) => withContext(engine, params, (c) => computeBreakdown(c, 'category'));
export const runCountries = (engine: Engine, params: Partial<AnalysisParams>) => withContext(engine, params, (c) => computeBreakdown(c, 'country'));
export const runRegions = (engine: Engine, params: Partial<AnalysisParams>) => withContext(engine, params, (c) => computeBreakdown(c, 'region'));
export const runDealSize = (engine: Engine, params: Partial<AnalysisParams>) => withContext(engine, params, computeDealSize);
export const runStatus = (engine: Engine, params: Partial<AnalysisParams>) => withContext(engine, params, computeStatus);
