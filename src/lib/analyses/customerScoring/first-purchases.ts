/** When each customer was acquired, the one definition the cohorts and the customer list share. */
import { ORDER_DIMENSIONS, type AnalysisContext } from '../context';
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
		// Under a date filter: the whole history's orders, grouped as the orders table groups them, with
		// only the flag needed here (the full order table would sum a dozen columns for nothing).
		const orders =
			dateFrom === null && dateTo === null
				? await ctx.orders()
				: `(SELECT order_id, customer_id, order_date, ${ORDER_DIMENSIONS.join(', ')}, bool_or(is_cancelled) AS cancelled
					FROM (${scopeQuery({ ...ctx.params.filters, dateFrom: null, dateTo: null })}) GROUP BY ALL)`;
		return ctx.temp(
			'first_purchases',
			`SELECT customer_id, min(order_date) AS first_date FROM ${orders}
			WHERE customer_id IS NOT NULL AND NOT cancelled GROUP BY customer_id`
		);
	});
}
