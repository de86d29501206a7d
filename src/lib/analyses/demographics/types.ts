/** Result of the demographics analysis (customer attributes joined to orders). */

export interface DemographicRow {
	label: string;
	customers: number;
	orders: number;
	aov: number | null;
	revenue: number;
	revenueShare: number | null;
	topProducts: { product: string; revenue: number }[];
}

export interface DemographicsResult {
	available: true;
	/** Customers in scope with a row in `customers`. */
	customersMatched: number;
	dimensions: { dimension: 'age' | 'gender' | 'city' | 'channel'; rows: DemographicRow[] }[];
}
