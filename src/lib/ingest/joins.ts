/**
 * Joins related files onto the order lines before the canonical build, in one SQL statement per
 * order-lines file: dates, status and the customer from an orders file (by order id), the real
 * customer and the customer's region from a customers file (per-order customer id → real customer),
 * ratings and reviews from a feedback file (by order id or by customer id). The result is one
 * scratch table per order-lines file, mapped like an ordinary order-lines file, so the build
 * (date and number reading, flags, the quality summary) treats it as any other.
 *
 * Rules (also said in the notes):
 * - every order line is kept; an order of the orders file without lines has no revenue and is left out;
 * - several rows for one order (or one customer id) in an orders or customers file: the first row is used;
 * - several reviews of one order: the latest by review date (the last row when dates are missing or unreadable);
 * - ratings keyed by customer id: the customer's latest answer, repeated on each of their orders.
 */
import type { Engine } from '../engine/index';
import { quoteIdent } from '../sql';
import type { CanonicalField, CustomerAttribute } from './canonical-fields';
import { columnText } from './dates';
import { fmtInt, plural } from './errors';
import type { ColumnProfile, FileMapping, JoinReport, LoadedFile, Mapping, QualitySummary } from './types';

const JOINED = '__ingest_joined_';

export interface JoinedInput {
	/** The loaded files with each joined order-lines file replaced by its scratch table. */
	files: LoadedFile[];
	/** The mapping over those: joined order-lines files, customers files keyed by the real customer; no orders or feedback files. */
	mapping: Mapping;
	joins: JoinReport[];
	notes: string[];
	/** Quality rows for the orders and feedback files (the build reports the others). */
	fileRows: QualitySummary['files'];
	/** Scratch tables to drop after the build. */
	tables: string[];
}

/** True when the mapping joins files (an orders or feedback file, or a customers file with a real-customer column). */
export function needsJoin(mapping: Mapping, files: LoadedFile[]): boolean {
	const tables = new Set(files.map((f) => f.table));
	return mapping.files.some((m) => tables.has(m.table) && (m.role === 'orders' || m.role === 'feedback' || (m.role === 'customers' && m.uniqueCustomer && m.fields.customer_id)));
}

/** A key column as trimmed text, NULL when blank, so `42`, `42.0` and ` 42` meet. */
function keyExpr(alias: string, col: string, f: LoadedFile): string {
	const type = f.columns.find((c) => c.name === col)?.type ?? 'VARCHAR';
	return `NULLIF(${columnText(`${alias}.${quoteIdent(col)}`, type)}, '')`;
}

const FEEDBACK_TRIO: CanonicalField[] = ['rating', 'review_text', 'review_date'];
const LINE_ONLY: CanonicalField[] = ['product', 'category', 'quantity', 'unit_price', 'revenue', 'cost'];

interface Source {
	alias: string;
	m: FileMapping;
	f: LoadedFile;
}

/** Distinct counts as plain numbers. */
async function count(engine: Engine, sql: string): Promise<number> {
	const [r] = await engine.query<{ n: number | bigint }>(sql);
	return Number(r?.n ?? 0);
}

/**
 * Builds the joined scratch tables. Returns null when no file joins another (the build then reads
 * the raw tables directly).
 */
