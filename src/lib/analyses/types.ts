/**
 * Result types of every analysis. Plain, serialisable objects (numbers, strings, booleans, null,
 * arrays, objects): the same object feeds the UI, the report and the command line's JSON.
 * Dates are `YYYY-MM-DD`, months `YYYY-MM`. Money is in the data's own currency.
 */
import type { AnalysisParams } from './params';
import type { HoldoutRow } from '../models/clv/index';
import type { ForecastResult } from '../models/forecast/types';

/** An analysis the data cannot support (a missing column, no customers…), with the reason in plain English. */
export interface Unavailable {
	available: false;
	reason: string;
}

/** Either the result or why it is not there. */
export type Maybe<T extends { available: true }> = T | Unavailable;

export interface Period {
	/** First and last order date in scope. */
	from: string;
	to: string;
	/** Calendar days from `from` to `to`, both included. */
	days: number;
}

// ───────────────────────────────────────── KPIs

export interface KpiResult {
	available: true;
	period: Period;
	asOf: string;
	/** Net revenue: all lines, returns and cancellations included (negative). */
	revenue: number;
	/** Sum over lines with positive revenue. */
	grossSales: number;
	/** Minus the sum over lines with negative revenue (a positive number). */
	returnedValue: number;
	/** Distinct order ids that are not cancellations. */
	orders: number;
	/** Revenue of those orders / their count; null when there are no orders. */
	aov: number | null;
	/** Distinct non-null customer ids; null when the data has no customer column. */
	customers: number | null;
	/** Sum of positive quantities; null when the data has no quantity column. */
	units: number | null;
	/** Distinct non-null products; null when the data has no product column. */
	products: number | null;
	lines: number;
	returnLines: number;
	cancelledOrders: number;
}

// ───────────────────────────────────────── Sales trend

export interface TrendMonth {
	/** `YYYY-MM`. */
	month: string;
	revenue: number;
	/** Distinct non-cancelled orders with a line dated in the month. */
	orders: number;
	/** Distinct customers with a non-cancelled order in the month; null without a customer column. */
	customers: number | null;
	/** The data starts after the first or stops before the last day of this month. */
	partial: boolean;
	/** Revenue / previous month's revenue − 1, only between two complete months (previous > 0); else null. */
	growth: number | null;
}

export interface TrendResult {
	available: true;
	months: TrendMonth[];
	partialFirst: boolean;
	partialLast: boolean;
	completeMonths: number;
	/** Over complete months only; null when there are none. */
	peak: { month: string; revenue: number } | null;
	lowest: { month: string; revenue: number } | null;
	/** Arithmetic mean of `growth` over consecutive complete months; null when there is no such pair. */
	averageGrowth: number | null;
	/** Calendar month 1–12: mean revenue of complete months of that calendar month / mean of all complete months. */
	seasonality: { month: number; index: number | null; completeMonths: number }[];
}

// ───────────────────────────────────────── Forecast

/** The model's result (minus the per-model components) plus what the chart needs to place it in time. */
export interface ForecastAnalysisResult extends Omit<ForecastResult, 'components'> {
	available: true;
	granularity: 'month' | 'week';
	/** Seasonal period handed to the model (12 monthly, 52 weekly). */
	period: number;
	/** The series the model saw, oldest first; `YYYY-MM` or the Monday `YYYY-MM-DD` of each week. */
	history: { label: string; value: number; partial: boolean }[];
	partialLast: boolean;
	horizon: number;
	/** Labels of the forecast periods. */
	labels: string[];
}

// ───────────────────────────────────────── RFM

export interface RfmSegmentRow {
	segment: string;
	customers: number;
	/** customers / all RFM customers. */
	share: number;
	avgRecency: number;
	avgFrequency: number;
	avgMonetary: number;
	/** Net revenue of the segment's customers. */
	revenue: number;
	/** revenue / net revenue of all RFM customers (null when that total is 0). */
	revenueShare: number | null;
}

