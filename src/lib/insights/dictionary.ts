/**
 * The data dictionary: every metric the app shows, defined in words, with the formula and the
 * parameters it depends on. The analyses in `src/lib/analyses/` compute exactly these definitions;
 * the RFM rules and the deal-size bands are generated from the same data the SQL is built from.
 */
import { CLV_DEFINITION, MIN_DROPOUT_SHARE } from '../models/clv/index';
import { MANN_KENDALL_MIN_N } from '../models/trend/index';
import {
	AGE_BANDS,
	DEAL_BANDS,
	FIT_SAMPLE_CUSTOMERS,
	LAPSING_SEGMENTS,
	MIN_GROUP,
	RATING_SCALES,
	HOLDOUT_SHARE,
	MAD_SCALE,
	MAU_WINDOW_DAYS,
	MAX_SERIES_POINTS,
	MEANAD_SCALE,
	MONTHLY_MIN_MONTHS,
	OVERLAYS,
	P_ALIVE_RISK_THRESHOLDS,
	SIMPLE_GRID,
	SIMPLE_SEGMENTS,
	STANDARD_GRID,
	STANDARD_SEGMENTS,
	TOP,
	WEEKS_PER_MONTH,
	Z_THRESHOLD,
	segmentRules
} from '../analyses/index';

export interface DictionaryEntry {
	id: string;
	term: string;
	definition: string;
	formula?: string;
	/** Names of `AnalysisParams` fields the value depends on. */
	parameters?: string[];
}

const rules = (grid: readonly (readonly string[])[], order: readonly string[]) =>
	segmentRules(grid, order)
		.map((r) => `${r.segment}: ${r.rule}`)
		.join('. ');

/** Segment rules as data, for display next to the segment table. */
export const RFM_SEGMENT_RULES = {
	standard: segmentRules(STANDARD_GRID, STANDARD_SEGMENTS),
	simple: segmentRules(SIMPLE_GRID, SIMPLE_SEGMENTS),
	overlays: OVERLAYS.map((o) => ({ overlay: o.overlay, rule: o.rule }))
};

