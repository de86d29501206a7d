/** Result of the data-quality counts over the filtered scope. */

export interface DataQualityResult {
	available: true;
	lines: number;
	linesWithoutCustomer: number;
	returnLines: number;
	cancelledLines: number;
	cancelledOrders: number;
	linesWithoutProduct: number;
	zeroRevenueLines: number;
	firstDate: string | null;
	lastDate: string | null;
	/** Canonical columns and how many lines have a value. */
	columns: { field: string; nonNull: number }[];
	customersTable: boolean;
}
