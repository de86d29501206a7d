/** Historical customer lifetime value: revenue and profit to date, tertile segments by profit. */
import type { AnalysisContext } from '../context';
import type { CltvResult } from './types';
import type { CltvSegment } from '../customerScoring/types';
import type { Maybe } from '../types';
import { customerScores } from '../customerScoring/scores';

export async function computeCltv(ctx: AnalysisContext): Promise<Maybe<CltvResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const table = await customerScores(ctx);
	const [tot] = await ctx.engine.query<{ n: number; revenue: number; profit: number; p33: number; p66: number; lwc: number }>(
		`SELECT count(*) AS n, sum(cltv_revenue) AS revenue, sum(cltv_profit) AS profit, any_value(p33) AS p33, any_value(p66) AS p66,
			coalesce(sum(lines_without_cost), 0) AS lwc FROM ${table}`
	);
	if (tot.n === 0) return { available: false, reason: 'no customer has a non-cancelled order before the as-of date' };
	const rows = await ctx.engine.query<{ seg: CltvSegment; customers: number; revenue: number; profit: number }>(
		`SELECT cltv_segment AS seg, count(*) AS customers, sum(cltv_revenue) AS revenue, sum(cltv_profit) AS profit FROM ${table} GROUP BY cltv_segment`
	);
	const bySeg = new Map(rows.map((r) => [r.seg, r]));
	const top = await ctx.engine.query<{ customerId: string; revenue: number; profit: number }>(
		`SELECT customer_id AS "customerId", cltv_revenue AS revenue, cltv_profit AS profit FROM ${table} ORDER BY cltv_profit DESC, customer_id LIMIT 10`
	);
	const withCost = ctx.has('cost');
	return {
		available: true,
		profitBasis: withCost ? 'cost' : 'margin',
		margin: ctx.params.margin,
		linesWithoutCost: withCost ? tot.lwc : 0,
		customers: tot.n,
		revenue: tot.revenue,
		profit: tot.profit,
		cutPoints: { p33: tot.p33, p66: tot.p66 },
		segments: (['Low', 'Medium', 'High'] as const).map((segment) => {
			const r = bySeg.get(segment);
			const customers = r?.customers ?? 0;
			return {
				segment,
				customers,
				share: customers / tot.n,
				revenue: r?.revenue ?? 0,
				profit: r?.profit ?? 0,
				avgProfit: customers ? (r?.profit ?? 0) / customers : 0,
				profitShare: tot.profit !== 0 ? (r?.profit ?? 0) / tot.profit : null
			};
		}),
		top
	};
}
