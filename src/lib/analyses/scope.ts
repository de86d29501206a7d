/**
 * The filtered scope of `transactions` (date range on order_date, countries, categories, statuses).
 * User values are validated (dates) or escaped as SQL string literals (names), never interpolated raw.
 */
import { quoteString } from '../sql';
import type { AnalysisFilters } from './params';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: unknown): text is string {
	if (typeof text !== 'string') return false;
	const m = ISO_DATE.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A validated `DATE '…'` literal; throws on anything that is not a `YYYY-MM-DD` calendar date. */
export function dateLiteral(text: string): string {
	if (!isIsoDate(text)) throw new RangeError(`Expected a date written YYYY-MM-DD, got ${JSON.stringify(text)}`);
	return `DATE '${text}'`;
}

/** SQL boolean expression over `transactions` columns selecting the filtered scope. */
export function scopeCondition(filters: AnalysisFilters): string {
	const parts: string[] = [];
	if (filters.dateFrom) parts.push(`order_date >= ${dateLiteral(filters.dateFrom)}`);
	if (filters.dateTo) parts.push(`order_date <= ${dateLiteral(filters.dateTo)}`);
	const inList = (column: string, values: string[]) => {
		if (values.length > 0) parts.push(`${column} IN (${values.map((v) => quoteString(String(v))).join(', ')})`);
	};
	inList('country', filters.countries);
	inList('category', filters.categories);
	inList('status', filters.statuses);
	return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** `SELECT * FROM transactions WHERE …`: the scope as a query. */
export function scopeQuery(filters: AnalysisFilters): string {
	const where = scopeCondition(filters);
	return where === 'TRUE' ? 'SELECT * FROM transactions' : `SELECT * FROM transactions WHERE ${where}`;
}

/** Adds `days` to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
