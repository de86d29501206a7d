/** Result of the cohort retention analysis. */

export interface CohortCell {
	monthsSince: number;
	/** Customers of the cohort with a non-cancelled order in that month. */
	activeCustomers: number;
	/** activeCustomers / cohort size. */
	share: number;
	/** Net revenue of the cohort's customers in that month. */
	revenue: number;
}

export interface CohortResult {
	available: true;
	cohorts: { cohort: string; customers: number; cells: CohortCell[] }[];
	maxMonthsSince: number;
}
