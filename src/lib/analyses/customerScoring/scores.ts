/**
 * The shared customer scoring: one row per customer with RFM scores and segment, historical CLTV
 * and its tier, and the churn flag and risk group. RFM, CLTV, churn, CLV and the customer list all
 * read this one table, so "churned" or "High value" means the same everywhere. Built once per run.
 */
import type { AnalysisContext } from '../context';
import { firstPurchases } from './first-purchases';
import { SIMPLE_GRID, STANDARD_GRID, overlayCaseSql, segmentCaseSql } from './segments';

/**
 * Per customer with an id, over orders dated before the as-of date. `frequency` = 0 marks a
 * customer whose only orders are cancellations.
 */
export function customerBase(ctx: AnalysisContext): Promise<string> {
	return ctx.cached('customerBase', async () => {
		const orders = await ctx.orders();
		const profit = ctx.has('cost')
			? `sum(revenue) - sum(coalesce(cost, 0)) - sum(revenue_without_cost) * (1 - ${ctx.params.margin})`
			: `sum(revenue) * ${ctx.params.margin}`;
		return ctx.temp(
			'customer_base',
			`SELECT customer_id,
				count(DISTINCT order_id) FILTER (WHERE NOT cancelled) AS frequency,
				min(order_date) FILTER (WHERE NOT cancelled) AS first_date,
				max(order_date) FILTER (WHERE NOT cancelled) AS last_date,
				sum(revenue) AS monetary,
				${profit} AS profit,
				${ctx.has('cost') ? 'sum(lines - n_cost)' : '0'} AS lines_without_cost
			FROM ${orders}
			WHERE customer_id IS NOT NULL AND order_date < ${ctx.asOfSql}
			GROUP BY customer_id`
		);
	});
}

/**
 * The scored per-customer table (RFM, historical CLTV, churn), one row per customer with a
 * non-cancelled order before the as-of date. Model columns are joined on by the customer list (`customers/view.ts`).
 */
export function customerScores(ctx: AnalysisContext): Promise<string> {
	return ctx.cached('customerScores', async () => {
		const base = await customerBase(ctx);
		const acquired = await firstPurchases(ctx);
		const bins = ctx.params.rfmBins;
		const w = ctx.params.churnDays;
		// Percent rank p = (rank − 1)/(n − 1), ties sharing the lowest rank; score = 1 + ⌊bins·p⌋ capped
		// at bins, in integer arithmetic so no rounding can move a customer across a boundary.
		const score = (rank: string, k: number) => `CASE WHEN n = 1 THEN 1 ELSE least(${k}, 1 + ((${rank} - 1) * ${k}) // (n - 1)) END`;
		const grid = ctx.params.rfmScheme === 'simple' ? SIMPLE_GRID : STANDARD_GRID;
		const overlay = ctx.params.rfmScheme === 'simple' ? 'NULL' : overlayCaseSql();
		return ctx.temp(
			'customers',
			`WITH b AS (
				SELECT customer_id, date_diff('day', last_date, ${ctx.asOfSql}) AS recency_days, frequency, monetary,
					profit, lines_without_cost, first_date, last_date
				FROM ${base} WHERE frequency > 0
			), ranked AS (
				SELECT *,
					rank() OVER (ORDER BY recency_days DESC) AS rr,
					rank() OVER (ORDER BY frequency) AS fr,
					rank() OVER (ORDER BY round(monetary, 6)) AS mr
				FROM b
			), counted AS (
				SELECT ranked.*, c.n FROM ranked, (SELECT count(*) AS n FROM b) c
			), scored AS (
				SELECT *,
					${score('rr', bins)} AS r, ${score('fr', bins)} AS f, ${score('mr', bins)} AS m,
					${score('rr', 5)} AS r5, ${score('fr', 5)} AS f5, ${score('mr', 5)} AS m5
				FROM counted
			), q AS (
				SELECT qs[1] AS p33, qs[2] AS p66 FROM (SELECT quantile_cont(round(profit, 6), [0.33, 0.66]) AS qs FROM b)
			)
			SELECT customer_id, recency_days, frequency, monetary, r, f, m, r5, f5, m5, (f5 + m5 + 1) // 2 AS fm5,
				${segmentCaseSql(grid)} AS segment,
				${overlay} AS overlay,
				monetary AS cltv_revenue, profit AS cltv_profit,
				CASE WHEN round(profit, 6) <= p33 THEN 'Low' WHEN round(profit, 6) <= p66 THEN 'Medium' ELSE 'High' END AS cltv_segment,
				recency_days > ${w} AS churned,
				-- One recent order says nothing yet about whether the customer stays: never Low risk.
				CASE WHEN recency_days > ${w} THEN 'Churned' WHEN recency_days <= ${w} / 3.0 AND frequency > 1 THEN 'Low'
					WHEN recency_days <= 2 * ${w} / 3.0 THEN 'Medium' ELSE 'High' END AS churn_risk,
				-- The cohort is the month of acquisition over the whole history, as in the cohorts panel, so a
				-- date filter never moves a customer to another cohort.
				(SELECT strftime(a.first_date, '%Y-%m') FROM ${acquired} a WHERE a.customer_id = scored.customer_id) AS cohort,
				first_date, last_date, lines_without_cost, p33, p66
			FROM scored, q`
		);
	});
}
