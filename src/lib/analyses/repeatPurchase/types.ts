/** Result of the repeat-purchase rate by month. */

export interface RepeatPurchaseMonth {
	/** `YYYY-MM`. */
	month: string;
	/** Customers with a non-cancelled order in the month. */
	customers: number;
	/** Of those, customers who had a non-cancelled order in an earlier month. */
	repeatCustomers: number;
	/** repeatCustomers / customers. */
	rate: number;
}

export interface RepeatPurchaseResult {
	available: true;
	months: RepeatPurchaseMonth[];
	/** Repeat customer-months over all customer-months (each customer counted once per month). */
	overallRate: number;
}
