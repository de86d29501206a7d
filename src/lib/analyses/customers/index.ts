/**
 * The per-customer table (drill-down and `--customers`): paged, sorted and filtered in SQL so the
 * UI never pulls every customer at once, plus a full export of one filter and its CSV form.
 */
import type { Engine } from '../../engine/index';
import { quoteIdent, quoteString } from '../../sql';
import { withContext } from '../context';
import { dataIdentity } from '../whole-data';
import type { PresetModels } from '../clv/model';
import { customerView, type CustomerViewInfo } from './view';
import { LAPSING_SEGMENTS } from '../feedback/compute';
import { withDefaults, type AnalysisParams } from '../params';
import { CUSTOMER_COLUMNS, customerExportColumns, type CustomerFilter, type CustomerPage, type CustomerRow, type CustomerSort } from './types';
import { useModels } from '../clv/model';

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
	if (filter.discontent) {
		if (filter.discontent !== 'all' && !(LAPSING_SEGMENTS as readonly string[]).includes(filter.discontent)) {
			throw new RangeError(`discontent needs a lapsing segment or 'all', got ${JSON.stringify(filter.discontent)}`);
		}
		parts.push(filter.discontent === 'all' ? 'discontent' : `discontent AND segment = '${filter.discontent}'`);
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
	row.discontent = Boolean(r.discontent);
	return row as unknown as CustomerRow;
}

/**
 * The full per-customer table of the last (data, parameters, models) asked for, materialised once
 * per engine so paging, sorting and filtering are small queries on it instead of a fresh run over
 * every order line. The data is identified by the identity and size of `transactions`/`customers`
 * (ingest replaces the tables when new files are loaded).
 */
interface CachedTable extends Omit<CustomerViewInfo, 'view'> {
	table: string;
}
interface CacheEntry {
	key: string;
	ready: Promise<CachedTable>;
}
const cache = new WeakMap<Engine, CacheEntry>();
let cacheCounter = 0;

async function cachedTable(engine: Engine, params: Partial<AnalysisParams>, models?: PresetModels): Promise<CachedTable | null> {
	const key = JSON.stringify([await dataIdentity(engine), withDefaults(params), models ?? null]);
	const hit = cache.get(engine);
	if (hit && hit.key === key) {
		try {
			return await hit.ready;
		} catch {
			// A failed build is retried below.
		}
	}
	const previous = hit?.ready;
	const ready = withContext(engine, params, async (ctx) => {
		if (ctx.empty || !ctx.has('customer_id')) return null;
		if (models) useModels(ctx, models);
		const { view, ...info } = await customerView(ctx);
		const table = `cl_customer_cache_${++cacheCounter}`;
		await engine.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM ${view}`);
		return { table, ...info };
	});
	const entry: CacheEntry = { key, ready: ready.then((r) => r ?? { table: '', modelNote: null, attributes: [], feedback: false }) };
	cache.set(engine, entry);
	const built = await ready;
	// The previous cache table is no longer reachable.
	if (previous) {
		const old = await previous.catch(() => null);
		if (old?.table && old.table !== built?.table) await engine.exec(`DROP TABLE IF EXISTS ${old.table}`).catch(() => {});
	}
	return built;
}

async function select(table: string, engine: Engine, where: string, order: string, limit: number | null, offset: number): Promise<{ rows: CustomerRow[]; total: number }> {
	const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`);
	const rows = await engine.query<Record<string, unknown>>(
		`SELECT ${CUSTOMER_COLUMNS.join(', ')} FROM ${table} WHERE ${where} ORDER BY ${order}${limit === null ? '' : ` LIMIT ${limit}`} OFFSET ${offset}`
	);
	return { rows: rows.map(toRow), total: n };
}

/**
 * One page of the per-customer table. The first call for given data and parameters builds the
 * table (a full analysis run); later pages, sorts and filters only query it.
 */
export async function customerPage(engine: Engine, params: Partial<AnalysisParams>, query: CustomerQuery = {}): Promise<CustomerPage> {
	const offset = Math.max(0, Math.floor(query.offset ?? 0));
	const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(query.limit ?? 50)));
	const where = customerWhere(query.filter);
	const order = orderBy(query.sort);
	const built = await cachedTable(engine, params, query.models);
	if (!built || !built.table) return { total: 0, offset, rows: [], modelNote: null, feedback: false };
	const { rows, total } = await select(built.table, engine, where, order, limit, offset);
	return { total, offset, rows, modelNote: built.modelNote, feedback: built.feedback };
}

/** Every row matching a filter (for export), in `sort` order. */
export async function exportCustomers(
	engine: Engine,
	params: Partial<AnalysisParams>,
	query: Omit<CustomerQuery, 'offset' | 'limit'> = {}
): Promise<CustomerRow[]> {
	const where = customerWhere(query.filter);
	const order = orderBy(query.sort);
	const built = await cachedTable(engine, params, query.models);
	if (!built || !built.table) return [];
	return (await select(built.table, engine, where, order, null, 0)).rows;
}

/**
 * The query for every customer with every score, in the columns of {@link customerExportColumns}
 * (with the feedback and attribute columns the data has), ordered by customer id (for
 * `copyToParquet` as well as for rows); null without customers.
 */
export async function allCustomersQuery(engine: Engine, params: Partial<AnalysisParams>, models?: PresetModels): Promise<{ columns: string[]; sql: string } | null> {
	const built = await cachedTable(engine, params, models);
	if (!built || !built.table) return null;
	const columns = customerExportColumns(withDefaults(params).clvMonths, built);
	return {
		columns: columns.map((c) => c.name),
		sql: `SELECT ${columns.map((c) => `${c.sql} AS ${quoteIdent(c.name)}`).join(', ')} FROM ${built.table} ORDER BY customer_id`
	};
}

/** Every customer with every score (see {@link allCustomersQuery}). */
export async function exportAllCustomers(
	engine: Engine,
	params: Partial<AnalysisParams>,
	models?: PresetModels
): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
	const query = await allCustomersQuery(engine, params, models);
	if (!query) return { columns: customerExportColumns(withDefaults(params).clvMonths).map((c) => c.name), rows: [] };
	return { columns: query.columns, rows: await engine.query<Record<string, unknown>>(query.sql) };
}

/** Forgets (and drops) the cached per-customer table of an engine, e.g. after changing `transactions` in place. */
export async function clearCustomerCache(engine: Engine): Promise<void> {
	const hit = cache.get(engine);
	cache.delete(engine);
	const old = await hit?.ready.catch(() => null);
	if (old?.table) await engine.exec(`DROP TABLE IF EXISTS ${old.table}`).catch(() => {});
}