export interface RfmHeatCell {
	r: number;
	f: number;
	customers: number;
	meanMonetary: number;
}

export interface RfmScatterCell {
	/** Recency bin [recencyFrom, recencyTo) in days. */
	recencyFrom: number;
	recencyTo: number;
	/** Frequency bin [frequencyFrom, frequencyTo] in orders (the open-ended last bin ends at its highest frequency). */
	frequencyFrom: number;
	frequencyTo: number;
	customers: number;
	meanMonetary: number;
}

export interface RfmResult {
	available: true;
	asOf: string;
	bins: number;
	scheme: 'standard' | 'simple';
	/** Customers scored: an id and at least one non-cancelled order before the as-of date. */
	customers: number;
	/** Customers whose only orders (before as-of) are cancellations: left out of RFM, CLTV, churn and CLV. */
	excludedCancelledOnly: { customers: number; revenue: number };
	segments: RfmSegmentRow[];
	/** Value overlays (standard scheme; null overlay = none). */
	overlays: { overlay: string; customers: number; share: number; revenue: number }[];
	heatmap: RfmHeatCell[];
	scatter: { recencyBinDays: number; cells: RfmScatterCell[] };
}

// ───────────────────────────────────────── Historical CLTV

export type CltvSegment = 'Low' | 'Medium' | 'High';

export interface CltvResult {
	available: true;
	/** `cost`: profit = revenue − cost column; `margin`: profit = revenue × margin. */
	profitBasis: 'cost' | 'margin';
	margin: number;
	/** With a cost column: lines without a cost, valued at revenue × margin. */
	linesWithoutCost: number;
	customers: number;
	revenue: number;
	profit: number;
	cutPoints: { p33: number; p66: number };
	segments: { segment: CltvSegment; customers: number; share: number; revenue: number; profit: number; avgProfit: number; profitShare: number | null }[];
	/** Ten most profitable customers. */
	top: { customerId: string; revenue: number; profit: number }[];
}

// ───────────────────────────────────────── Churn

export type ChurnRisk = 'Churned' | 'High' | 'Medium' | 'Low';
export type PAliveRisk = 'High' | 'Medium' | 'Low';

export interface ChurnResult {
	available: true;
	asOf: string;
	churnDays: number;
	customers: number;
	churned: number;
	churnRate: number;
	/** Recency limits (days) of the Low and Medium groups: ≤ window/3, ≤ 2·window/3. */
	thresholds: { low: number; medium: number };
	groups: { group: ChurnRisk; customers: number; share: number; revenue: number; avgRecency: number | null }[];
	/** BG/NBD P(alive) risk: High < 0.3 ≤ Medium < 0.7 ≤ Low; unavailable when the model is refused. */
	pAlive:
		| {
				available: true;
				thresholds: { high: number; medium: number };
				groups: { group: PAliveRisk; customers: number; share: number; meanPAlive: number | null }[];
				crossTab: { churnRisk: ChurnRisk; pAliveRisk: PAliveRisk; customers: number }[];
		  }
		| Unavailable;
}

// ───────────────────────────────────────── Engagement

export interface EngagementPoint {
	date: string;
	dau: number;
	mau: number;
	/** dau / mau; null when mau = 0. */
	ratio: number | null;
}

export interface EngagementResult {
	available: true;
	from: string;
	to: string;
	days: number;
	avgDau: number;
	avgMau: number;
	/** avgDau / avgMau; null when avgMau = 0. */
	stickiness: number | null;
	series: EngagementPoint[];
	/** True when the series was averaged into `step`-day buckets (more than 4,000 days). */
	downsampled: boolean;
	step: number;
}

// ───────────────────────────────────────── Cohorts

export interface CohortCell {
	monthsSince: number;
	/** Customers of the cohort with a non-cancelled order in that month. */
	activeCustomers: number;
	/** activeCustomers / cohort size. */
	share: number;
	/** Net revenue of the cohort's customers in that month. */
	revenue: number;
}