export async function joinFiles(engine: Engine, files: LoadedFile[], mapping: Mapping): Promise<JoinedInput | null> {
	if (!needsJoin(mapping, files)) return null;
	const byTable = new Map(files.map((f) => [f.table, f]));
	const used = mapping.files.filter((m) => byTable.has(m.table));
	const src = (alias: string, m: FileMapping | undefined): Source | undefined => (m ? { alias, m, f: byTable.get(m.table)! } : undefined);
	const orders = src('o', used.find((m) => m.role === 'orders' && m.fields.order_id));
	const people = src('c', used.find((m) => m.role === 'customers' && m.uniqueCustomer && m.fields.customer_id));
	const byOrder = src('fo', used.find((m) => m.role === 'feedback' && (m.joinOn ?? 'order_id') === 'order_id' && m.fields.order_id));
	const byCustomer = src('fc', used.find((m) => m.role === 'feedback' && m.joinOn === 'customer_id' && m.fields.customer_id));
	const notes: string[] = [];
	const joins: JoinReport[] = [];
	const outFiles = files.slice();
	const outMappings: FileMapping[] = [];
	const tables: string[] = [];
	const fileRows: QualitySummary['files'] = [];
	const fileRowsPush = (s: Source, rowsUsed: number) => {
		if (!fileRows.some((r) => r.table === s.f.table)) fileRows.push({ file: s.f.name, table: s.f.table, role: s.m.role, format: s.f.format, rowsRead: s.f.rows, rowsUsed });
	};
	const ignored = used.filter((m) => (m.role === 'orders' || m.role === 'feedback') && m !== orders?.m && m !== byOrder?.m && m !== byCustomer?.m);
	for (const m of ignored) notes.push(`${m.file} is not used: only one ${m.role === 'orders' ? 'orders' : 'ratings'} file of each kind is joined.`);

	// The real customer per per-order customer id (first row of each id).
	const peopleSql = people
		? `(SELECT ${keyExpr('c', people.m.fields.customer_id!, people.f)} AS __k, ${keyExpr('c', people.m.uniqueCustomer!, people.f)} AS __u${(['country', 'region'] as const)
				.filter((x) => people.m.fields[x])
				.map((x) => `, c.${quoteIdent(people.m.fields[x]!)}`)
				.join('')}
			FROM ${quoteIdent(people.f.table)} AS c
			QUALIFY row_number() OVER (PARTITION BY ${keyExpr('c', people.m.fields.customer_id!, people.f)} ORDER BY c.rowid) = 1)`
		: null;

	try {
		for (const [k, t] of used.filter((m) => m.role === 'transactions').entries()) {
			const lines: Source = { alias: 'l', m: t, f: byTable.get(t.table)! };
			const table = `${JOINED}${k}`;
			const names = new Set<string>();
			const nameFor = (col: string, s: Source) => {
				const name = names.has(col) ? `${col} (${s.f.name})` : col;
				names.add(name);
				return name;
			};
			const select: string[] = [];
			const profiles: ColumnProfile[] = [];
			const fields: FileMapping['fields'] = {};
			const attributes: FileMapping['attributes'] = {};
			const numberFormats: Record<string, 'point' | 'comma'> = {};
			const profileOf = (s: Source, col: string): ColumnProfile =>
				s.f.columns.find((c) => c.name === col) ?? { name: col, type: 'VARCHAR', rows: 0, nulls: 0, distinct: 0, distinctApprox: false, examples: [], numericShare: 0, dateShare: 0 };
			const take = (s: Source, col: string, as: { field?: CanonicalField; attr?: CustomerAttribute }) => {
				const name = nameFor(col, s);
				select.push(`${s.alias}.${quoteIdent(col)} AS ${quoteIdent(name)}`);
				profiles.push({ ...profileOf(s, col), name, rows: lines.f.rows });
				if (as.field) fields[as.field] = name;
				if (as.attr) attributes[as.attr] = name;
				const mark = s.m.numberFormats?.[col];
				if (mark) numberFormats[name] = mark;
			};

			const lineOrder = t.fields.order_id ? keyExpr('l', t.fields.order_id, lines.f) : null;
			const joinsSql: string[] = [];
			const o = orders && lineOrder ? orders : undefined;
			if (orders && !lineOrder) notes.push(`${t.file} has no order id column, so ${orders.m.file} cannot be joined to it.`);
			if (o) {
				const cols = new Set([...Object.entries(o.m.fields).filter(([f]) => f !== 'order_id').map(([, c]) => c!), ...Object.values(o.m.attributes).map((c) => c!)]);
				joinsSql.push(
					`LEFT JOIN (SELECT ${keyExpr('o', o.m.fields.order_id!, o.f)} AS __k${[...cols].map((c) => `, o.${quoteIdent(c)}`).join('')}
						FROM ${quoteIdent(o.f.table)} AS o
						QUALIFY row_number() OVER (PARTITION BY ${keyExpr('o', o.m.fields.order_id!, o.f)} ORDER BY o.rowid) = 1) AS o ON o.__k = ${lineOrder}`
				);
			}
			// The customer as the orders know it (per order in a marketplace export), then the real customer.
			const rawCustomer = t.fields.customer_id ? keyExpr('l', t.fields.customer_id, lines.f) : o?.m.fields.customer_id ? keyExpr('o', o.m.fields.customer_id, o.f) : null;
			const c = people && rawCustomer ? people : undefined;
			if (c) joinsSql.push(`LEFT JOIN ${peopleSql} AS c ON c.__k = ${rawCustomer}`);
			const customer = c ? `COALESCE(c.__u, ${rawCustomer})` : rawCustomer;
			const fo = byOrder && lineOrder ? byOrder : undefined;
			if (byOrder && !lineOrder) notes.push(`${t.file} has no order id column, so the ratings of ${byOrder.m.file} cannot be joined to it.`);
			const latest = (s: Source, alias: string) => {
				const date = s.m.fields.review_date;
				const byDate = date ? `TRY_CAST(${keyExpr(alias, date, s.f)} AS TIMESTAMP) DESC NULLS LAST, ` : '';
				return `ORDER BY ${byDate}${alias}.rowid DESC`;
			};
			const trioCols = (s: Source, alias: string) =>
				FEEDBACK_TRIO.filter((x) => s.m.fields[x])
					.map((x) => `, ${alias}.${quoteIdent(s.m.fields[x]!)}`)
					.join('');
			if (fo) {
				const key = keyExpr('fo', fo.m.fields.order_id!, fo.f);
				joinsSql.push(
					`LEFT JOIN (SELECT ${key} AS __k${trioCols(fo, 'fo')} FROM ${quoteIdent(fo.f.table)} AS fo
						QUALIFY row_number() OVER (PARTITION BY ${key} ${latest(fo, 'fo')}) = 1) AS fo ON fo.__k = ${lineOrder}`
				);
			}
			const fc = byCustomer && customer ? byCustomer : undefined;
			if (byCustomer && !customer) notes.push(`${t.file} has no customer id, so the ratings of ${byCustomer.m.file} cannot be joined to it.`);
			if (fc) {
				const raw = keyExpr('fc', fc.m.fields.customer_id!, fc.f);
				// A survey may name customers by the per-order id: translate it to the real customer too.
				const key = peopleSql ? `COALESCE(p.__u, ${raw})` : raw;
				const from = peopleSql ? `${quoteIdent(fc.f.table)} AS fc LEFT JOIN ${peopleSql} AS p ON p.__k = ${raw}` : `${quoteIdent(fc.f.table)} AS fc`;
				joinsSql.push(
					`LEFT JOIN (SELECT ${key} AS __k${trioCols(fc, 'fc')} FROM ${from}
						QUALIFY row_number() OVER (PARTITION BY ${key} ${latest(fc, 'fc')}) = 1) AS fc ON fc.__k = ${customer}`
				);
			}

			// Each field from one file: the order lines first, then the orders file, then the customers file.
			for (const field of Object.keys(t.fields) as CanonicalField[]) {
				if (field === 'customer_id' || (FEEDBACK_TRIO.includes(field) && (fo || fc))) continue;
				take(lines, t.fields[field]!, { field });
			}
			if (o) {
				for (const field of Object.keys(o.m.fields) as CanonicalField[]) {
					if (field === 'order_id' || field === 'customer_id' || fields[field] || LINE_ONLY.includes(field) || (FEEDBACK_TRIO.includes(field) && (fo || fc))) continue;
					take(o, o.m.fields[field]!, { field });
				}
			}
			if (c) for (const field of ['country', 'region'] as const) if (c.m.fields[field] && !fields[field]) take(c, c.m.fields[field]!, { field });
			const fb = fo ?? fc;
			if (fb) for (const field of FEEDBACK_TRIO) if (fb.m.fields[field]) take(fb, fb.m.fields[field]!, { field });
			if (customer) {
				const name = nameFor(c ? c.m.uniqueCustomer! : (t.fields.customer_id ?? o!.m.fields.customer_id!), c ?? lines);
				select.push(`${customer} AS ${quoteIdent(name)}`);
				profiles.push({ ...profileOf(lines, t.fields.customer_id ?? ''), name, type: 'VARCHAR', rows: lines.f.rows });
				fields.customer_id = name;
			}
			const attrSource = Object.keys(t.attributes).length ? lines : o && Object.keys(o.m.attributes).length ? o : undefined;
			if (attrSource && customer) for (const [a, col] of Object.entries(attrSource.m.attributes) as [CustomerAttribute, string][]) take(attrSource, col, { attr: a });
			const hit = (alias: string, on: boolean) => (on ? `(${alias}.__k IS NOT NULL)` : 'false');
			select.push(`${hit('o', !!o)} AS __hit_o`, `${hit('c', !!c)} AS __hit_c`, `${hit('fo', !!fo)} AS __hit_fo`, `${hit('fc', !!fc)} AS __hit_fc`);

			await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
			tables.push(table);
			await engine.exec(`CREATE TABLE ${quoteIdent(table)} AS SELECT ${select.join(', ')} FROM ${quoteIdent(lines.f.table)} AS l ${joinsSql.join(' ')} ORDER BY l.rowid`);

			const [h] = await engine.query<Record<string, number | bigint>>(
				`SELECT count(*) AS n, count(*) FILTER (WHERE __hit_o) AS o, count(*) FILTER (WHERE __hit_c) AS c, count(*) FILTER (WHERE __hit_fo) AS fo, count(*) FILTER (WHERE __hit_fc) AS fc FROM ${quoteIdent(table)}`
			);
			const n = Number(h.n);
			const dateSource = t.fields.order_ts ? t : o?.m;
			const joined: FileMapping = { table, file: t.file, role: 'transactions', fields, attributes };
			if (dateSource?.dateFormat) joined.dateFormat = dateSource.dateFormat;
			if (Object.keys(numberFormats).length) joined.numberFormats = numberFormats;
			outMappings.push(joined);
			const index = outFiles.findIndex((f) => f.table === t.table);
			outFiles[index] = { ...lines.f, table, columns: profiles };

			const lineKeys = `(SELECT DISTINCT ${lineOrder} AS k FROM ${quoteIdent(lines.f.table)} AS l)`;
			if (o) {
				const okey = keyExpr('o', o.m.fields.order_id!, o.f);
				const status = o.m.fields.status;
				const orphans = await engine.query<{ status: string | null; n: number | bigint }>(
					`SELECT ${status ? `${keyExpr('o', status, o.f)}` : 'NULL'} AS status, count(DISTINCT ${okey}) AS n FROM ${quoteIdent(o.f.table)} AS o
					WHERE ${okey} IS NOT NULL AND ${okey} NOT IN (SELECT k FROM ${lineKeys} WHERE k IS NOT NULL) GROUP BY 1 ORDER BY n DESC, status`
				);
				const orphanCount = orphans.reduce((s, r) => s + Number(r.n), 0);
				const byStatus = status && orphanCount ? ` (${orphans.map((r) => `${r.status ?? 'no status'}: ${fmtInt(Number(r.n))}`).join(', ')})` : '';
				const description = `${t.file} ← ${o.m.file} on "${t.fields.order_id}" = "${o.m.fields.order_id}": dates, status and customer of each order.`;
				joins.push({ file: t.file, other: o.m.file, role: 'orders', key: t.fields.order_id!, otherKey: o.m.fields.order_id!, matched: Number(h.o), unmatched: n - Number(h.o), otherUnmatched: orphanCount, description });
				notes.push(`Order lines of ${t.file} take their order's date, status and customer from ${o.m.file} (joined on order id; ${plural(Number(h.o), 'line')} of ${fmtInt(n)} matched).`);
				if (n - Number(h.o) > 0) notes.push(`${plural(n - Number(h.o), 'line')} of ${t.file} ${n - Number(h.o) === 1 ? 'has' : 'have'} no order in ${o.m.file}, so no date; ${n - Number(h.o) === 1 ? 'it is' : 'they are'} left out.`);
				if (orphanCount) notes.push(`${plural(orphanCount, 'order')} of ${o.m.file} ${orphanCount === 1 ? 'has' : 'have'} no lines in ${t.file}${byStatus}; without lines an order has no revenue, so ${orphanCount === 1 ? 'it is' : 'they are'} left out.`);
				fileRowsPush(o, Number(h.o) ? await count(engine, `SELECT count(DISTINCT __k) AS n FROM (SELECT ${okey} AS __k FROM ${quoteIdent(o.f.table)} AS o) WHERE __k IN (SELECT k FROM ${lineKeys})`) : 0);
			}
			if (c) {
				const raw = await count(engine, `SELECT count(DISTINCT ${rawCustomer}) AS n FROM ${quoteIdent(lines.f.table)} AS l${o ? ` ${joinsSql[0]}` : ''}`);
				const real = await count(engine, `SELECT count(DISTINCT ${quoteIdent(fields.customer_id!)}) AS n FROM ${quoteIdent(table)}`);
				const description = `${t.file} ← ${c.m.file} on customer id "${c.m.fields.customer_id}": the real customer is "${c.m.uniqueCustomer}".`;
				const unusedPeople = await count(engine, `SELECT count(*) AS n FROM ${peopleSql} AS c WHERE c.__k NOT IN (SELECT ${quoteIdent('__k')} FROM (SELECT ${rawCustomer} AS __k FROM ${quoteIdent(lines.f.table)} AS l${o ? ` ${joinsSql[0]}` : ''}) WHERE __k IS NOT NULL)`);
				joins.push({ file: t.file, other: c.m.file, role: 'customers', key: fields.customer_id!, otherKey: c.m.fields.customer_id!, matched: Number(h.c), unmatched: n - Number(h.c), otherUnmatched: unusedPeople, description });
				notes.push(`${plural(raw, 'customer id')} of the orders belong to ${plural(real, 'real customer')} ("${c.m.uniqueCustomer}" in ${c.m.file}); a customer's orders under several ids count as one customer.`);
				if (n - Number(h.c) > 0) notes.push(`${plural(n - Number(h.c), 'line')} of ${t.file} ${n - Number(h.c) === 1 ? 'has' : 'have'} a customer id that is not in ${c.m.file}; that id is used as the customer.`);
			}
			for (const [fbs, hits, keyName] of [
				[fo, Number(h.fo), 'order id'],
				[fc, Number(h.fc), 'customer id']
			] as const) {
				if (!fbs) continue;
				const key = fbs === fo ? fbs.m.fields.order_id! : fbs.m.fields.customer_id!;
				const kx = keyExpr('x', key, fbs.f);
				const [s] = await engine.query<{ keys: number | bigint; several: number | bigint }>(
					`SELECT count(*) AS keys, count(*) FILTER (WHERE c > 1) AS several FROM (SELECT ${kx} AS k, count(*) AS c FROM ${quoteIdent(fbs.f.table)} AS x WHERE ${kx} IS NOT NULL GROUP BY 1)`
				);
				const matchedKeys =
					fbs === fo
						? await count(engine, `SELECT count(DISTINCT ${kx}) AS n FROM ${quoteIdent(fbs.f.table)} AS x WHERE ${kx} IN (SELECT k FROM ${lineKeys})`)
						: await count(engine, `SELECT count(DISTINCT __k) AS n FROM (SELECT ${peopleSql ? `COALESCE(p.__u, ${keyExpr('fc', key, fbs.f)})` : keyExpr('fc', key, fbs.f)} AS __k FROM ${quoteIdent(fbs.f.table)} AS fc${peopleSql ? ` LEFT JOIN ${peopleSql} AS p ON p.__k = ${keyExpr('fc', key, fbs.f)}` : ''}) WHERE __k IN (SELECT ${quoteIdent(fields.customer_id!)} FROM ${quoteIdent(table)})`);
				const keys = Number(s.keys);
				const several = Number(s.several);
				const rule = fbs === fo ? 'the latest review of an order (by review date, else the last row) is used' : "a customer's latest answer is used and repeated on each of their orders";
				const description = `${t.file} ← ${fbs.m.file} on ${keyName} "${key}": ratings and reviews; ${rule}.`;
				joins.push({ file: t.file, other: fbs.m.file, role: 'feedback', key: fbs === fo ? t.fields.order_id! : fields.customer_id!, otherKey: key, matched: hits, unmatched: n - hits, otherUnmatched: keys - matchedKeys, description });
				notes.push(`Ratings and reviews come from ${fbs.m.file}, joined on ${keyName} (${plural(matchedKeys, keyName === 'order id' ? 'order' : 'customer')} of ${fmtInt(keys)} matched); ${rule}.`);
				if (several) notes.push(`${plural(several, keyName === 'order id' ? 'order has' : 'customer has', keyName === 'order id' ? 'orders have' : 'customers have')} several rows in ${fbs.m.file}; only the latest counts.`);
				fileRowsPush(fbs, matchedKeys);
			}
		}
	} catch (e) {
		await dropJoined(engine, tables).catch(() => {});
		throw e;
	}
	for (const m of used) {
		if (m.role === 'customers') outMappings.push(m.uniqueCustomer && m.fields.customer_id ? { ...m, fields: { customer_id: m.uniqueCustomer } } : m);
		else if (m.role === 'unusable') outMappings.push(m);
	}
	return { files: outFiles, mapping: { files: outMappings }, joins, notes, fileRows, tables };
}

/** Drops the scratch tables of `joinFiles`. */
export async function dropJoined(engine: Engine, tables: string[]): Promise<void> {
	for (const t of tables) await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(t)}`);
}

