/** Demographic profiles from the optional `customers` table: age bands, gender, city, acquisition channel. */
import { IN_MONEY, type AnalysisContext } from '../context';
import type { DemographicRow, DemographicsResult } from './types';
import type { Maybe } from '../types';

export const AGE_BANDS = ['Under 18', '18–24', '25–34', '35–44', '45–54', '55–64', '65+'] as const;
export const TOP_CITIES = 10;
export const TOP_PRODUCTS_PER_GROUP = 3;
const UNKNOWN = 'Unknown';

const AGE_SQL = `CASE WHEN age IS NULL THEN '${UNKNOWN}' WHEN age < 18 THEN 'Under 18' WHEN age < 25 THEN '18–24' WHEN age < 35 THEN '25–34'
	WHEN age < 45 THEN '35–44' WHEN age < 55 THEN '45–54' WHEN age < 65 THEN '55–64' ELSE '65+' END`;

const DIMENSIONS = [
	{ dimension: 'age', column: 'age', label: AGE_SQL },
	{ dimension: 'gender', column: 'gender', label: `coalesce(CAST(gender AS VARCHAR), '${UNKNOWN}')` },
	{ dimension: 'city', column: 'city', label: `coalesce(CAST(city AS VARCHAR), '${UNKNOWN}')` },
	{ dimension: 'channel', column: 'customer_channel', label: `coalesce(CAST(customer_channel AS VARCHAR), '${UNKNOWN}')` }
] as const;

export async function computeDemographics(ctx: AnalysisContext): Promise<Maybe<DemographicsResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const columns = await ctx.customerColumns();
	if (!columns.has('customer_id')) return { available: false, reason: 'needs customer attributes (age, gender, city or channel)' };
	const dims = DIMENSIONS.filter((d) => columns.has(d.column));
	if (dims.length === 0) return { available: false, reason: 'needs customer attributes (age, gender, city or channel)' };
	// Which attributes actually carry values.
	const [counts] = await ctx.engine.query<Record<string, number>>(`SELECT ${dims.map((d) => `count(${d.column}) AS ${d.column}`).join(', ')} FROM customers`);
	const present = dims.filter((d) => Number(counts[d.column]) > 0);
	if (present.length === 0) return { available: false, reason: 'needs customer attributes (age, gender, city or channel)' };
	const orders = await ctx.orders();
	const attrs = await ctx.temp(
		'attrs',
		`SELECT CAST(customer_id AS VARCHAR) AS customer_id, ${present.map((d) => `any_value(${d.label}) AS ${d.dimension}`).join(', ')}
		FROM customers WHERE customer_id IS NOT NULL GROUP BY 1`
	);
	const perCustomer = await ctx.temp(
		'demo_customers',
		`SELECT o.customer_id, count(DISTINCT o.order_id) FILTER (WHERE NOT o.cancelled) AS orders,
			coalesce(sum(o.revenue) FILTER (WHERE NOT o.cancelled), 0) AS order_revenue, sum(o.revenue) AS revenue,
			${present.map((d) => `any_value(a.${d.dimension}) AS ${d.dimension}`).join(', ')}
		FROM ${orders} o JOIN ${attrs} a ON a.customer_id = o.customer_id
		GROUP BY o.customer_id HAVING bool_or(NOT o.cancelled)`
	);
	const [{ matched, total }] = await ctx.engine.query<{ matched: number; total: number | null }>(
		`SELECT count(*) AS matched, sum(revenue) AS total FROM ${perCustomer}`
	);
	if (matched === 0) return { available: false, reason: 'no customer in scope has a row in the customer attributes' };
	const dimensions: DemographicsResult['dimensions'] = [];
	for (const d of present) {
		const groups = await ctx.engine.query<{ label: string; customers: number; orders: number; order_revenue: number; revenue: number }>(
			`SELECT ${d.dimension} AS label, count(*) AS customers, sum(orders) AS orders, sum(order_revenue) AS order_revenue, sum(revenue) AS revenue
			FROM ${perCustomer} GROUP BY label ORDER BY revenue DESC, label`
		);
		const products = ctx.has('product')
			? await ctx.engine.query<{ label: string; product: string; revenue: number }>(
					`SELECT label, product, revenue FROM (
						SELECT c.${d.dimension} AS label, s.product, sum(s.revenue) AS revenue,
							row_number() OVER (PARTITION BY c.${d.dimension} ORDER BY sum(s.revenue) DESC, s.product) AS k
						FROM ${ctx.scope} s JOIN ${perCustomer} c ON c.customer_id = s.customer_id
						WHERE s.product IS NOT NULL AND ${IN_MONEY} GROUP BY c.${d.dimension}, s.product
					) WHERE k <= ${TOP_PRODUCTS_PER_GROUP} ORDER BY label, k`
				)
			: [];
		const row = (g: (typeof groups)[number], label: string): DemographicRow => ({
			label,
			customers: g.customers,
			orders: g.orders,
			aov: g.orders > 0 ? g.order_revenue / g.orders : null,
			revenue: g.revenue,
			revenueShare: total ? g.revenue / total : null,
			topProducts: products.filter((p) => p.label === label).map((p) => ({ product: p.product, revenue: p.revenue }))
		});
		let rows: DemographicRow[];
		if (d.dimension === 'age') {
			const order = [...AGE_BANDS, UNKNOWN] as string[];
			rows = groups.sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label)).map((g) => row(g, g.label));
		} else if (d.dimension === 'city' && groups.length > TOP_CITIES + 1) {
			const rest = groups.slice(TOP_CITIES);
			const sum = (k: 'customers' | 'orders' | 'order_revenue' | 'revenue') => rest.reduce((s, g) => s + g[k], 0);
			rows = groups.slice(0, TOP_CITIES).map((g) => row(g, g.label));
			const other = { label: '', customers: sum('customers'), orders: sum('orders'), order_revenue: sum('order_revenue'), revenue: sum('revenue') };
			rows.push({ ...row(other, `Other (${rest.length})`), topProducts: [] });
		} else rows = groups.map((g) => row(g, g.label));
		dimensions.push({ dimension: d.dimension, rows });
	}
	return { available: true, customersMatched: matched, dimensions };
}
