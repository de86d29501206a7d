/** Result of the headline-numbers analysis. */
import type { Period } from '../types';

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
