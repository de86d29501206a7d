/** Result of the data-quality counts over the filtered scope. */

export interface DataQualityResult {
	available: true;
	lines: number;
	linesWithoutCustomer: number;
	returnLines: number;
	cancelledLines: number;
	cancelledOrders: number;
	/** Cancelled orders' non-negative lines, left out of every money and units figure (see `IN_MONEY`). */
	leftOutCancelled: { orders: number; lines: number; revenue: number };
	/** Order ids found in more than one source file, with the first few (sorted) as examples. */
	overlappingOrders: { orders: number; examples: { orderId: string; files: string[] }[] };
	linesWithoutProduct: number;
	zeroRevenueLines: number;
	firstDate: string | null;
	lastDate: string | null;
	/** Canonical columns and how many lines have a value. */
	columns: { field: string; nonNull: number }[];
	customersTable: boolean;
}