export interface CohortResult {
	available: true;
	cohorts: { cohort: string; customers: number; cells: CohortCell[] }[];
	maxMonthsSince: number;
}

// ───────────────────────────────────────── Predictive CLV

export interface ClvBgnbd {
	r: number;
	alpha: number;
	a: number;
	b: number;
	logLikelihood: number;
	timeUnit: 'day' | 'week';
}

export interface ClvSegmentRow {
	segment: string;
	customers: number;
	meanPAlive: number;
	/** Totals over the segment's customers; predictedClv null when the spend model is refused. */
	expectedPurchases: number;
	predictedClv: number | null;
}

export interface ClvResult {
	available: true;
	asOf: string;
	timeUnit: 'day' | 'week';
	horizonMonths: number;
	margin: number;
	monthlyDiscount: number;
	/** Customers summarised (same set as RFM). */
	customers: number;
	bgnbd: ClvBgnbd;
	/** Extra BG/NBD facts not in the `bgnbd` contract. */
	bgnbdFit: { customers: number; converged: boolean };
	/** Null when the spend model is refused (`gammaGammaRefusal` says why): CLV and expected AOV are then null. */
	gammaGamma: { p: number; q: number; v: number } | null;
	gammaGammaRefusal: string | null;
	/** Repeat customers whose mean repeat purchase value is ≤ 0: left out of the spend fit, given the population mean. */
	nonPositiveSpendCustomers: number;
	totals: { expectedPurchases: number; predictedClv: number | null; meanPAlive: number };
	segments: ClvSegmentRow[];
	/** Predicted CLV histogram: equal-width bins up to the 99th percentile, the last bin open-ended. */
	histogram: { from: number; to: number | null; customers: number }[];
	holdout:
		| { available: true; cutoff: string; calibrationLength: number; holdoutLength: number; customers: number; rows: HoldoutRow[] }
		| Unavailable;
	definition: string;
}

// ───────────────────────────────────────── Unusual days

export interface UnusualDay {
	date: string;
	/** ISO weekday 1 = Monday … 7 = Sunday. */
	weekday: number;
	revenue: number;
	expected: number;
	z: number;
	/** revenue / expected − 1 (null when expected is 0). */
	deviation: number | null;
	direction: 'high' | 'low';
}

export interface UnusualDaysResult {
	available: true;
	threshold: number;
	/** Days in the calendar from first to last order date. */
	days: number;
	/** Days scored (their weekday's median revenue is positive). */
	daysScored: number;
	weekdayMedians: { weekday: number; median: number }[];
	/** 'mad' normally; 'meanad' when the MAD is 0 (1.253314 × mean absolute deviation instead). */
	scale: 'mad' | 'meanad' | 'none';
	unusual: UnusualDay[];
}

// ───────────────────────────────────────── Breakdowns

export interface BreakdownRow {
	label: string;
	/** The "Other (n …)" row that sums everything below the top. */
	isOther: boolean;
	/** Lines without a value in this column. */
	isMissing: boolean;
	lines: number;
	/** Distinct non-cancelled orders. */
	orders: number;
	/** Sum of positive quantities; null without a quantity column. */
	units: number | null;
	revenue: number;
	/** revenue / net revenue in scope (null when that is 0). */
	share: number | null;
}

export interface BreakdownResult {
	available: true;
	dimension: 'product' | 'category' | 'country' | 'region';
	top: number;
	/** Distinct non-null values. */
	distinct: number;
	rows: BreakdownRow[];
}

export interface DealSizeResult {
	available: true;
	/** `column`: the data's deal-size column (per line); `bands`: order-value bands relative to the median order. */
	basis: 'column' | 'bands';
	/** For `bands`: the median net value of non-cancelled orders and the band limits. */
	bands: { medianOrderValue: number; smallBelow: number; largeAbove: number } | null;
	rows: { label: string; lines: number; orders: number; revenue: number; share: number | null }[];
}

