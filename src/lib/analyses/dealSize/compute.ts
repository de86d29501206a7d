/** Orders and revenue by deal size: the data's deal-size column, else order-value bands around the median order. */
import type { AnalysisContext } from '../context';
import { MISSING_LABEL } from '../breakdowns/compute';
import type { DealSizeResult } from './types';
import type { Maybe } from '../types';

/** Order-value bands relative to the median net value of non-cancelled orders. */
export const DEAL_BANDS = { smallBelow: 0.5, largeAbove: 2 } as const;

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
