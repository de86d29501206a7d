/** Monthly acquisition cohorts: share of each cohort still ordering, and its revenue, by months since the first order. */
import type { AnalysisContext } from '../context';
import { firstPurchases } from '../customerScoring/index';
import type { CohortResult } from './types';
import type { Maybe } from '../types';

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const monthLabel = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
const mi = (d: string) => `(year(${d}) * 12 + month(${d}) - 1)`;

export async function computeCohorts(ctx: AnalysisContext): Promise<Maybe<CohortResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const days = await ctx.customerDays();
	const first = await firstPurchases(ctx);
	// Cohort sizes count the whole cohort, so a share is the same number with or without a date filter.
	const sizes = await ctx.engine.query<{ ci: number; customers: number }>(`SELECT ${mi('first_date')} AS ci, count(*) AS customers FROM ${first} GROUP BY ci ORDER BY ci`);
	const cells = await ctx.engine.query<{ ci: number; since: number; active: number; revenue: number }>(
		`WITH monthly AS (
			SELECT customer_id, ${mi('order_date')} AS m, bool_or(purchase) AS active, sum(revenue) AS revenue FROM ${days} GROUP BY customer_id, m
		)
		SELECT ${mi('first_date')} AS ci, m - ${mi('first_date')} AS since, count(*) FILTER (WHERE active) AS active, sum(revenue) AS revenue
		FROM monthly JOIN ${first} USING (customer_id) WHERE m >= ${mi('first_date')} GROUP BY ALL`
	);
	const key = (ci: number, s: number) => `${ci}:${s}`;
	const byCell = new Map(cells.map((c) => [key(c.ci, c.since), c]));
	// Cohorts with a customer ordering in the filtered period, each over the months of that period.
	const shown = sizes.filter(({ ci }) => cells.some((c) => c.ci === ci && c.active > 0));
	if (shown.length === 0) return { available: false, reason: 'no customer has a non-cancelled order' };
	const last = monthIndex(ctx.lastDate!);
	const from = ctx.params.filters.dateFrom ? monthIndex(ctx.params.filters.dateFrom) : -Infinity;
	const cohorts = shown.map(({ ci, customers }) => {
		const start = Math.max(ci, from);
		return {
			cohort: monthLabel(ci),
			customers,
			cells: Array.from({ length: last - start + 1 }, (_, k) => {
				const s = start - ci + k;
				const c = byCell.get(key(ci, s));
				return { monthsSince: s, activeCustomers: c?.active ?? 0, share: (c?.active ?? 0) / customers, revenue: c?.revenue ?? 0 };
			})
		};
	});
	return { available: true, cohorts, maxMonthsSince: last - shown[0].ci };
}
