/**
 * Builds the canonical tables from mapped raw tables:
 * `transactions` (exactly the canonical fields + derived columns, see canonical-fields.ts) and,
 * when customer details exist, `customers(customer_id, age, gender, city, customer_channel, signup_date)`.
 *
 * Everything is built into scratch tables first; the live tables are swapped in one transaction
 * only when every step succeeded, so a failed build never loses the previous data.
 */
import { isOutOfMemory, type Engine } from '../engine/index';
import { quoteIdent, quoteString } from '../sql';
import { disabledAnalyses } from './availability';
import { checkMapping } from './automap';
import { CANONICAL_FIELDS, CUSTOMER_ATTRIBUTES, DERIVED_COLUMNS, TRANSACTIONS_TABLE, type CanonicalField, type CustomerAttribute } from './canonical-fields';
import { columnText, dateExpr, dateFormatLabel, describeDateFormat, detectDateFormat, nameLooksDateLike, readsNatively } from './dates';
import { IngestError, counted, fmtInt, outOfMemory, plural, wrapError } from './errors';
import { decideNumberColumns, numberExpr, numberNotes } from './numbers';
import { countDuplicateLines, duplicateNote } from './duplicates';
import { dropJoined, joinFiles, type JoinedInput } from './joins';
import { isTextType } from './profile';
import type { BuildOptions, BuildResult, DateFormatSpec, DecimalMark, FileMapping, LoadedFile, LoadResult, Mapping, NumberFormatReport, QualitySummary, RowExample } from './types';

const TX_NEW = '__ingest_transactions_new';
/** The canonical projection of `TX_NEW`, for the checks that read it before the swap. */
const TXV_NEW = '__ingest_transactions_new_view';
const CUST_NEW = '__ingest_customers_new';
/** Scratch table: one row per order and file, with the counts the checks and the cancelled flag need. */
const ORDERS = '__ingest_orders';
/** Scratch table of one file's distinct date texts, parsed (see `dateDictionary`). */
const datesTable = (idx: number) => `__ingest_dates_${idx}`;
/** The lines that go into `transactions`: a readable date and an amount. */
const KEPT = 'order_ts IS NOT NULL AND revenue IS NOT NULL';
/** Online Retail's cancellation ids: `C` then a digit. */
const cId = (col: string) => String.raw`regexp_matches(${col}, '^[Cc]\d')`;
/** A `C…` id in a file that follows that convention (`cFiles`): a cancellation. */
const cCancelled = (cFiles: number[], id: string) => (cFiles.length ? `(file_idx IN (${cFiles.join(', ')}) AND ${cId(id)})` : 'false');
/** The orders cancelled as a whole: every kept line negative, or a cancelled status. */
const WHOLLY_CANCELLED = `SELECT oid FROM ${ORDERS} WHERE kept > 0 GROUP BY oid HAVING bool_and(negative) OR bool_or(status_cancelled)`;

const FIELD_TYPE = Object.fromEntries(CANONICAL_FIELDS.map((f) => [f.field, f.type])) as Record<CanonicalField, 'VARCHAR' | 'TIMESTAMP' | 'DOUBLE'>;

/** Any column as trimmed text, NULL when blank (ids, names, categories). */
function textExpr(col: string, type: string): string {
	return `NULLIF(${columnText(col, type)}, '')`;
}

