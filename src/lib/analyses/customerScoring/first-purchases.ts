/** When each customer was acquired, the one definition the cohorts and the customer list share. */
import type { AnalysisContext } from '../context';

/**
 * One row per customer with a non-cancelled order: `first_date`, the date of their first one in the
 * whole history. A date filter only narrows the activity looked at, never moves a customer's
 * acquisition month, so the date range is lifted here; the other filters (country, category,
 * status) still apply, since they say which orders count.
 */
export function firstPurchases(ctx: AnalysisContext): Promise<string> {
	return ctx.cached('firstPurchases', async () => {
		const orders = await ctx.ordersOverWholeHistory();
		return ctx.temp(
			'first_purchases',
			`SELECT customer_id, min(order_date) AS first_date FROM ${orders}
			WHERE customer_id IS NOT NULL AND NOT cancelled GROUP BY customer_id`
		);
	});
}
