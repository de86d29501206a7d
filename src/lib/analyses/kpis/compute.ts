/** Headline KPIs over the filtered scope. */
import type { AnalysisContext } from '../context';
import { daysBetween } from '../scope';
import type { KpiResult } from './types';
import type { Maybe } from '../types';

export async function computeKpis(ctx: AnalysisContext): Promise<Maybe<KpiResult>> {
	const none = ctx.missing([]);
	if (none) return none;
	const orders = await ctx.orders();
	// Both statements queued at once: awaited one after the other, the product count's statement
	// queued behind those of the analyses computed meanwhile, and the headline numbers waited for them.
	const [[o], productLines] = await Promise.all([
		ctx.engine.query<{
			revenue: number;
			gross: number;
			negative: number;
			orders: number;
			order_revenue: number | null;
			units: number;
			lines: number;
			cancelled_orders: number;
			customers: number;
		}>(
			`SELECT coalesce(sum(revenue), 0) AS revenue, coalesce(sum(gross), 0) AS gross, coalesce(sum(negative), 0) AS negative,
				count(DISTINCT order_id) FILTER (WHERE NOT cancelled) AS orders,
				sum(revenue) FILTER (WHERE NOT cancelled) AS order_revenue,
				coalesce(sum(units), 0) AS units, sum(lines) AS lines,
				count(DISTINCT order_id) FILTER (WHERE cancelled) AS cancelled_orders,
				count(DISTINCT customer_id) AS customers
			FROM ${orders}`
		),
		ctx.has('product') ? ctx.lineAggregate('product') : null
	]);
	const products = productLines ? productLines.filter((p) => p.label !== null).length : null;
	const from = ctx.firstDate!;
	const to = ctx.lastDate!;
	return {
		available: true,
		period: { from, to, days: daysBetween(from, to) + 1 },
		asOf: ctx.asOf!,
		revenue: o.revenue,
		grossSales: o.gross,
		returnedValue: 0 - o.negative,
		orders: o.orders,
		aov: o.orders > 0 ? (o.order_revenue ?? 0) / o.orders : null,
		customers: ctx.has('customer_id') ? o.customers : null,
		units: ctx.has('quantity') ? o.units : null,
		products,
		lines: o.lines,
		returnLines: ctx.lineStats.returnLines,
		cancelledOrders: o.cancelled_orders
	};
}
