/**
 * Column profiles of a raw table in three queries: full-table counts and distinct counts, value-shape
 * shares on a sample (5,000 rows), and example values from the first rows.
 */
import type { Engine, SqlValue } from '../engine/index';
import { quoteIdent } from '../sql';
import { columnText } from './dates';
import { anyNumberExpr, MISSING_RE } from './numbers';
import type { ColumnProfile } from './types';

const SAMPLE_ROWS = 5_000;
const EXACT_DISTINCT_UP_TO = 200_000;

/** Shapes that read as a date: ISO, D/M/Y or M/D/Y, YYYYMMDD, month names. */
export const DATE_SHAPE_RE = [
	String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?`,
	String.raw`\d{1,2}[-/.]\d{1,2}[-/.](\d{4}|\d{2})([ T]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?(\s*[AaPp][Mm])?)?`,
	String.raw`(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{6})?`,
	String.raw`([A-Za-z]+,?\s+)?\d{1,2}[ -](?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Za-z]*\.?[ ,-]+\d{2,4}.*`,
	String.raw`([A-Za-z]+,?\s+)?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Za-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}.*`
]
	.map((r) => `(${r})`)
	.join('|');

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const isTextType = (t: string) => /^VARCHAR/i.test(t);
export const isTemporalType = (t: string) => /^(TIMESTAMP|DATE)/i.test(t);
export const isIntegerType = (t: string) => /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i.test(t);
export const isNumericType = (t: string) => isIntegerType(t) || /^(FLOAT|DOUBLE|REAL|DECIMAL)/i.test(t);

/** The file's columns of a raw table; a raw view's `rowid` column is its row number, not the file's (see `load.ts`). */
export async function tableColumns(engine: Engine, table: string): Promise<{ name: string; type: string }[]> {
	const rows = await engine.query<{ name: string; type: string }>(
		"SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? AND column_name <> 'rowid' ORDER BY column_index",
		[table]
	);
	return rows.map((r) => ({ name: String(r.name), type: String(r.type) }));
}

export async function profileTable(engine: Engine, table: string): Promise<{ rows: number; columns: ColumnProfile[] }> {
	const cols = await tableColumns(engine, table);
	const t = quoteIdent(table);
	const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`);
	const rows = Number(n);
	if (cols.length === 0) return { rows, columns: [] };
	const approx = rows > EXACT_DISTINCT_UP_TO;

	const stats = cols
		.map((c, i) => {
			const q = quoteIdent(c.name);
			return `count(${q}) AS n${i}, ${approx ? `approx_count_distinct(${q})` : `count(DISTINCT ${q})`} AS d${i}`;
		})
		.join(', ');
	const [s] = await engine.query<Record<string, SqlValue>>(`SELECT ${stats} FROM ${t}`);

	const from = rows > SAMPLE_ROWS ? `(SELECT * FROM ${t} USING SAMPLE reservoir(${SAMPLE_ROWS} ROWS) REPEATABLE (42))` : t;
	// One row per (sampled cell, column), so that each shape pattern is compiled once rather than once per
	// column (compiling the number and date patterns was most of this query's time). Missing markers
	// (N/A, NaN, -) are empty cells, not evidence against a number column.
	const shaped = cols.flatMap((c, i) => (isTextType(c.type) || isIntegerType(c.type) ? [{ c, i }] : []));
	const sh: Record<string, SqlValue> = {};
	if (shaped.length) {
		const values = shaped.map(({ c }) => (isTextType(c.type) ? quoteIdent(c.name) : columnText(quoteIdent(c.name), c.type)));
		const rows = await engine.query<{ i: number; n: number; sn: number; num: number; dt: number; ymd: number }>(
			`SELECT i, count(v) AS n,
				count(CASE WHEN NOT regexp_full_match(txt, ${sqlString(MISSING_RE)}) THEN 1 END) AS sn,
				count(${anyNumberExpr('txt')}) AS num,
				count(CASE WHEN regexp_full_match(txt, ${sqlString(DATE_SHAPE_RE)}) THEN 1 END) AS dt,
				count(CASE WHEN regexp_full_match(v, '(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])') THEN 1 END) AS ymd
			FROM (SELECT i, v, NULLIF(trim(v), '') AS txt FROM (SELECT unnest([${values.join(', ')}]) AS v, unnest([${shaped.map(({ i }) => i).join(', ')}]) AS i FROM ${from}))
			GROUP BY i`
		);
		for (const r of rows) {
			const i = Number(r.i);
			if (isTextType(cols[i].type)) Object.assign(sh, { [`sn${i}`]: r.sn, [`num${i}`]: r.num, [`dt${i}`]: r.dt });
			else Object.assign(sh, { [`sn${i}`]: r.n, [`dt${i}`]: r.ymd });
		}
	}

	const head = await engine.query(`SELECT * FROM ${t} LIMIT 200`);

	const columns = cols.map((c, i): ColumnProfile => {
		const nonNull = Number(s[`n${i}`] ?? 0);
		let numericShare = 0;
		let dateShare = 0;
		const sn = Number(sh[`sn${i}`] ?? 0);
		if (isTextType(c.type)) {
			numericShare = sn ? Number(sh[`num${i}`]) / sn : 0;
			dateShare = sn ? Number(sh[`dt${i}`]) / sn : 0;
		} else if (isNumericType(c.type)) {
			numericShare = nonNull ? 1 : 0;
			dateShare = isIntegerType(c.type) && sn ? Number(sh[`dt${i}`]) / sn : 0;
		} else if (isTemporalType(c.type)) dateShare = nonNull ? 1 : 0;
		const examples: string[] = [];
		for (const r of head) {
			const v = r[c.name];
			if (v === null || v === undefined) continue;
			const text = String(v);
			if (!examples.includes(text)) examples.push(text);
			if (examples.length === 5) break;
		}
		return {
			name: c.name,
			type: c.type,
			rows,
			nulls: rows - nonNull,
			distinct: Math.min(Number(s[`d${i}`] ?? 0), nonNull),
			distinctApprox: approx,
			examples,
			numericShare,
			dateShare
		};
	});
	return { rows, columns };
}
