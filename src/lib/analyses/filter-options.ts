/**
 * Values for the UI's filter pickers: the distinct countries, categories and statuses of the whole
 * `transactions` table (not of the filtered scope, so a chosen value never disappears from its own
 * list), most frequent first, and the date range. Columns the data does not have give empty lists.
 * Written by the front-end for the settings bar; small enough to keep out of `runAll`.
 */
import type { Engine } from '../engine/index';
import { presentFields } from './context';
import { WholeData } from './whole-data';

export interface FilterValues {
	countries: string[];
	categories: string[];
	statuses: string[];
	minDate: string | null;
	maxDate: string | null;
}

/** At most this many values per list (by number of lines); the pickers have a search box. */
export const MAX_FILTER_VALUES = 500;

export async function filterValues(engine: Engine): Promise<FilterValues> {
	const whole = await WholeData.of(engine);
	const [present, orders] = await Promise.all([presentFields(engine, whole), whole.built('orders')]);
	// The whole data's order table, when built, has a row per order and order-level value with its
	// line count: the same values, dates and line counts as the lines, from a table a twentieth their
	// size (on Online Retail the countries took 64 ms from the lines, beside the model fits).
	const distinct = async (column: 'country' | 'category' | 'status', from: string | null): Promise<string[]> => {
		if (!present.includes(column)) return [];
		const rows = await engine.query<{ v: string }>(
			`SELECT CAST(${column} AS VARCHAR) AS v FROM ${from ?? 'transactions'} WHERE ${column} IS NOT NULL
			 GROUP BY 1 ORDER BY ${from ? 'sum(lines)' : 'count(*)'} DESC, 1 LIMIT ${MAX_FILTER_VALUES}`
		);
		return rows.map((r) => r.v);
	};
	// A category is a line's, not an order's.
	const [countries, categories, statuses, [range]] = await Promise.all([
		distinct('country', orders),
		distinct('category', null),
		distinct('status', orders),
		engine.query<{ lo: string | null; hi: string | null }>(`SELECT CAST(min(order_date) AS VARCHAR) AS lo, CAST(max(order_date) AS VARCHAR) AS hi FROM ${orders ?? 'transactions'}`)
	]);
	return { countries, categories, statuses, minDate: range?.lo ?? null, maxDate: range?.hi ?? null };
}
