/** One row of the per-customer table, and how the drill-down pages it. */
import type { ChurnRisk, CltvSegment } from '../customerScoring/types';

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

/**
 * One column of the full customer export ("Download all customers", `--customers`): its header and
 * its SQL over the per-customer table. A list, so another slice can append its own columns.
 */
export interface CustomerExportColumn {
	name: string;
	sql: string;
}

/** The export's columns: every score the dashboard shows, named for a CRM; the horizon names the prediction columns. */
export function customerExportColumns(horizonMonths: number): CustomerExportColumn[] {
	return [
		{ name: 'customer_id', sql: 'customer_id' },
		{ name: 'first_order_date', sql: "strftime(first_date, '%Y-%m-%d')" },
		{ name: 'last_order_date', sql: "strftime(last_date, '%Y-%m-%d')" },
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
		{ name: `predicted_clv_next_${horizonMonths}m`, sql: 'predicted_clv' }
	];
}
