/** Orders, lines and value by order status: cancelled orders show the value left out of net revenue. */
import type { AnalysisContext } from '../context';
import { MISSING_LABEL } from '../breakdowns/compute';
import type { Maybe } from '../types';
import type { StatusResult } from './types';

export async function computeStatus(ctx: AnalysisContext): Promise<Maybe<StatusResult>> {
	const none = ctx.missing(['status'], { status: 'order status' });
	if (none) return none;
	const orders = await ctx.orders();
	const rows = await ctx.engine.query<{ status: string | null; lines: number; orders: number; revenue: number }>(
		`SELECT status, sum(lines) AS lines, count(DISTINCT order_id) AS orders, sum(revenue + left_out_revenue) AS revenue
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