const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10}%` : '0%');

interface TxPart {
	m: FileMapping;
	f: LoadedFile;
	idx: number;
	types: Map<string, string>;
	dateSpec: DateFormatSpec;
	ambiguous: boolean;
	/** Decimal mark per numeric column (see numbers.ts). */
	marks: Map<string, DecimalMark>;
	/** The scratch table of parsed distinct dates, when the date column is parsed that way. */
	dates: string | null;
}

const markOf = (reports: NumberFormatReport[]) => new Map(reports.map((r) => [r.column, r.decimal]));

async function chooseDateSpec(engine: Engine, f: LoadedFile, column: string, type: string, given?: DateFormatSpec): Promise<{ spec: DateFormatSpec; ambiguous: boolean }> {
	if (given) return { spec: given, ambiguous: false };
	const d = await detectDateFormat(engine, f.table, column, type, nameLooksDateLike(column) || f.format === 'xlsx');
	return { spec: d.spec, ambiguous: d.ambiguous };
}

/** Values per distinct text above which a date column is parsed once per distinct value and joined back. */
const DATE_REPEAT = 4;

/**
 * Text dates are parsed with regexes and strptime, the costliest expression of the build. Order
 * lines repeat their order's timestamp, so when values repeat enough each distinct text is parsed
 * once into a small scratch table that every pass over the lines joins.
 */
async function dateDictionary(engine: Engine, p: TxPart): Promise<string | null> {
	const col = p.m.fields.order_ts!;
	const type = p.types.get(col) ?? 'VARCHAR';
	const profile = p.f.columns.find((c) => c.name === col);
	if (!isTextType(type) || !profile || profile.distinct * DATE_REPEAT > profile.rows) return null;
	const q = quoteIdent(col);
	const table = datesTable(p.idx);
	await engine.exec(
		`CREATE OR REPLACE TABLE ${table} AS SELECT s, ${dateExpr('s', type, p.dateSpec)} AS ts FROM (SELECT DISTINCT ${q} AS s FROM ${quoteIdent(p.f.table)} WHERE ${q} IS NOT NULL)`
	);
	return table;
}

/** What a pass over the order lines needs besides the canonical fields. */
interface LineColumns {
	/** The canonical fields to read (`revenue` comes with the quantity and price it may need). */
	fields: readonly CanonicalField[];
	/** The date cell as text (to tell an empty date from an unreadable one). */
	dateText?: boolean;
	/** `row_no`, `file_idx` and `source_file`. */
	origin?: boolean;
	/** `oid`: the line's order id, else one made of its customer and date/time ({@link oidExpr}). */
	oid?: boolean;
}

/** A line's timestamp: its date text's parse from the file's dictionary, else the file's date expression. */
const timestamp = (p: TxPart, q: string, type: string) => (p.dates ? '__d.ts' : dateExpr(q, type, p.dateSpec));

/**
 * A line's date cell as text, to tell an empty date from an unreadable one. Only such a line's text
 * is looked at when its timestamp is read beside it (`withTimestamp`) and cheap to test: trimming (or
 * formatting) every line's took ~10 ms of Online Retail's 112 ms order pass. A date parsed line by
 * line is not parsed twice to test it.
 */
function dateCellText(p: TxPart, withTimestamp: boolean): string {
	const col = p.m.fields.order_ts;
	if (!col) return 'CAST(NULL AS VARCHAR)';
	const q = `r.${quoteIdent(col)}`;
	const type = p.types.get(col) ?? 'VARCHAR';
	const text = textExpr(q, type);
	if (!withTimestamp || !(p.dates || readsNatively(type, p.dateSpec))) return text;
	return `CASE WHEN ${timestamp(p, q, type)} IS NULL THEN ${text} END`;
}

/**
 * The typed order lines of one file: each requested canonical field read with the file's date and
 * number formats. Revenue is the mapped column, else quantity × unit price (computed a level up so
 * that each number is read once).
 */
function partLines(p: TxPart, want: LineColumns): string {
	const { m, f, types } = p;
	const needed = new Set<CanonicalField>(want.fields);
	if (needed.has('revenue')) needed.add('quantity').add('unit_price');
	if (want.oid) needed.add('order_id').add('order_ts');
	const cols: string[] = [];
	for (const { field } of CANONICAL_FIELDS) {
		if (!needed.has(field)) continue;
		const col = m.fields[field];
		const sqlType = FIELD_TYPE[field];
		const target = field === 'revenue' ? 'revenue_raw' : field;
		if (!col) {
			cols.push(field === 'quantity' && loneUnitPrice(m) ? 'CAST(1 AS DOUBLE) AS quantity' : `CAST(NULL AS ${sqlType}) AS ${target}`);
			continue;
		}
		const q = `r.${quoteIdent(col)}`;
		const type = types.get(col) ?? 'VARCHAR';
		if (field === 'order_ts') cols.push(`${timestamp(p, q, type)} AS order_ts`);
		else if (sqlType === 'DOUBLE') cols.push(`${numberExpr(q, type, p.marks.get(col) ?? 'point')} AS ${target}`);
		else if (sqlType === 'TIMESTAMP') cols.push(`TRY_CAST(${textExpr(q, type)} AS TIMESTAMP) AS ${target}`);
		else cols.push(`${textExpr(q, type)} AS ${target}`);
	}
	if (want.dateText) cols.push(`${dateCellText(p, needed.has('order_ts'))} AS date_text`);
	if (want.origin) cols.push('CAST(r.rowid + 1 AS BIGINT) AS row_no', `${p.idx} AS file_idx`, `${quoteString(f.name)} AS source_file`);
	// Only `oid` reads the customer when it is not asked for, and only on lines without an order id
	// (COALESCE reads its next argument for those lines alone), so it goes up as the file's own value:
	// converting every line's took ~15 ms of Online Retail's 110 ms order pass.
	const customerForOid = want.oid && !needed.has('customer_id');
	const rawCustomer = customerForOid ? m.fields.customer_id : undefined;
	if (rawCustomer) cols.push(`r.${quoteIdent(rawCustomer)} AS __customer`);
	const customer = !customerForOid ? 'customer_id' : rawCustomer ? textExpr('__customer', types.get(rawCustomer) ?? 'VARCHAR') : 'CAST(NULL AS VARCHAR)';
	const join = p.dates && needed.has('order_ts') ? ` LEFT JOIN ${p.dates} AS __d ON r.${quoteIdent(m.fields.order_ts!)} = __d.s` : '';
	const from = `FROM ${quoteIdent(f.table)} AS r${join}`;
	// Revenue and `oid` are computed a level up, from the columns as read.
	const derived: string[] = [];
	const dropped: string[] = [];
	if (needed.has('revenue')) {
		derived.push('COALESCE(revenue_raw, quantity * unit_price) AS revenue');
		dropped.push('revenue_raw');
	}
	if (want.oid) {
		derived.push(`${oidExpr(customer)} AS oid`);
		if (rawCustomer) dropped.push('__customer');
	}
	if (!derived.length) return `SELECT ${cols.join(', ')} ${from}`;
	return `SELECT *${dropped.length ? ` EXCLUDE (${dropped.join(', ')})` : ''}, ${derived.join(', ')} FROM (SELECT ${cols.join(', ')} ${from})`;
}

/** What says why a line is left out of `transactions`, and where it is. */
const LEFT_OUT: LineColumns = { fields: ['order_ts', 'revenue'], dateText: true, origin: true };

/** The order lines of every file (a UNION ALL of `partLines`). */
const allLines = (parts: TxPart[], want: LineColumns) => parts.map((p) => partLines(p, want)).join(' UNION ALL ');

/** The order id, synthesised for a line without one: each distinct customer (`customer`, as text) and date/time is one order. */
const oidExpr = (customer: string) => `COALESCE(order_id, COALESCE(${customer}, '?') || ' ' || strftime(order_ts, '%Y-%m-%d %H:%M:%S'))`;
/** A negative line: a return, or a line of a cancellation. */
const NEG = 'COALESCE(quantity < 0 OR revenue < 0, false)';

/** A price without quantity or revenue column is the line's revenue: each line is one unit. */
const loneUnitPrice = (m: FileMapping) => Boolean(m.fields.unit_price && !m.fields.quantity && !m.fields.revenue);

async function dropScratch(engine: Engine, parts: TxPart[] = []): Promise<void> {
	await engine.exec(`DROP VIEW IF EXISTS ${TXV_NEW}`);
	for (const t of [TX_NEW, CUST_NEW, ORDERS, ...parts.map((p) => datesTable(p.idx))]) await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(t)}`);
}

