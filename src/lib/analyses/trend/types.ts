/** Result of the monthly sales trend (with the seasonality index). */

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
