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
	/** Arithmetic mean of `growth` over consecutive complete months; null when there is no such pair. Shown for comparison only: one volatile month dominates it. */
	averageGrowth: number | null;
	/** Compound monthly growth rate from the first to the last complete month; null with fewer than two complete months or a first/last month without positive revenue. */
	compoundGrowth: TrendGrowth | null;
	/** Revenue of the last 12 complete months / the 12 complete months before − 1; null with fewer than 24 complete months or no positive revenue in the earlier 12. */
	lastTwelveGrowth: TrendGrowth | null;
	/** Whether the complete months rise or fall beyond chance: Mann–Kendall test at the two-sided 5 % level; null with fewer than two complete months. */
	direction: TrendDirection | null;
	/** Calendar month 1–12: mean revenue of complete months of that calendar month / mean of all complete months. */
	seasonality: { month: number; index: number | null; completeMonths: number }[];
}

/** A growth rate over the complete months `from` … `to` (`YYYY-MM`). */
export interface TrendGrowth {
	from: string;
	to: string;
	rate: number;
}

export interface TrendDirection {
	method: 'mann-kendall';
	/** Complete months tested. */
	months: number;
	/** Kendall's S and its normal score. */
	s: number;
	z: number;
	/** 'up' / 'down' only when |z| > 1.96; 'none' = no clear trend. */
	direction: 'up' | 'down' | 'none';
}