/** A field some file gives a value: every other field is NULL on every line, so it is not stored. */
function storedField(field: CanonicalField, parts: TxPart[]): boolean {
	return field === 'order_id' || field === 'revenue' || parts.some((p) => p.m.fields[field] || (field === 'quantity' && loneUnitPrice(p.m)));
}

/**
 * `transactions` as readers see it: every canonical field, in order, over a table that stores only
 * the fields the files give (a column of NULLs costs memory and build time on every line).
 */
function canonicalView(view: string, table: string, stored: ReadonlySet<CanonicalField>): string {
	const fields = CANONICAL_FIELDS.map(({ field }) => (stored.has(field) ? field : `CAST(NULL AS ${FIELD_TYPE[field]}) AS ${field}`));
	const derived = DERIVED_COLUMNS.map((c) => (c === 'source_file' ? 'CAST(source_file AS VARCHAR) AS source_file' : c));
	return `CREATE VIEW ${view} AS SELECT ${[...fields, ...derived].join(', ')} FROM ${table}`;
}

/**
 * The stored type of `source_file`: an enum of the files' names. Stored as text, the name repeated
 * on every line took 36 of the 186 bytes a line of Online Retail II takes in DuckDB; as an enum, 4.
 */
const fileNameType = (parts: TxPart[]) => `ENUM(${[...new Set(parts.map((p) => p.f.name))].map(quoteString).join(', ')})`;

/**
 * Whether `transactions` holds lines of more than one file. Its stored `source_file` is an ENUM of the
 * files the build read, so one file is told from the type, without a scan; with several, min and max
 * compare the enum's codes (count(DISTINCT) over the view's text took 156 ms on 10.3 M lines).
 */
export async function fromSeveralFiles(engine: Engine): Promise<boolean> {
	const [type] = await engine.query<{ files: number }>(`SELECT len(enum_range(source_file)) AS files FROM ${TRANSACTIONS_TABLE} LIMIT 1`);
	if (!type || Number(type.files) < 2) return false;
	const [{ several }] = await engine.query<{ several: boolean | null }>(`SELECT min(source_file) <> max(source_file) AS several FROM ${TRANSACTIONS_TABLE}`);
	return several === true;
}

/** Drops what a build made: `transactions` (the view and the table it reads) and `customers`. */
export async function dropCanonical(engine: Engine): Promise<void> {
	await engine.exec('DROP VIEW IF EXISTS transactions');
	await engine.exec(`DROP TABLE IF EXISTS ${TRANSACTIONS_TABLE}`);
	await engine.exec('DROP TABLE IF EXISTS customers');
}

/**
 * Builds `transactions` (and `customers`) from the loaded files and a mapping. Throws an
 * IngestError (never a raw engine error) when the mapping cannot produce order lines.
 */
