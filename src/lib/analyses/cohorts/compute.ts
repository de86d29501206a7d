/** Monthly acquisition cohorts: share of each cohort still ordering, and its revenue, by months since the first order. */
import type { AnalysisContext } from '../context';
import type { CohortResult } from './types';
import type { Maybe } from '../types';

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const monthLabel = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

export async function computeCohorts(ctx: AnalysisContext): Promise<Maybe<CohortResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const days = await ctx.customerDays();
	const mi = (d: string) => `(year(${d}) * 12 + month(${d}) - 1)`;
	const sizes = await ctx.engine.query<{ ci: number; customers: number }>(
		`SELECT ${mi('f')} AS ci, count(*) AS customers
		FROM (SELECT customer_id, min(order_date) FILTER (WHERE purchase) AS f FROM ${days} GROUP BY customer_id)
		WHERE f IS NOT NULL GROUP BY ci ORDER BY ci`
	);
	if (sizes.length === 0) return { available: false, reason: 'no customer has a non-cancelled order' };
	const cells = await ctx.engine.query<{ ci: number; since: number; active: number; revenue: number }>(
		`WITH first AS (
			SELECT customer_id, ${mi('min(order_date) FILTER (WHERE purchase)')} AS ci FROM ${days} GROUP BY customer_id HAVING bool_or(purchase)
		), monthly AS (
			SELECT customer_id, ${mi('order_date')} AS m, bool_or(purchase) AS active, sum(revenue) AS revenue FROM ${days} GROUP BY customer_id, m
		)
		SELECT ci, m - ci AS since, count(*) FILTER (WHERE active) AS active, sum(revenue) AS revenue
		FROM monthly JOIN first USING (customer_id) WHERE m >= ci GROUP BY ci, since`
	);
	const key = (ci: number, s: number) => `${ci}:${s}`;
	const byCell = new Map(cells.map((c) => [key(c.ci, c.since), c]));
	const last = monthIndex(ctx.lastDate!);
	const cohorts = sizes.map(({ ci, customers }) => ({
		cohort: monthLabel(ci),
		customers,
		cells: Array.from({ length: last - ci + 1 }, (_, s) => {
			const c = byCell.get(key(ci, s));
			return { monthsSince: s, activeCustomers: c?.active ?? 0, share: (c?.active ?? 0) / customers, revenue: c?.revenue ?? 0 };
		})
	}));
	return { available: true, cohorts, maxMonthsSince: last - sizes[0].ci };
}