export const DICTIONARY: DictionaryEntry[] = [
	// ── Basics
	{
		id: 'as-of-date',
		term: 'As-of date',
		definition:
			'As-of date: a parameter; default the day after the last order date in the data. ' +
			'"The data" is the filtered scope. Customer measures (RFM, historical CLTV, churn, predictive CLV) use only orders dated before the as-of date.',
		parameters: ['asOf', 'filters']
	},
	{
		id: 'filters',
		term: 'Filters (scope)',
		definition:
			'Every analysis reads the filtered scope of the order lines: order date within the date range (both ends included), and country, category and status in the chosen lists (an empty list means no filter). ' +
			'Which optional columns an analysis can use is decided on this scope: a column with no value in scope counts as missing.',
		parameters: ['filters']
	},
	{
		id: 'line-revenue',
		term: 'Order line revenue',
		definition: 'Order line revenue: the mapped revenue column, else quantity × unit price.',
		formula: 'revenue = mapped revenue, else quantity × unit_price'
	},
	{
		id: 'net-revenue',
		term: 'Net revenue',
		definition:
			'Net revenue = sum over the lines that count as sales: every line except the non-negative lines of a cancelled order (an order cancelled by its status never had its positive amounts reversed, so they are left out). ' +
			'Returns, C-prefix cancellation lines and other negative lines are included: they reverse earlier sales. Every money and units figure (gross sales, units, trend, forecast, breakdowns, RFM monetary, CLTV, CLV) counts the same lines.',
		formula: 'Σ revenue over lines where is_return or not is_cancelled',
		parameters: ['filters']
	},
	{
		id: 'gross-sales',
		term: 'Gross sales',
		definition: 'Gross sales = sum over positive lines, leaving out the lines of cancelled orders.',
		formula: 'Σ revenue over lines with revenue > 0 and not is_cancelled',
		parameters: ['filters']
	},
	{
		id: 'returned-value',
		term: 'Returned value',
		definition: 'Returned value = minus the sum over negative lines.',
		formula: '− Σ revenue over lines with revenue < 0',
		parameters: ['filters']
	},
	{
		id: 'cancellation',
		term: 'Cancellation',
		definition:
			'A cancellation is an order whose id follows the C prefix convention (e.g. C536379), whose status is a cancelled status, or whose lines are all negative (`is_cancelled`). ' +
			'A return line is any line with negative quantity or revenue. Returns and cancellations are never dropped from the data: negative lines count in net revenue and returned value, ' +
			'the non-negative lines of a cancelled order are left out of every money and units figure (the data-quality panel says how many orders and what value) but keep their value in the order-status breakdown; ' +
			'cancellations do not count as orders, and a customer whose only orders are cancellations is left out of the customer analyses (RFM, CLTV, churn, predictive CLV, cohorts) and counted separately.'
	},
	{
		id: 'orders',
		term: 'Orders',
		definition:
			'Orders = distinct order ids that are not cancellations (a cancellation: id with the `C` prefix convention, a cancelled status, or all lines negative — i.e. `is_cancelled`).',
		formula: 'count(DISTINCT order_id) over lines where not is_cancelled',
		parameters: ['filters']
	},
	{
		id: 'aov',
		term: 'Average order value (AOV)',
		definition: 'AOV = sum of revenue of those orders / their count.',
		formula: 'Σ revenue of non-cancelled orders / number of non-cancelled orders',
		parameters: ['filters']
	},
	{
		id: 'units',
		term: 'Units',
		definition: 'Units = sum of positive quantities on the lines counted in net revenue (a cancelled order adds no units).',
		formula: 'Σ quantity over lines with quantity > 0 where is_return or not is_cancelled',
		parameters: ['filters']
	},
	{
		id: 'customers',
		term: 'Customers',
		definition: 'Customers = distinct non-null customer ids.',
		formula: 'count(DISTINCT customer_id)',
		parameters: ['filters']
	},
	{
		id: 'products',
		term: 'Products',
		definition: 'Products = distinct non-null products.',
		formula: 'count(DISTINCT product)',
		parameters: ['filters']
	},

	// ── RFM
	{
		id: 'rfm',
		term: 'Recency, frequency, monetary (RFM)',
		definition:
			"RFM (per customer with an id): recency = days from the customer's last non-cancelled order date to the as-of date; frequency = number of their distinct non-cancelled orders; monetary = their net revenue. " +
			'Only orders dated before the as-of date count. Customers whose only orders are cancellations are excluded from RFM (the result reports how many, and their net revenue).',
		formula: 'recency = as-of − last non-cancelled order date (days); frequency = count(DISTINCT non-cancelled order_id); monetary = Σ revenue of their lines counted in net revenue',
		parameters: ['asOf', 'filters']
	},
	{
		id: 'rfm-scores',
		term: 'R, F and M scores',
		definition:
			'Scores 1–5 (rfmBins) by quintiles of the customer distribution, higher is better (recent = high R), equal values always get equal scores. ' +
			'Each customer is ranked among all scored customers (ties share the lowest rank; recency is ranked from the longest ago to the most recent, so recent customers get high R); ' +
			'the percent rank p = (rank − 1) / (N − 1) (0 when N = 1) gives score = 1 + ⌊bins × p⌋, capped at bins. Monetary values are compared rounded to 6 decimals.',
		formula: 'score = min(bins, 1 + ⌊bins × (rank − 1) / (N − 1)⌋)',
		parameters: ['rfmBins', 'asOf', 'filters']
	},
	{
		id: 'rfm-fm-score',
		term: 'FM score',
		definition:
			'FM = round of (F + M) / 2, halves rounded up, with F and M on the 5-level scale. Segments always use 5-level R, F and M scores, whatever the number of bins shown.',
		formula: 'FM = ⌊(F5 + M5 + 1) / 2⌋'
	},
	{
		id: 'rfm-segments-standard',
		term: 'RFM segments (standard scheme)',
		definition:
			'The standard 11-segment map on the R score × FM score (every customer lands in exactly one segment): ' +
			rules(STANDARD_GRID, STANDARD_SEGMENTS) +
			'.',
		parameters: ['rfmScheme']
	},
	{
		id: 'rfm-overlays',
		term: 'RFM value overlays',
		definition:
			'An extra label beside the standard segment, the first rule that matches: ' +
			OVERLAYS.map((o) => `${o.overlay} (${o.rule})`).join('; ') +
			' — on 5-level scores. Customers matching none have no overlay.',
		parameters: ['rfmScheme']
	},
	{
		id: 'rfm-segments-simple',
		term: 'RFM segments (simple scheme)',
		definition: 'The simple 5-segment scheme on the R score × FM score: ' + rules(SIMPLE_GRID, SIMPLE_SEGMENTS) + '.',
		parameters: ['rfmScheme']
	},
	{
		id: 'rfm-grid',
		term: 'Recency × frequency grid',
		definition:
			'For the scatter of recency against frequency, customers are counted in bins: recency in about 30 equal-width bins of whole days, frequency in bins 1, 2, 3, 4, 5, 6–7, 8–10, 11–15, 16–20, 21–30, 31–50, 51–100, 101–200, 201–500, 501–1000, 1001 and more; each cell shows the customers and their mean monetary value.'
	},

	// ── CLTV
	{
		id: 'cltv',
		term: 'Historical customer lifetime value (CLTV)',
		definition:
			'Historical CLTV: revenue = net revenue; profit = revenue − cost when a cost column exists, else revenue × margin (parameter, default 0.3, returned in the result so the screen can state it); tertile segments Low/Medium/High by the 33rd/66th percentiles of profit. ' +
			"With a cost column, lines without a cost are valued at revenue × margin. Per customer, over the customer's orders before the as-of date.",
		formula: 'profit = Σ revenue − Σ cost (lines with a cost) + margin × Σ revenue (lines without), or margin × Σ revenue without a cost column',
		parameters: ['margin', 'asOf', 'filters']
	},
	{
		id: 'cltv-tertiles',
		term: 'CLTV segments (tertiles)',
		definition:
			'Tertile segments Low/Medium/High by the 33rd/66th percentiles of profit (P33, P66 of the customer profits): Low when profit ≤ P33, Medium when P33 < profit ≤ P66, High when profit > P66. ' +
			'Percentiles interpolate linearly between the ordered customer profits (rounded to 6 decimals), so equal profits always share a segment.',
		formula: 'P_q = value at position q × (N − 1) of the sorted profits, interpolated',
		parameters: ['margin', 'asOf', 'filters']
	},

	// ── Churn
	{
		id: 'churn',
		term: 'Churn and churn risk',
		definition:
			'Churn: churned = recency > churn window (default 90 days); among the rest, risk groups Low (recency ≤ window/3 and more than one order), Medium (recency ≤ 2·window/3, or one order only: a single recent order does not show that a customer stays), High (otherwise). Churn rate = churned / customers. ' +
			'Customers are the RFM customers.',
		formula: 'churn rate = customers with recency > window / customers',
		parameters: ['churnDays', 'asOf', 'filters']
	},
	{
		id: 'p-alive-risk',
		term: 'P(alive) risk',
		definition: `Beside the recency rule, a risk from the purchase model's probability that the customer is still active: High when P(alive) < ${P_ALIVE_RISK_THRESHOLDS.high}, Medium when P(alive) < ${P_ALIVE_RISK_THRESHOLDS.medium}, Low otherwise. BG/NBD gives every one-time buyer P(alive) = 1 however long ago they bought, so a one-time buyer's risk is read from the Pareto/NBD fit, in which customers can drop out at any time; when that fit sees almost no one drop out (fewer than ${MIN_DROPOUT_SHARE * 100} % of customers within the data's span), one-time buyers are Medium. Shown only when the predictive model fits.`,
		parameters: ['asOf', 'clvTimeUnit', 'clvModel', 'filters']
	},

	// ── Engagement
	{
		id: 'dau',
		term: 'Daily active customers (DAU)',
		definition:
			'DAU(d) = distinct customers with an order on day d, for every calendar day from first to last order date (days without orders count as 0). ' +
			'An order here is a non-cancelled order of a customer with an id.',
		parameters: ['filters']
	},
	{
		id: 'mau',
		term: 'Monthly active customers (MAU)',
		definition: `MAU(d) = distinct customers with an order in the ${MAU_WINDOW_DAYS} days ending d (d − ${MAU_WINDOW_DAYS - 1} … d).`,
		parameters: ['filters']
	},
	{
		id: 'stickiness',
		term: 'Stickiness',
		definition:
			'Averages over the period (every calendar day from the first to the last order date); stickiness = average DAU / average MAU, and the daily series DAU/MAU. ' +
			`A day whose ${MAU_WINDOW_DAYS}-day window starts before the first order date (the first ${MAU_WINDOW_DAYS - 1} days) has an incomplete MAU, since nothing before the data is known: average MAU and stickiness are taken over the complete days only (first order date + ${MAU_WINDOW_DAYS - 1} to the last order date; both averages over the same days), and the charts shade the incomplete days. Average DAU is over every day. With fewer than ${MAU_WINDOW_DAYS} days there is no average MAU and no stickiness. ` +
			`The daily series is shown in full up to ${MAX_SERIES_POINTS} days; longer periods are averaged into equal buckets of days (the result says so).`,
		formula: 'stickiness = mean(DAU) / mean(MAU), over the days d ≥ first order date + 29',
		parameters: ['filters']
	},

	// ── Cohorts
	{
		id: 'cohorts',
		term: 'Cohorts',
		definition:
			'Cohorts: customers by month of first order × months since: share still ordering (customers with a non-cancelled order in that month / cohort size), and revenue. ' +
			"The first order is the customer's first non-cancelled order in the whole history: a date filter never moves a customer into a later cohort (the country, category and status filters still apply), and the cohort size counts every customer acquired that month. " +
			'Under a date filter only the months inside it are shown, only cohorts with an order inside it are listed, and the first month of the filter counts from its start date. ' +
			"Revenue is the net revenue of the cohort's customers in that month.",
		formula: 'share(c, k) = customers of cohort c with a non-cancelled order in month c + k / size of c',
		parameters: ['filters']
	},

	// ── Sales trend and forecast
	{
		id: 'sales-trend',
		term: 'Sales trend',
		definition:
			'Sales trend: monthly net revenue, orders, customers; peak and lowest month; compound monthly growth; month-of-year seasonality index (mean revenue of that calendar month over complete months / mean over all complete months); ' +
			"a partial last month (the last order date is before the month's last day, i.e. the data stops mid-month) is marked as partial, never compared as if complete (excluded from peak/lowest/growth/seasonality); the same for a partial first month. " +
			'Monthly customers are distinct customers with a non-cancelled order in the month. ' +
			'Growth headline: the compound monthly growth rate between the first and the last complete month, (last / first)^(1 / months between) − 1 (shown when both months have positive revenue), and, with 24 or more complete months, the net revenue of the last 12 complete months against the 12 before, minus 1. ' +
			'The data table also gives the average month-over-month growth, the arithmetic mean of (revenue / previous month revenue − 1) over pairs of consecutive complete months whose earlier month has positive revenue, for comparison only: one volatile month can dominate it. ' +
			`Revenue is said to have grown or fallen only when a Mann–Kendall trend test on the complete months' revenue rejects "no trend" at the two-sided 5 % level (|z| > 1.96, normal approximation with tie correction and continuity correction; at least ${MANN_KENDALL_MIN_N} complete months, fewer can never reach it); otherwise the summary says there is no clear trend. ` +
			'The test is rank-based, so a single extreme month cannot decide it; it assumes independent months, so strong seasonality or autocorrelation can make it call a trend too readily.',
		parameters: ['filters']
	},
	{
		id: 'forecast',
		term: 'Revenue forecast',
		definition:
			`Forecast of net revenue from the sales history: monthly (seasonal period 12, horizon = the forecast horizon in months) when there are at least ${MONTHLY_MIN_MONTHS} complete months, otherwise weekly (Monday–Sunday weeks, seasonal period 52, horizon ≈ months × ${WEEKS_PER_MONTH} weeks, at most 36). ` +
			'A partial first period is dropped and a partial last period is left out of fitting. The method (exponential smoothing, Theta or their combination) is chosen automatically and scored by a rolling-origin backtest; intervals are 80 % and 95 %. ' +
			'The charts draw the y axis over zero, the history and the point forecast plus a quarter of that range; a band reaching beyond it is clipped at the edge and the caption says where (the table and tooltips keep the full intervals).',
		parameters: ['forecastHorizon', 'filters']
	},

	// ── Predictive CLV
	{
		id: 'clv-inputs',
		term: 'Predictive CLV inputs',
		definition:
			'Per customer, over non-cancelled orders before the as-of date: frequency x = repeat purchase days (distinct order days − 1), recency t_x = days between first and last purchase day, T = days from first purchase to the last day before the as-of date (the observation end is inclusive, as in lifetimes, BTYD and CLVTools), ' +
			'monetary = mean revenue per repeat purchase day (lifetimes convention: exclude the first purchase). Times are in days, or weeks (days / 7) when the time unit is weeks.',
		parameters: ['asOf', 'clvTimeUnit', 'filters']
	},
	{
		id: 'p-alive',
		term: 'P(alive)',
		definition:
			'The probability that the customer has not dropped out by the as-of date, given x, t_x and T, from the purchase model in use (BG/NBD or Pareto/NBD). ' +
			'BG/NBD gives customers without a repeat purchase P(alive) = 1; Pareto/NBD lets it fall as time passes since their one purchase.',
		parameters: ['asOf', 'clvTimeUnit', 'clvModel', 'filters']
	},
	{
		id: 'expected-purchases',
		term: 'Expected purchases',
		definition: 'Expected purchases in the next CLV horizon (months of 365.25/12 days), from the purchase model in use (BG/NBD or Pareto/NBD), already multiplied by P(alive).',
		parameters: ['clvMonths', 'asOf', 'clvTimeUnit', 'clvModel', 'filters']
	},
	{
		id: 'expected-aov',
		term: 'Expected order value',
		definition:
			"The Gamma-Gamma model's expected value of a future purchase day: a blend of the customer's mean repeat purchase value and the mean over all customers. " +
			'The spend model is fitted on customers with at least one repeat purchase and a positive mean; customers without (or with a mean ≤ 0) get the population mean.',
		parameters: ['asOf', 'filters']
	},
	{
		id: 'predictive-clv',
		term: 'Predicted CLV',
		definition: CLV_DEFINITION + ' The margin is the margin parameter.',
		parameters: ['margin', 'clvMonths', 'monthlyDiscount', 'asOf', 'clvTimeUnit', 'clvModel', 'filters']
	},
	{
		id: 'purchase-model',
		term: 'Purchase model (BG/NBD or Pareto/NBD)',
		definition:
			`Both models are fitted by maximum likelihood on every customer; above ${FIT_SAMPLE_CUSTOMERS.toLocaleString('en-GB')} customers, on a random sample of that many (the same on every run: the first by an MD5 hash of the customer id), and the predictions still cover every customer. ` +
			'Unless the settings fix one, both are refitted on the calibration period of the holdout check below, and the one whose predicted purchases in the held-out period are closer to the actual ones (lower root-mean-square error per customer) is used; an exact tie keeps BG/NBD. ' +
			'The panel says which model was used and why.',
		parameters: ['clvModel', 'asOf', 'clvTimeUnit', 'filters']
	},
	{
		id: 'clv-holdout',
		term: 'Holdout check of the purchase model',
		definition: `The purchase model is refitted on data before the as-of date minus ${HOLDOUT_SHARE * 100} % of the history (first purchase → as-of), and for customers grouped by their repeat purchases in that calibration period (0, 1, …, 7+) the mean number of purchase days it predicts in the held-out period is compared with the mean actually made.`,
		parameters: ['asOf', 'clvTimeUnit', 'filters']
	},

	// ── Unusual days
	{
		id: 'unusual-days',
		term: 'Unusual days',
		definition:
			`Days whose revenue is an outlier by a robust method: remove weekday effects (revenue / median revenue of that weekday), then flag days whose robust z-score |x − median| / (${MAD_SCALE}·MAD) > ${Z_THRESHOLD}. ` +
			'x is the day\'s net revenue divided by the median net revenue of the same weekday, over every calendar day from the first to the last order date (days without orders count as 0); median and MAD (median absolute deviation) are taken over the x of all scored days. ' +
			'Weekdays whose median revenue is not positive (e.g. a day the business is closed) are not scored. ' +
			`If the MAD is 0, ${MEANAD_SCALE} × the mean absolute deviation is used instead. Expected revenue = weekday median × median(x); deviation = revenue / expected − 1.`,
		formula: `z = (x − median(x)) / (${MAD_SCALE} × median(|x − median(x)|)); unusual when |z| > ${Z_THRESHOLD}`,
		parameters: ['filters']
	},

	// ── Breakdowns
	{
		id: 'breakdowns',
		term: 'Top products, categories, countries, regions',
		definition:
			`Net revenue, lines, units (positive quantities) and orders (distinct non-cancelled orders containing the value) per value, ranked by net revenue: the top ${TOP.product} products and ${TOP.category} categories, the top ${TOP.country} countries and ${TOP.region} regions, ` +
			'then one "Other" row summing the rest, and a "(not given)" row for lines without a value. Share = revenue / net revenue in scope.',
		parameters: ['filters']
	},
	{
		id: 'deal-size',
		term: 'Deal size',
		definition:
			'With a deal-size column: lines, orders and net revenue per deal size as given. ' +
			`Without one, non-cancelled orders are banded by their net value relative to the median order value (so the bands work in any currency): Small below ${DEAL_BANDS.smallBelow} × the median, Medium from ${DEAL_BANDS.smallBelow} × to ${DEAL_BANDS.largeAbove} × the median, Large above ${DEAL_BANDS.largeAbove} × the median.`,
		parameters: ['filters']
	},
	{
		id: 'order-status',
		term: 'Order status distribution',
		definition: 'Per status: order lines, distinct order ids (cancelled orders included) and value: net revenue, plus for cancelled orders the value left out of net revenue.',
		parameters: ['filters']
	},
	{
		id: 'demographics',
		term: 'Demographic profiles',
		definition:
			`For customers with attributes and a non-cancelled order in scope, per age band (${AGE_BANDS.join(', ')}), gender, city (top 10 by revenue + Other) and acquisition channel: customers, orders, AOV (revenue of their non-cancelled orders / orders), ` +
			'net revenue, revenue share (of the net revenue of all these customers) and the top 3 products by net revenue.',
		parameters: ['filters']
	},

	// ── Customer feedback
	{
		id: 'average-rating',
		term: 'Average rating',
		definition:
			"Mean over the orders that carry a rating; an order's rating counts once even when it sits on every line (an order's rating is the mean of its rated lines). " +
			`The scale is read from the smallest and largest rating: up to 5 → 1–5 stars; up to 10 → 0–10 (NPS) when a 0 occurs, else 1–10; up to 100 → 0–100. ` +
			"The monthly average groups orders by review date, else order date. A customer's feedback is the mean of their order ratings, and their last rating.",
		formula: 'avg rating = Σ order ratings / rated orders',
		parameters: ['filters']
	},
	{
		id: 'nps',
		term: 'Net Promoter Score (NPS)',
		definition: 'On a 0–10 scale only: the share of rated orders from promoters (9–10) minus the share from detractors (0–6), in points from −100 to 100; passives (7–8) count in the total only.',
		formula: 'NPS = 100 × (promoters − detractors) / answers',
		parameters: ['filters']
	},
	{
		id: 'unhappy-customer',
		term: 'Feedback bands (unhappy, neutral, happy)',
		definition:
			"From a customer's average rating: " +
			Object.values(RATING_SCALES)
				.map((x) => `${x.id}: unhappy ≤ ${x.unhappyAtMost}, happy ≥ ${x.happyAtLeast}`)
				.join('; ') +
			". Churn rate per band = churned customers / customers (the churn definition), with a 95 % Wilson score interval. Unhappy customers are said to churn more (or less) only when a two-proportion z-test against all other rated customers is significant at 5 % and both groups have at least " +
			`${MIN_GROUP} customers; otherwise the data cannot tell. Revenue from unhappy customers = their net revenue / net revenue of all scored customers.`,
		parameters: ['filters', 'asOf', 'churnDays']
	},
	{
		id: 'discontent',
		term: 'Discontent At Risk',
		definition: `Behaviour × feedback: customers in a lapsing RFM segment (${LAPSING_SEGMENTS.join(', ')}) whose average rating is unhappy. Address the complaint before any win-back offer.`,
		parameters: ['filters', 'asOf', 'rfmBins', 'rfmScheme']
	},

	// ── Per-customer table
	{
		id: 'customer-table',
		term: 'Per-customer table',
		definition:
			'One row per RFM customer: customer_id, recency_days, frequency, monetary, r, f, m, segment, cltv_revenue, cltv_profit, cltv_segment, churned, churn_risk, p_alive, expected_purchases, expected_aov, predicted_clv. ' +
			'The model columns are empty when the predictive model is refused (and expected_aov, predicted_clv when only the spend model is refused).'
	}
];

export function dictionaryEntry(id: string): DictionaryEntry | undefined {
	return DICTIONARY.find((e) => e.id === id);
}