export async function buildCanonical(engine: Engine, loaded: LoadedFile[] | LoadResult, requested: Mapping, options: BuildOptions = {}): Promise<BuildResult> {
	const given = Array.isArray(loaded) ? loaded : loaded.files;
	const problems = checkMapping(given, requested);
	if (problems.length) throw problems[0];
	const steps = 6;
	const report = (m: Mapping, done: number, rows?: number) =>
		options.onProgress?.({ file: m.files.map((f) => f.file).join(', '), phase: 'building', bytesDone: done, bytesTotal: steps, rows });
	// Said at once: detecting formats and joining files can take seconds before the first step ends.
	report(requested, 0);
	// Related files (orders, customers by real customer, ratings) are joined onto the order lines first.
	let joined: JoinedInput | null;
	try {
		joined = await joinFiles(engine, given, requested);
	} catch (e) {
		throw wrapError(e, null, 'Joining the files', 'Check the role and key of each file in "Review columns".');
	}
	const files = joined?.files ?? given;
	const mapping = joined?.mapping ?? requested;
	const byTable = new Map(files.map((f) => [f.table, f]));
	let step = 0;
	const progress = (rows?: number) => report(mapping, ++step, rows);
	// A cancel is honoured between steps up to the swap; after it the new data is in place.
	const stepDone = (rows?: number) => {
		options.signal?.throwIfAborted();
		progress(rows);
	};

	const columnTypes = (f: LoadedFile) => new Map(f.columns.map((c) => [c.name, c.type]));
	const txMappings = mapping.files.filter((m) => m.role === 'transactions' && byTable.has(m.table));
	const custMappings = mapping.files.filter((m) => m.role === 'customers' && byTable.has(m.table));

	const parts: TxPart[] = [];
	try {
		await dropScratch(engine);
		// 1. Date and number formats per file.
		const numberFormats: NumberFormatReport[] = [];
		for (const [idx, m] of txMappings.entries()) {
			const f = byTable.get(m.table)!;
			const types = columnTypes(f);
			const col = m.fields.order_ts!;
			const { spec, ambiguous } = await chooseDateSpec(engine, f, col, types.get(col) ?? 'VARCHAR', m.dateFormat ?? options.dateFormat);
			const numeric = CANONICAL_FIELDS.filter((x) => x.type === 'DOUBLE' && m.fields[x.field]).map((x) => ({ field: x.field, column: m.fields[x.field]! }));
			const reports = await decideNumberColumns(engine, f, numeric, m.numberFormats, options.decimal);
			numberFormats.push(...reports);
			parts.push({ m, f, idx, types, dateSpec: spec, ambiguous, marks: markOf(reports), dates: null });
		}
		stepDone();

		// 2. One pass over the lines into one row per order and file (small): the per-file checks
		// (unreadable dates, missing revenue, the C-prefix convention) and the orders that are cancelled
		// as a whole (every line negative, or a cancelled status) both come from it.
		const hasStatus = txMappings.some((m) => m.fields.status);
		const ordered: LineColumns = { fields: ['order_id', 'order_ts', 'revenue', ...(hasStatus ? (['status'] as const) : [])], dateText: true, origin: true, oid: true };
		let perFile: { file_idx: number; n: number; date_missing: number; date_bad: number; rev_missing: number; c_ids: number; other_ids: number; other_numeric: number }[];
		try {
			for (const p of parts) p.dates = await dateDictionary(engine, p);
			await engine.exec(
				`CREATE OR REPLACE TABLE ${ORDERS} AS
				SELECT file_idx, oid, order_id IS NOT NULL AS has_id, count(*) AS n,
					count(*) FILTER (WHERE order_ts IS NULL AND date_text IS NULL) AS date_missing,
					count(*) FILTER (WHERE order_ts IS NULL AND date_text IS NOT NULL) AS date_bad,
					count(*) FILTER (WHERE order_ts IS NOT NULL AND revenue IS NULL) AS rev_missing,
					count(*) FILTER (WHERE ${KEPT}) AS kept,
					bool_and(${NEG}) FILTER (WHERE ${KEPT}) AS negative,
					${hasStatus ? `bool_or(status ILIKE 'cancel%') FILTER (WHERE ${KEPT})` : 'CAST(NULL AS BOOLEAN)'} AS status_cancelled
				FROM (${allLines(parts, ordered)}) GROUP BY file_idx, oid, has_id`
			);
			// Where the line has an order id, `oid` is that id: the id tests run once per order, not per line.
			perFile = await engine.query(
				`SELECT file_idx, CAST(sum(n) AS BIGINT) AS n, CAST(sum(date_missing) AS BIGINT) AS date_missing, CAST(sum(date_bad) AS BIGINT) AS date_bad,
					CAST(sum(rev_missing) AS BIGINT) AS rev_missing,
					CAST(sum(n) FILTER (WHERE has_id AND c_id) AS BIGINT) AS c_ids,
					CAST(sum(n) FILTER (WHERE has_id AND NOT c_id) AS BIGINT) AS other_ids,
					CAST(sum(n) FILTER (WHERE has_id AND regexp_full_match(oid, '\\d+')) AS BIGINT) AS other_numeric
				FROM (SELECT *, ${cId('oid')} AS c_id FROM ${ORDERS}) GROUP BY file_idx ORDER BY file_idx`
			);
		} catch (e) {
			throw wrapError(e, parts.length === 1 ? parts[0].f.name : null, 'Reading the mapped columns', 'Check the mapping and the date format in "Review columns".');
		}
		const stats = new Map(perFile.map((r) => [Number(r.file_idx), r]));
		for (const p of parts) {
			const s = stats.get(p.idx);
			const n = Number(s?.n ?? 0);
			const present = n - Number(s?.date_missing ?? 0);
			const bad = Number(s?.date_bad ?? 0);
			const col = p.m.fields.order_ts!;
			if (n > 0 && (present === 0 || bad > present / 2)) {
				const [ex] = await engine.query<{ row_no: number; date_text: string | null }>(
					`SELECT row_no, date_text FROM (${partLines(p, LEFT_OUT)}) WHERE order_ts IS NULL AND date_text IS NOT NULL ORDER BY row_no LIMIT 1`
				);
				const example = ex ? ` (e.g. row ${fmtInt(Number(ex.row_no))}: "${ex.date_text}")` : '';
				throw new IngestError({
					file: p.f.name,
					column: col,
					row: ex ? Number(ex.row_no) : undefined,
					problem: present === 0 ? 'no-date' : 'bad-dates',
					hint: 'Choose the date format in "Review columns".',
					message:
						present === 0
							? `${p.f.name}, column "${col}" is empty, so there are no order dates. Map another date column in "Review columns".`
							: `${p.f.name}, column "${col}": ${fmtInt(bad)} of ${fmtInt(present)} values could not be read as dates${example}. Choose the date format in "Review columns".`
				});
			}
		}
		const cFiles = parts
			.filter((p) => {
				const s = stats.get(p.idx);
				const other = Number(s?.other_ids ?? 0);
				const c = Number(s?.c_ids ?? 0);
				// Online Retail style: a few `C…` ids among numeric ones (not ids that all start with C).
				return c > 0 && other > c && Number(s?.other_numeric ?? 0) >= 0.99 * other;
			})
			.map((p) => p.idx);
		stepDone();

		// 3. transactions in one pass: excluded lines out, flags. An order is cancelled when all its lines
		// are negative or its status says so (a semi-join on the small set of such orders, so the lines
		// stream into the table instead of being buffered by a window as `bool_and() OVER (PARTITION BY oid)` would).
		const fieldList = CANONICAL_FIELDS.map((f) => f.field);
		const stored = new Set(fieldList.filter((f) => storedField(f, parts)));
		// The lines also read `customer_id` even when no file has it: the synthesised order id names it.
		const selectFinal = [
			...[...stored].map((f) => (f === 'order_id' ? 'oid AS order_id' : f)),
			'row_no',
			`CAST(source_file AS ${fileNameType(parts)}) AS source_file`,
			'CAST(order_ts AS DATE) AS order_date',
			'neg AS is_return',
			`(${cCancelled(cFiles, 'order_id')} OR oid IN (${WHOLLY_CANCELLED})) AS is_cancelled`
		];
		await engine.exec(
			`CREATE TABLE ${TX_NEW} AS
			SELECT ${selectFinal.join(', ')}
			FROM (SELECT *, ${NEG} AS neg FROM (${allLines(parts, { fields: [...stored, 'customer_id'], origin: true, oid: true })}) WHERE ${KEPT})`
		);
		await engine.exec(canonicalView(TXV_NEW, TX_NEW, stored));
		stepDone();

		// 4. customers: from customers files and per-customer columns of order files.
		const attrSources = [...custMappings, ...txMappings].filter((m) => Object.keys(m.attributes).length > 0 && m.fields.customer_id);
		const attributes = CUSTOMER_ATTRIBUTES.map((a) => a.field).filter((a) => attrSources.some((m) => m.attributes[a]));
		const signupFormats: QualitySummary['dateFormats'] = [];
		if (attributes.length > 0) await buildCustomers(engine, byTable, custMappings, txMappings, signupFormats, options.decimal);
		stepDone();

		// 5. Quality summary (from the scratch tables, before anything is replaced).
		// Joined inputs are counted now: their order lines live in scratch tables dropped below.
		const duplicatesNow = options.duplicates !== 'later' || joined !== null;
		const quality = await summarize(engine, byTable, parts, stats, cFiles, attributes, custMappings, txMappings, signupFormats, numberFormats, duplicatesNow);
		if (joined) {
			quality.joins = joined.joins;
			quality.notes.unshift(...joined.notes);
			quality.files.push(...joined.fileRows);
		}
		stepDone(quality.rowsInTransactions);

		// 6. Swap in one transaction.
		await engine.exec('BEGIN TRANSACTION');
		try {
			await engine.exec(`DROP VIEW ${TXV_NEW}`);
			await dropCanonical(engine);
			await engine.exec(`ALTER TABLE ${TX_NEW} RENAME TO ${TRANSACTIONS_TABLE}`);
			await engine.exec(canonicalView('transactions', TRANSACTIONS_TABLE, stored));
			if (attributes.length > 0) await engine.exec(`ALTER TABLE ${CUST_NEW} RENAME TO customers`);
			await engine.exec('COMMIT');
		} catch (e) {
			await engine.exec('ROLLBACK').catch(() => {});
			throw e;
		}
		progress(quality.rowsInTransactions);
		const fields = fieldList.filter((f) => f === 'revenue' || f === 'order_id' || txMappings.some((m) => m.fields[f]));
		return { quality, fields, attributes };
	} catch (e) {
		if (options.signal?.aborted) throw options.signal.reason;
		// Named by file: on its own, "the data" would not say which load was too large.
		if (isOutOfMemory(e)) throw outOfMemory(given.map((f) => f.name).join(', '), 'building the transactions table', e);
		throw wrapError(e, null, 'Building the transactions table', 'Check the mapping in "Review columns".');
	} finally {
		await dropScratch(engine, parts).catch(() => {});
		if (joined) await dropJoined(engine, joined.tables).catch(() => {});
	}
}