export interface StatusResult {
	available: true;
	rows: { status: string; isMissing: boolean; lines: number; orders: number; revenue: number; share: number | null }[];
}

export interface DemographicRow {
	label: string;
	customers: number;
	orders: number;
	aov: number | null;
	revenue: number;
	revenueShare: number | null;
	topProducts: { product: string; revenue: number }[];
}

export interface DemographicsResult {
	available: true;
	/** Customers in scope with a row in `customers`. */
	customersMatched: number;
	dimensions: { dimension: 'age' | 'gender' | 'city' | 'channel'; rows: DemographicRow[] }[];
}

// ───────────────────────────────────────── Data quality

export interface DataQualityResult {
	available: true;
	lines: number;
	linesWithoutCustomer: number;
	returnLines: number;
	cancelledLines: number;
	cancelledOrders: number;
	linesWithoutProduct: number;
	zeroRevenueLines: number;
	firstDate: string | null;
	lastDate: string | null;
	/** Canonical columns and how many lines have a value. */
	columns: { field: string; nonNull: number }[];
	customersTable: boolean;
}

// ───────────────────────────────────────── Per-customer table

export interface CustomerRow {
	customer_id: string;
	recency_days: number;
	frequency: number;
	monetary: number;
	r: number;
	f: number;
	m: number;
	segment: string;
	cltv_revenue: number;
	cltv_profit: number;
	cltv_segment: CltvSegment;
	churned: boolean;
	churn_risk: ChurnRisk;
	p_alive: number | null;
	expected_purchases: number | null;
	expected_aov: number | null;
	predicted_clv: number | null;
}

export const CUSTOMER_COLUMNS = [
	'customer_id',
	'recency_days',
	'frequency',
	'monetary',
	'r',
	'f',
	'm',
	'segment',
	'cltv_revenue',
	'cltv_profit',
	'cltv_segment',
	'churned',
	'churn_risk',
	'p_alive',
	'expected_purchases',
	'expected_aov',
	'predicted_clv'
] as const satisfies readonly (keyof CustomerRow)[];

export interface CustomerFilter {
	segment?: string | null;
	churnRisk?: ChurnRisk | null;
	cltvSegment?: CltvSegment | null;
	/** `YYYY-MM`: month of the customer's first non-cancelled order. */
	cohort?: string | null;
	/** Substring of the customer id (case-insensitive). */
	search?: string | null;
}

export interface CustomerSort {
	column: keyof CustomerRow;
	direction: 'asc' | 'desc';
}

export interface CustomerPage {
	total: number;
	offset: number;
	rows: CustomerRow[];
	/** Why the model columns are null, when they are. */
	modelNote: string | null;
}

// ───────────────────────────────────────── All results

export interface AnalysisResults {
	/** The parameters used, with the as-of date resolved. */
	params: AnalysisParams;
	asOf: string | null;
	engine: string;
	kpis: Maybe<KpiResult>;
	trend: Maybe<TrendResult>;
	forecast: Maybe<ForecastAnalysisResult>;
	rfm: Maybe<RfmResult>;
	cltv: Maybe<CltvResult>;
	churn: Maybe<ChurnResult>;
	engagement: Maybe<EngagementResult>;
	cohorts: Maybe<CohortResult>;
	clv: Maybe<ClvResult>;
	unusualDays: Maybe<UnusualDaysResult>;
	products: Maybe<BreakdownResult>;
	categories: Maybe<BreakdownResult>;
	countries: Maybe<BreakdownResult>;
	regions: Maybe<BreakdownResult>;
	dealSize: Maybe<DealSizeResult>;
	status: Maybe<StatusResult>;
	demographics: Maybe<DemographicsResult>;
	dataQuality: Maybe<DataQualityResult>;
}

export type AnalysisName = Exclude<keyof AnalysisResults, 'params' | 'asOf' | 'engine'>;
