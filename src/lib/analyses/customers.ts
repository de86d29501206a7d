/**
 * The per-customer table (drill-down and `--customers`): paged, sorted and filtered in SQL so the
 * UI never pulls every customer at once, plus a full export of one filter and its CSV form.
 */
import type { Engine } from '../engine/engine';
import { quoteString } from '../sql';
import { withContext, type AnalysisContext, type PresetModels } from './context';
import type { AnalysisParams } from './params';
import { CUSTOMER_COLUMNS, type CustomerFilter, type CustomerPage, type CustomerRow, type CustomerSort } from './types';

export const MAX_PAGE = 1000;
const CHURN_RISKS = ['Churned', 'High', 'Medium', 'Low'];
const CLTV_SEGMENTS = ['Low', 'Medium', 'High'];

export interface CustomerQuery {
	filter?: CustomerFilter;
	sort?: CustomerSort;
	offset?: number;
	limit?: number;
	/** Fits from an earlier `clv` result, so paging does not refit the models. */
	models?: PresetModels;
}

/** SQL condition for a filter; every value is validated against its list or escaped. */
export function customerWhere(filter: CustomerFilter = {}): string {
	const parts: string[] = [];
	if (filter.segment) parts.push(`segment = ${quoteString(filter.segment)}`);
	if (filter.churnRisk) {
		if (!CHURN_RISKS.includes(filter.churnRisk)) throw new RangeError(`unknown churn risk group ${JSON.stringify(filter.churnRisk)}`);
		parts.push(`churn_risk = '${filter.churnRisk}'`);
	}
	if (filter.cltvSegment) {
		if (!CLTV_SEGMENTS.includes(filter.cltvSegment)) throw new RangeError(`unknown CLTV segment ${JSON.stringify(filter.cltvSegment)}`);
		parts.push(`cltv_segment = '${filter.cltvSegment}'`);
	}
	if (filter.cohort) {
		if (!/^\d{4}-\d{2}$/.test(filter.cohort)) throw new RangeError(`cohort must be written YYYY-MM, got ${JSON.stringify(filter.cohort)}`);
		parts.push(`cohort = '${filter.cohort}'`);
	}
	if (filter.search) parts.push(`contains(lower(customer_id), ${quoteString(filter.search.toLowerCase())})`);
	return parts.length ? parts.join(' AND ') : 'TRUE';
}

function orderBy(sort?: CustomerSort): string {
	if (!sort) return 'customer_id';
	if (!(CUSTOMER_COLUMNS as readonly string[]).includes(sort.column)) throw new RangeError(`cannot sort by ${JSON.stringify(sort.column)}`);
	const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
	return sort.column === 'customer_id' ? `customer_id ${dir}` : `${sort.column} ${dir} NULLS LAST, customer_id`;
}

function toRow(r: Record<string, unknown>): CustomerRow {
	const row = {} as Record<string, unknown>;
	for (const c of CUSTOMER_COLUMNS) row[c] = r[c] ?? null;
	row.churned = Boolean(r.churned);
	return row as unknown as CustomerRow;
}

async function select(ctx: AnalysisContext, where: string, order: string, limit: number | null, offset: number): Promise<{ rows: CustomerRow[]; total: number; modelNote: string | null }> {
	const { view, modelNote } = await ctx.customerView();
	const [{ n }] = await ctx.engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${view} WHERE ${where}`);
	const rows = await ctx.engine.query<Record<string, unknown>>(
		`SELECT ${CUSTOMER_COLUMNS.join(', ')} FROM ${view} WHERE ${where} ORDER BY ${order}${limit === null ? '' : ` LIMIT ${limit}`} OFFSET ${offset}`
	);
	return { rows: rows.map(toRow), total: n, modelNote };
}

/** One page of the per-customer table. */
export async function customerPage(engine: Engine, params: Partial<AnalysisParams>, query: CustomerQuery = {}): Promise<CustomerPage> {
	const offset = Math.max(0, Math.floor(query.offset ?? 0));
	const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(query.limit ?? 50)));
	return withContext(engine, params, async (ctx) => {
		if (ctx.empty || !ctx.has('customer_id')) return { total: 0, offset, rows: [], modelNote: null };
		if (query.models) ctx.useModels(query.models);
		const { rows, total, modelNote } = await select(ctx, customerWhere(query.filter), orderBy(query.sort), limit, offset);
		return { total, offset, rows, modelNote };
	});
}

/** Every row matching a filter (for export), in `sort` order. */
export async function exportCustomers(
	engine: Engine,
	params: Partial<AnalysisParams>,
	query: Omit<CustomerQuery, 'offset' | 'limit'> = {}
): Promise<CustomerRow[]> {
	return withContext(engine, params, (ctx) => exportFromContext(ctx, query));
}

export async function exportFromContext(ctx: AnalysisContext, query: Omit<CustomerQuery, 'offset' | 'limit'> = {}): Promise<CustomerRow[]> {
	if (ctx.empty || !ctx.has('customer_id')) return [];
	if (query.models) ctx.useModels(query.models);
	return (await select(ctx, customerWhere(query.filter), orderBy(query.sort), null, 0)).rows;
}

/** A text cell a spreadsheet could read as a formula gets a leading `'`. Numbers stay numbers. */
function csvCell(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	let s = String(v);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV (header + one line per customer, LF endings) with exactly the per-customer columns. */
export function customersToCsv(rows: readonly CustomerRow[]): string {
	const lines = [CUSTOMER_COLUMNS.join(',')];
	for (const r of rows) lines.push(CUSTOMER_COLUMNS.map((c) => csvCell(r[c])).join(','));
	return `${lines.join('\n')}\n`;
}