async function buildCustomers(
	engine: Engine,
	byTable: Map<string, LoadedFile>,
	custMappings: FileMapping[],
	txMappings: FileMapping[],
	formats: QualitySummary['dateFormats'],
	decimal: DecimalMark | undefined
): Promise<void> {
	const attrs = CUSTOMER_ATTRIBUTES.map((a) => a.field);
	const selects = async (m: FileMapping, src: number) => {
		const f = byTable.get(m.table)!;
		const types = new Map(f.columns.map((c) => [c.name, c.type]));
		const numeric = CUSTOMER_ATTRIBUTES.filter((x) => x.type === 'DOUBLE' && m.attributes[x.field]).map((x) => ({ field: x.field, column: m.attributes[x.field]! }));
		const marks = markOf(await decideNumberColumns(engine, f, numeric, m.numberFormats, decimal));
		const cid = m.fields.customer_id!;
		const cols = [`${textExpr(quoteIdent(cid), types.get(cid) ?? 'VARCHAR')} AS customer_id`];
		for (const a of attrs) {
			const col = m.attributes[a];
			const spec = CUSTOMER_ATTRIBUTES.find((x) => x.field === a)!.type;
			if (!col) {
				cols.push(`CAST(NULL AS ${spec}) AS ${a}`);
				continue;
			}
			const q = quoteIdent(col);
			const type = types.get(col) ?? 'VARCHAR';
			if (a === 'signup_date') {
				const { spec: ds } = await chooseDateSpec(engine, f, col, type, m.role === 'customers' ? m.dateFormat : undefined);
				formats.push({ file: f.name, column: col, format: dateFormatLabel(ds), description: describeDateFormat(ds) });
				cols.push(`CAST(${dateExpr(q, type, ds)} AS DATE) AS signup_date`);
			} else if (spec === 'DOUBLE') cols.push(`${numberExpr(q, type, marks.get(col) ?? 'point')} AS ${a}`);
			else cols.push(`${textExpr(q, type)} AS ${a}`);
		}
		cols.push(`${src} AS src`, 'rowid AS r');
		return `SELECT ${cols.join(', ')} FROM ${quoteIdent(f.table)}`;
	};
	const fileParts: string[] = [];
	for (const [i, m] of custMappings.entries()) if (m.fields.customer_id) fileParts.push(await selects(m, i));
	const txParts: string[] = [];
	for (const [i, m] of txMappings.entries()) if (m.fields.customer_id && Object.keys(m.attributes).length) txParts.push(await selects(m, i));
	const empty = `SELECT ${['CAST(NULL AS VARCHAR) AS customer_id', ...attrs.map((a) => `CAST(NULL AS ${CUSTOMER_ATTRIBUTES.find((x) => x.field === a)!.type}) AS ${a}`)].join(', ')} WHERE false`;
	// A customers file: the first row of each customer id (files in mapping order).
	const fromFiles = fileParts.length
		? `SELECT * EXCLUDE (src, r) FROM (${fileParts.join(' UNION ALL ')}) WHERE customer_id IS NOT NULL QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY src, r) = 1`
		: empty;
	// Order lines: the value on the customer's last line that has one.
	const fromOrders = txParts.length
		? `SELECT customer_id, ${attrs.map((a) => `arg_max(${a}, src * 1e12 + r) FILTER (WHERE ${a} IS NOT NULL) AS ${a}`).join(', ')} FROM (${txParts.join(' UNION ALL ')}) WHERE customer_id IS NOT NULL GROUP BY customer_id`
		: empty;
	await engine.exec(
		`CREATE TABLE ${CUST_NEW} AS
		SELECT COALESCE(f.customer_id, o.customer_id) AS customer_id, ${attrs.map((a) => `COALESCE(f.${a}, o.${a}) AS ${a}`).join(', ')}
		FROM (${fromFiles}) f FULL OUTER JOIN (${fromOrders}) o ON f.customer_id = o.customer_id
		ORDER BY customer_id`
	);
}

