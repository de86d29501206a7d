/** When each customer was acquired, the one definition the cohorts and the customer list share. */
import { ordersSelect, type AnalysisContext } from '../context';
import { scopeQuery } from '../scope';

/**
 * One row per customer with a non-cancelled order: `first_date`, the date of their first one in the
 * whole history. A date filter only narrows the activity looked at, never moves a customer's
 * acquisition month, so the date range is lifted here; the other filters (country, category,
 * status) still apply, since they say which orders count.
 */
export function firstPurchases(ctx: AnalysisContext): Promise<string> {
	return ctx.cached('firstPurchases', async () => {
		const { dateFrom, dateTo } = ctx.params.filters;
		const orders =
			dateFrom === null && dateTo === null ? await ctx.orders() : await ctx.temp('history_orders', ordersSelect(`(${scopeQuery({ ...ctx.params.filters, dateFrom: null, dateTo: null })})`));
		return ctx.temp(
			'first_purchases',
			`SELECT customer_id, min(order_date) AS first_date FROM ${orders}
			WHERE customer_id IS NOT NULL AND NOT cancelled GROUP BY customer_id`
		);
	});
}
