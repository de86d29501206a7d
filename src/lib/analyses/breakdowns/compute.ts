/** Breakdowns of net revenue by product, category, country and region (top N + "Other"). */
import type { CanonicalField } from '../../ingest/index';
import { quoteString } from '../../sql';
import type { AnalysisContext } from '../context';
import type { BreakdownResult, BreakdownRow } from './types';
import type { Maybe } from '../types';

export const TOP = { product: 20, category: 20, country: 10, region: 10 } as const;
type Dimension = keyof typeof TOP;

/** Label of the lines without a value in the column. */
export const MISSING_LABEL = '(not given)';

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
