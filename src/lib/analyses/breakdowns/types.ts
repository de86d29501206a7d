/** Result of a revenue breakdown by product, category, country or region. */

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
