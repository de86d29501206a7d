/**
 * Repeat-purchase rate by month: of the customers who bought in a month, the share who had already
 * bought in an earlier month. Only non-cancelled orders count as buying, as everywhere else.
 */
import type { AnalysisContext } from '../context';
import type { Maybe } from '../types';
import type { RepeatPurchaseResult } from './types';

export async function computeRepeatPurchase(ctx: AnalysisContext): Promise<Maybe<RepeatPurchaseResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const days = await ctx.customerDays();
	const rows = await ctx.engine.query<{ month: string; customers: number; repeat_customers: number }>(
		`WITH bought AS (
			SELECT DISTINCT customer_id, date_trunc('month', order_date) AS m FROM ${days} WHERE purchase
		), firsts AS (
			SELECT customer_id, min(m) AS first_month FROM bought GROUP BY customer_id
		)
		SELECT strftime(m, '%Y-%m') AS month, count(*) AS customers, count(*) FILTER (WHERE m > first_month) AS repeat_customers
		FROM bought JOIN firsts USING (customer_id)
		GROUP BY m ORDER BY m`
	);
	if (rows.length === 0) return { available: false, reason: 'no customer has a non-cancelled order' };
	const total = rows.reduce((s, r) => s + r.customers, 0);
	const repeat = rows.reduce((s, r) => s + r.repeat_customers, 0);
	return {
		available: true,
		months: rows.map((r) => ({ month: r.month, customers: r.customers, repeatCustomers: r.repeat_customers, rate: r.repeat_customers / r.customers })),
		overallRate: repeat / total
	};
}
