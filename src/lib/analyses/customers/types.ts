/** One row of the per-customer table, and how the drill-down pages it. */
import { quoteIdent } from '../../sql';
import type { ChurnRisk, CltvSegment } from '../customerScoring/types';
import type { FeedbackBand } from '../feedback/types';

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
	/** Feedback (null without a rating column): rated orders, their mean, the latest rating, the band of the mean. */
	ratings: number | null;
	avg_rating: number | null;
	last_rating: number | null;
	feedback_band: FeedbackBand | null;
	/** A lapsing RFM segment with an unhappy average rating (the feedback panel's "Discontent"). */
	discontent: boolean;
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
	'predicted_clv',
	'ratings',
	'avg_rating',
	'last_rating',
	'feedback_band',
	'discontent'
] as const satisfies readonly (keyof CustomerRow)[];

/** The columns of {@link CUSTOMER_COLUMNS} that only mean something when the data has ratings. */
export const CUSTOMER_FEEDBACK_COLUMNS: readonly (typeof CUSTOMER_COLUMNS)[number][] = ['ratings', 'avg_rating', 'last_rating', 'feedback_band', 'discontent'];

export interface CustomerFilter {
	segment?: string | null;
	churnRisk?: ChurnRisk | null;
	cltvSegment?: CltvSegment | null;
	/** `YYYY-MM`: month of the customer's first non-cancelled order. */
	cohort?: string | null;
	/** Discontent customers: of one lapsing RFM segment, or of all of them (`'all'`). */
	discontent?: string | null;
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
	/** The feedback columns carry values (a rating is mapped). */
	feedback: boolean;
}

/**
 * One column of the full customer export ("Download all customers", `--customers`): its header and
 * its SQL over the per-customer table. A list, so another slice can append its own columns.
 */
export interface CustomerExportColumn {
	name: string;
	sql: string;
}

/** Which optional columns the data carries (see `customerView`). */
export interface CustomerExportExtras {
	/** Customer attributes with values (age, gender, city…), in ingest's order. */
	attributes: readonly string[];
	/** A rating is mapped: `avg_rating, ratings, last_rating`. */
	feedback: boolean;
}

/**
 * The export's columns: every score the dashboard shows, named for a CRM (the horizon names the
 * prediction columns), then the feedback columns and the customer attributes when the data has them.
 * Dates are DATE (Parquet keeps the type; CSV writes `YYYY-MM-DD`).
 */
export function customerExportColumns(horizonMonths: number, extras: CustomerExportExtras = { attributes: [], feedback: false }): CustomerExportColumn[] {
	return [
		{ name: 'customer_id', sql: 'customer_id' },
		{ name: 'first_order_date', sql: 'CAST(first_date AS DATE)' },
		{ name: 'last_order_date', sql: 'CAST(last_date AS DATE)' },
		{ name: 'recency_days', sql: 'recency_days' },
		{ name: 'frequency', sql: 'frequency' },
		{ name: 'monetary', sql: 'monetary' },
		{ name: 'r_score', sql: 'r' },
		{ name: 'f_score', sql: 'f' },
		{ name: 'm_score', sql: 'm' },
		{ name: 'rfm_segment', sql: 'segment' },
		{ name: 'cltv_tier', sql: 'cltv_segment' },
		{ name: 'historical_profit', sql: 'cltv_profit' },
		{ name: 'churned', sql: 'churned' },
		{ name: 'risk_group', sql: 'churn_risk' },
		{ name: 'p_alive', sql: 'p_alive' },
		{ name: `expected_purchases_next_${horizonMonths}m`, sql: 'expected_purchases' },
		{ name: `predicted_clv_next_${horizonMonths}m`, sql: 'predicted_clv' },
		...(extras.feedback
			? [
					{ name: 'avg_rating', sql: 'avg_rating' },
					{ name: 'ratings', sql: 'ratings' },
					{ name: 'last_rating', sql: 'last_rating' }
				]
			: []),
		...extras.attributes.map((a) => ({ name: a, sql: quoteIdent(a) }))
	];
}
