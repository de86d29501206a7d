/** Values offered by the filter pickers, read from the loaded data. */
export interface FilterOptions {
	countries: string[];
	categories: string[];
	statuses: string[];
	minDate: string | null;
	maxDate: string | null;
}

export const NO_OPTIONS: FilterOptions = { countries: [], categories: [], statuses: [], minDate: null, maxDate: null };
