/** Result of the historical customer lifetime value tiers. */
import type { CltvSegment } from '../customerScoring/types';

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
