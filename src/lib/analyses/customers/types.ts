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