async function summarize(
	engine: Engine,
	byTable: Map<string, LoadedFile>,
	parts: TxPart[],
	stats: Map<number, { n: number; date_missing: number; date_bad: number; rev_missing: number }>,
	cFiles: number[],
	attributes: CustomerAttribute[],
	custMappings: FileMapping[],
	txMappings: FileMapping[],
	signupFormats: QualitySummary['dateFormats'],
	numberFormats: NumberFormatReport[],
	duplicatesNow: boolean
): Promise<QualitySummary> {
	const [lines] = await engine.query<Record<string, number | string | null>>(
		`SELECT count(*) AS n, count(*) FILTER (WHERE is_cancelled) AS cancelled, count(*) FILTER (WHERE is_return) AS returns,
			count(*) FILTER (WHERE customer_id IS NULL) AS no_customer, count(*) FILTER (WHERE revenue = 0) AS zero_revenue,
			count(DISTINCT customer_id) AS customers, COALESCE(sum(revenue), 0) AS revenue,
			CAST(min(order_date) AS VARCHAR) AS date_from, CAST(max(order_date) AS VARCHAR) AS date_to
		FROM ${TXV_NEW}`
	);
	// The order counts come from the order table, one row per order and file, where `oid` is the lines'
	// `order_id` and `kept` counts the lines that went into `transactions`; the same counts over every
	// line took two more DISTINCTs and a regex per line (0.81 s instead of 0.49 s on 10.3 M lines natively).
	const [orders] = await engine.query<Record<string, number>>(
		`SELECT count(DISTINCT oid) AS orders,
			count(DISTINCT oid) FILTER (WHERE (has_id AND ${cCancelled(cFiles, 'oid')}) OR oid IN (${WHOLLY_CANCELLED})) AS cancelled_orders,
			coalesce(sum(kept) FILTER (WHERE ${cFiles.length ? cId('oid') : 'false'}), 0) AS c_lines
		FROM ${ORDERS} WHERE kept > 0`
	);
	const t = { ...lines, ...orders };
	const num = (k: string) => Number(t[k] ?? 0);
	const sum = (k: 'n' | 'date_missing' | 'date_bad' | 'rev_missing') => parts.reduce((acc, p) => acc + Number(stats.get(p.idx)?.[k] ?? 0), 0);
	// The lines left out are few, so they are looked for only when the checks counted some.
	const examples = async (count: number, where: string): Promise<RowExample[]> =>
		count === 0
			? []
			: (
					await engine.query<{ source_file: string; row_no: number; date_text: string | null }>(
						`SELECT source_file, row_no, date_text FROM (${allLines(parts, LEFT_OUT)}) WHERE ${where} ORDER BY file_idx, row_no LIMIT 5`
					)
				).map((r) => ({ file: String(r.source_file), row: Number(r.row_no), value: r.date_text === null ? null : String(r.date_text) }));
	const badDateExamples = await examples(sum('date_missing') + sum('date_bad'), 'order_ts IS NULL');
	const revExamples = (await examples(sum('rev_missing'), 'order_ts IS NOT NULL AND revenue IS NULL')).map((e) => ({ ...e, value: null }));

	const duplicateLines = duplicatesNow ? await countDuplicateLines(engine, parts.map((p) => p.f)) : null;

	const rowsRead = sum('n');
	const dateMissing = sum('date_missing');
	const dateBad = sum('date_bad');
	const revMissing = sum('rev_missing');
	const n = num('n');

	let customersTable: QualitySummary['customersTable'] = null;
	if (attributes.length > 0) {
		const [c] = await engine.query<{ rows: number; without_orders: number; missing: number }>(
			`SELECT (SELECT count(*) FROM ${CUST_NEW}) AS rows,
				(SELECT count(*) FROM ${CUST_NEW} c WHERE NOT EXISTS (SELECT 1 FROM ${TXV_NEW} t WHERE t.customer_id = c.customer_id)) AS without_orders,
				(SELECT count(DISTINCT customer_id) FROM ${TXV_NEW} t WHERE customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${CUST_NEW} c WHERE c.customer_id = t.customer_id)) AS missing`
		);
		customersTable = { rows: Number(c.rows), attributes, withoutOrders: Number(c.without_orders), orderCustomersMissing: Number(c.missing) };
	}

	const notes: string[] = [];
	const dateFormats: QualitySummary['dateFormats'] = [];
	for (const p of parts) {
		const col = p.m.fields.order_ts!;
		dateFormats.push({ file: p.f.name, column: col, format: dateFormatLabel(p.dateSpec), description: describeDateFormat(p.dateSpec) });
		if (p.ambiguous) {
			notes.push(
				`${p.f.name}: every date in "${col}" could be month-first or day-first (no day above 12); they were read month-first (US). If that is wrong, choose day/month/year in "Review columns".`
			);
		}
		if (!p.m.fields.order_id) notes.push(`${p.f.name} has no order id column: each distinct customer and date/time is counted as one order.`);
		if (loneUnitPrice(p.m)) notes.push(`${p.f.name} has no quantity or revenue column: each line's price ("${p.m.fields.unit_price}") is its revenue (quantity 1).`);
		else if (!p.m.fields.revenue) notes.push(`${p.f.name} has no revenue column: revenue is quantity × unit price.`);
	}
	dateFormats.push(...signupFormats);
	notes.push(...numberNotes(numberFormats));
	if (cFiles.length) {
		const names = parts.filter((p) => cFiles.includes(p.idx)).map((p) => p.f.name);
		notes.push(`Order ids starting with "C" are cancellations in ${names.join(', ')} (${plural(num('c_lines'), 'line')}).`);
	}
	if (num('cancelled') > 0) notes.push(`${plural(num('cancelled_orders'), 'order')} (${plural(num('cancelled'), 'line')}) ${num('cancelled_orders') === 1 ? 'is' : 'are'} flagged as cancelled; cancellations are kept and flagged, not deleted.`);
	if (num('returns') > 0) notes.push(`${counted(num('returns'), 'line', 'has')} a negative quantity or amount (returns or cancellation lines); they are kept and flagged.`);
	if (dateMissing + dateBad > 0) {
		const ex = badDateExamples.find((e) => e.value !== null) ?? badDateExamples[0];
		const eg = ex ? ` (e.g. ${ex.file} row ${fmtInt(ex.row)}: ${ex.value === null ? 'empty' : `"${ex.value}"`})` : '';
		notes.push(`${plural(dateMissing + dateBad, 'line')} without a readable date ${dateMissing + dateBad === 1 ? 'was' : 'were'} left out${eg}.`);
	}
	if (revMissing > 0) {
		const ex = revExamples[0];
		const eg = ex ? ` (e.g. ${ex.file} row ${fmtInt(ex.row)})` : '';
		notes.push(`${plural(revMissing, 'line')} without an amount (no revenue, quantity or price) ${revMissing === 1 ? 'was' : 'were'} left out${eg}.`);
	}
	if (num('no_customer') > 0) notes.push(`${plural(num('no_customer'), 'line')} (${pct(num('no_customer'), n)}) ${num('no_customer') === 1 ? 'has' : 'have'} no customer id; customer analyses leave them out.`);
	if (num('zero_revenue') > 0) notes.push(`${counted(num('zero_revenue'), 'line', 'has')} a revenue of 0; they are kept.`);
	const duplicates = duplicateLines === null ? null : duplicateNote(duplicateLines);
	if (duplicates) notes.push(duplicates);
	const present = new Set<CanonicalField>(txMappings.flatMap((m) => Object.keys(m.fields) as CanonicalField[]));
	if (!present.has('deal_size')) notes.push('There is no deal-size column: orders are grouped into order-value bands instead.');
	if (customersTable) {
		if (custMappings.length && customersTable.orderCustomersMissing > 0) {
			notes.push(`${plural(customersTable.orderCustomersMissing, 'customer')} with orders ${customersTable.orderCustomersMissing === 1 ? 'is' : 'are'} not in the customers file.`);
		}
		if (customersTable.withoutOrders > 0) notes.push(`${plural(customersTable.withoutOrders, 'customer')} in the customers table ${customersTable.withoutOrders === 1 ? 'has' : 'have'} no orders.`);
	} else if (custMappings.length) notes.push('The customers file has no usable customer details (age, gender, city, channel, signup date), so no customers table was built.');

	const hasAttrs = attributes.length > 0;
	return {
		files: [
			...parts.map((p) => {
				const s = stats.get(p.idx);
				const rows = Number(s?.n ?? 0);
				const used = rows - Number(s?.date_missing ?? 0) - Number(s?.date_bad ?? 0) - Number(s?.rev_missing ?? 0);
				return { file: p.f.name, table: p.f.table, role: 'transactions' as const, format: p.f.format, rowsRead: rows, rowsUsed: used };
			}),
			...custMappings.map((m) => {
				const f = byTable.get(m.table)!;
				return { file: f.name, table: f.table, role: 'customers' as const, format: f.format, rowsRead: f.rows, rowsUsed: customersTable ? f.rows : 0 };
			})
		],
		rowsRead,
		rowsInTransactions: n,
		flagged: {
			cancellationLines: num('cancelled'),
			returnLines: num('returns'),
			missingCustomerId: num('no_customer'),
			badDates: { count: dateMissing + dateBad, missing: dateMissing, unparseable: dateBad, examples: badDateExamples },
			zeroRevenue: num('zero_revenue'),
			missingRevenue: { count: revMissing, examples: revExamples },
			duplicateLines
		},
		orders: num('orders'),
		customers: num('customers'),
		revenue: Math.round(num('revenue') * 100) / 100,
		dateFrom: t.date_from === null ? null : String(t.date_from),
		dateTo: t.date_to === null ? null : String(t.date_to),
		dateFormats,
		numberFormats,
		customersTable,
		notes,
		disabledAnalyses: disabledAnalyses(true, present, hasAttrs)
	};
}
