/**
 * Test fixture: creates `transactions` with exactly the canonical + derived columns (see
 * src/lib/ingest/canonical-fields.ts) from a small literal array of lines, without going through ingest.
 */
import type { Engine } from '../../../src/lib/engine/engine';
import { CANONICAL_FIELDS } from '../../../src/lib/ingest/canonical-fields';
import { quoteString } from '../../../src/lib/sql';

export interface Line {
	order?: string;
	customer?: string | null;
	/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`. */
	ts: string;
	product?: string | null;
	category?: string | null;
	qty?: number | null;
	price?: number | null;
	/** Line revenue; default qty × price. */
	revenue?: number | null;
	cost?: number | null;
	country?: string | null;
	region?: string | null;
	status?: string | null;
	deal?: string | null;
	channel?: string | null;
}

const lit = (v: string | number | null | undefined, type: string) =>
	v === null || v === undefined ? `CAST(NULL AS ${type})` : typeof v === 'number' ? `CAST(${v} AS ${type})` : `CAST(${quoteString(v)} AS ${type})`;

/** Creates (or replaces) `transactions` from `lines`. */
export async function loadTransactions(engine: Engine, lines: readonly Line[], sourceFile = 'fixture.csv'): Promise<void> {
	const rows = lines.map((l, i) => {
		const ts = l.ts.length === 10 ? `${l.ts} 00:00:00` : l.ts;
		const revenue = l.revenue !== undefined && l.revenue !== null ? l.revenue : l.qty != null && l.price != null ? l.qty * l.price : null;
		const orderId = l.order ?? `${l.customer ?? ''}@${ts}`;
		return `(${[
			i + 1,
			lit(orderId, 'VARCHAR'),
			lit(l.customer, 'VARCHAR'),
			lit(ts, 'TIMESTAMP'),
			lit(l.product, 'VARCHAR'),
			lit(l.category, 'VARCHAR'),
			lit(l.qty, 'DOUBLE'),
			lit(l.price, 'DOUBLE'),
			lit(revenue, 'DOUBLE'),
			lit(l.cost, 'DOUBLE'),
			lit(l.country, 'VARCHAR'),
			lit(l.region, 'VARCHAR'),
			lit(l.status, 'VARCHAR'),
			lit(l.deal, 'VARCHAR'),
			lit(l.channel, 'VARCHAR')
		].join(', ')})`;
	});
	const names = ['row_no', ...CANONICAL_FIELDS.map((f) => f.field)];
	await engine.exec(`CREATE OR REPLACE TABLE fixture_raw (row_no BIGINT, ${CANONICAL_FIELDS.map((f) => `${f.field} ${f.type}`).join(', ')})`);
	if (rows.length) await engine.exec(`INSERT INTO fixture_raw (${names.join(', ')}) VALUES ${rows.join(',\n')}`);
	await buildTransactions(engine, 'fixture_raw', sourceFile);
	await engine.exec('DROP TABLE fixture_raw');
}

/**
 * `transactions` from a table holding the canonical columns (+ row_no): adds the derived columns
 * with the contract's rules (revenue defaults to quantity × unit price; cancellations by `C` prefix,
 * cancelled status, or every line negative).
 */
export async function buildTransactions(engine: Engine, raw: string, sourceFile: string): Promise<void> {
	const fields = CANONICAL_FIELDS.map((f) => (f.field === 'revenue' ? 'coalesce(revenue, quantity * unit_price) AS revenue' : f.field)).join(', ');
	await engine.exec(`CREATE OR REPLACE TABLE transactions AS
		WITH t AS (
			SELECT ${fields}, row_no, ${quoteString(sourceFile)} AS source_file FROM ${raw}
		), d AS (
			SELECT *, CAST(order_ts AS DATE) AS order_date, coalesce(quantity < 0, false) OR coalesce(revenue < 0, false) AS is_return FROM t
		)
		SELECT ${CANONICAL_FIELDS.map((f) => f.field).join(', ')}, row_no, source_file, order_date, is_return,
			(regexp_matches(order_id, '^[Cc][0-9]') OR coalesce(lower(status) IN ('cancelled', 'canceled'), false) OR bool_and(is_return) OVER (PARTITION BY order_id)) AS is_cancelled
		FROM d`);
}

export interface CustomerAttrs {
	customer_id: string;
	age?: number | null;
	gender?: string | null;
	city?: string | null;
	customer_channel?: string | null;
	signup_date?: string | null;
}

export async function loadCustomers(engine: Engine, rows: readonly CustomerAttrs[]): Promise<void> {
	await engine.exec(
		'CREATE OR REPLACE TABLE customers (customer_id VARCHAR, age DOUBLE, gender VARCHAR, city VARCHAR, customer_channel VARCHAR, signup_date DATE)'
	);
	if (!rows.length) return;
	const values = rows.map(
		(r) =>
			`(${[lit(r.customer_id, 'VARCHAR'), lit(r.age, 'DOUBLE'), lit(r.gender, 'VARCHAR'), lit(r.city, 'VARCHAR'), lit(r.customer_channel, 'VARCHAR'), lit(r.signup_date, 'DATE')].join(', ')})`
	);
	await engine.exec(`INSERT INTO customers VALUES ${values.join(', ')}`);
}

export async function dropCustomers(engine: Engine): Promise<void> {
	await engine.exec('DROP TABLE IF EXISTS customers');
}
