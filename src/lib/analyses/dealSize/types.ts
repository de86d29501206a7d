/** Result of the deal-size distribution. */

export interface DealSizeResult {
	available: true;
	/** `column`: the data's deal-size column (per line); `bands`: order-value bands relative to the median order. */
	basis: 'column' | 'bands';
	/** For `bands`: the median net value of non-cancelled orders and the band limits. */
	bands: { medianOrderValue: number; smallBelow: number; largeAbove: number } | null;
	rows: { label: string; lines: number; orders: number; revenue: number; share: number | null }[];
}
