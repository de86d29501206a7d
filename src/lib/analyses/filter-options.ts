/**
 * Values for the UI's filter pickers: the distinct countries, categories and statuses of the whole
 * `transactions` table (not of the filtered scope, so a chosen value never disappears from its own
 * list), most frequent first, and the date range. Columns the data does not have give empty lists.
 * Written by the front-end for the settings bar; small enough to keep out of `runAll`.
 */
import type { Engine } from '../engine/index';

export interface FilterValues {
	countries: string[];
	categories: string[];
	statuses: string[];
	minDate: string | null;
	maxDate: string | null;
}

/** At most this many values per list (by number of lines); the pickers have a search box. */
export const MAX_FILTER_VALUES = 500;

async function distinct(engine: Engine, column: 'country' | 'category' | 'status'): Promise<string[]> {
	const rows = await engine.query<{ v: string }>(
		`SELECT CAST(${column} AS VARCHAR) AS v FROM transactions WHERE ${column} IS NOT NULL
		 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${MAX_FILTER_VALUES}`
	);
	return rows.map((r) => r.v);
}

export async function filterValues(engine: Engine): Promise<FilterValues> {
	const [countries, categories, statuses] = [await distinct(engine, 'country'), await distinct(engine, 'category'), await distinct(engine, 'status')];
	const [range] = await engine.query<{ lo: string | null; hi: string | null }>(
		'SELECT CAST(min(order_date) AS VARCHAR) AS lo, CAST(max(order_date) AS VARCHAR) AS hi FROM transactions'
	);
	return { countries, categories, statuses, minDate: range?.lo ?? null, maxDate: range?.hi ?? null };
}
