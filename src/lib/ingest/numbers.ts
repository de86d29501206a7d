/**
 * Reading numbers the way a spreadsheet would, decided per column like the date format.
 *
 * A column's number format is its decimal mark (`point`: `1,234.50`, `comma`: `1.234,50`). The
 * other mark, spaces (also no-break and narrow no-break), `'` and `’` are thousands separators,
 * accepted only in groups of three digits, so under a decimal comma `1.500` is 1500 and under a
 * decimal point `12,50` is unreadable rather than 1250. Currency symbols or codes before or after
 * (`€`, `$`, `£`, `EUR 12.50`, `12,50 €`), accounting negatives `(12.50)` and a trailing minus
 * `12.50-` are read too. Missing markers (`NaN`, `Infinity`, `N/A`, `#N/A`, `-`, `null`, Excel
 * errors) and anything else unreadable become NULL, never NaN or ±Infinity.
 *
 * Detection: on up to 5,000 distinct values, count the values only one mark can read; the mark
 * with more wins. When both read every value but disagree on some (`1.500`), the column is
 * ambiguous and the file's hint decides (a `;`-separated export is usually European).
 */
import type { Engine } from '../engine/index';
import { quoteIdent, quoteString } from '../sql';
import { fmtInt, plural } from './errors';
import type { DecimalMark, LoadedFile, NumberFormatReport, RowExample } from './types';

const isText = (t: string) => /^VARCHAR/i.test(t);
const isFloat = (t: string) => /^(FLOAT|DOUBLE|REAL)$/i.test(t);
const isNumeric = (t: string) => isFloat(t) || /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i.test(t) || /^DECIMAL/i.test(t);

/** Blanks RE2's `\s` does not know: no-break, narrow no-break and thin spaces. */
const SPACE = String.raw`[ \t\x{00A0}\x{202F}\x{2009}]`;
const SPACE_CHARS = String.raw` \t\x{00A0}\x{202F}\x{2009}`;
const CURRENCY = String.raw`(?:[A-Z]{3}|[A-Za-z]{0,3}[$€£¥₹₽₩₺₪₫฿]|kr\.?|zł|Kč|Ft|Fr\.)`;
const SIGN = '[-+−]?';

const GROUP_CHARS: Record<DecimalMark, string> = {
	point: `,'’${SPACE_CHARS}`,
	comma: `.'’${SPACE_CHARS}`
};

function fullPattern(mark: DecimalMark): string {
	const d = mark === 'point' ? String.raw`\.` : ',';
	const num = String.raw`((?:\d{1,3}(?:[${GROUP_CHARS[mark]}]\d{3})+|\d+)(?:${d}\d+)?|${d}\d+)`;
	const s = `${SPACE}*`;
	return `\\(?${s}${SIGN}${s}${CURRENCY}?${s}\\(?${s}${SIGN}${s}${num}${s}-?${s}\\)?${s}${CURRENCY}?${s}-?${s}\\)?`;
}

/** Plain numbers (the bulk of most files) skip the full pattern. */
const PLAIN: Record<DecimalMark, string> = {
	point: String.raw`[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`,
	comma: String.raw`[-+]?\d+(,\d+)?`
};

/** Values that mean "no number here": read as missing, counted, never as 0 or NaN. */
export const MISSING_RE = String.raw`(?i)(nan|[-+]?inf(inity)?|n/?a|#n/?a|null|none|nil|[-–—]+|\?|#[a-z/0]+[!?]?)`;

/** A DOUBLE that is NaN or ±Infinity (e.g. from Parquet) is missing too. */
const finite = (v: string) => `CASE WHEN isfinite(${v}) THEN ${v} END`;

/**
 * SQL (DOUBLE or NULL) reading the trimmed VARCHAR expression `s` with decimal mark `mark`.
 * `s` is evaluated several times, so it should be cheap (a column, a trim).
 */
export function textNumberExpr(s: string, mark: DecimalMark): string {
	const full = quoteString(fullPattern(mark));
	const plain = mark === 'point' ? `TRY_CAST(${s} AS DOUBLE)` : `TRY_CAST(replace(${s}, ',', '.') AS DOUBLE)`;
	const digits = `replace(regexp_replace(regexp_extract(${s}, ${full}, 1), ${quoteString(`[${GROUP_CHARS[mark]}]`)}, '', 'g'), ',', '.')`;
	const negative = `regexp_matches(${s}, ${quoteString(String.raw`\(|[-−]${SPACE}*\)?${SPACE}*$|^[^0-9]*[-−]`)})`;
	return `CASE WHEN regexp_full_match(${s}, ${quoteString(PLAIN[mark])}) THEN ${finite(plain)}
		WHEN regexp_full_match(${s}, ${full}) AND strlen(${s}) - strlen(replace(${s}, '(', '')) = strlen(${s}) - strlen(replace(${s}, ')', '')) THEN (CASE WHEN ${negative} THEN -1 ELSE 1 END) * TRY_CAST(${digits} AS DOUBLE) END`;
}

/** SQL (DOUBLE or NULL) reading a text value with either mark: what profiling counts as "a number". */
export function anyNumberExpr(s: string): string {
	return `COALESCE(${textNumberExpr(s, 'point')}, ${textNumberExpr(s, 'comma')})`;
}

/** SQL reading column `col` (already quoted) of DuckDB type `type` as a finite DOUBLE, or NULL. */
export function numberExpr(col: string, type: string, mark: DecimalMark): string {
	if (isFloat(type)) return finite(`CAST(${col} AS DOUBLE)`);
	if (isNumeric(type)) return `CAST(${col} AS DOUBLE)`;
	if (isText(type)) return textNumberExpr(`NULLIF(trim(${col}), '')`, mark);
	return `TRY_CAST(${col} AS DOUBLE)`;
}

export interface NumberDetection {
	mark: DecimalMark;
	/** Both marks read every value, but to different numbers on some (e.g. only `1.500`-like values). */
	ambiguous: boolean;
	/** Distinct values looked at. */
	tried: number;
	/** Values only a decimal point / only a decimal comma reads. */
	onlyPoint: number;
	onlyComma: number;
	/** A value both marks read differently (shown when the column is ambiguous). */
	example: string | null;
}

/** Decides the decimal mark of a column from up to 5,000 of its distinct values. */
export async function detectNumberFormat(engine: Engine, table: string, column: string, type: string, preferComma: boolean): Promise<NumberDetection> {
	const fallback: DecimalMark = preferComma ? 'comma' : 'point';
	if (!isText(type)) return { mark: 'point', ambiguous: false, tried: 0, onlyPoint: 0, onlyComma: 0, example: null };
	const col = quoteIdent(column);
	const [r] = await engine.query<{ n: number; op: number; oc: number; ex: string | null }>(
		`SELECT count(*) AS n, count(*) FILTER (WHERE p IS NOT NULL AND c IS NULL) AS op, count(*) FILTER (WHERE c IS NOT NULL AND p IS NULL) AS oc,
			min(s) FILTER (WHERE p <> c) AS ex
		FROM (SELECT s, ${textNumberExpr('s', 'point')} AS p, ${textNumberExpr('s', 'comma')} AS c
			FROM (SELECT DISTINCT trim(${col}) AS s FROM ${quoteIdent(table)} WHERE ${col} IS NOT NULL LIMIT 5000) WHERE s <> '')`
	);
	const onlyPoint = Number(r?.op ?? 0);
	const onlyComma = Number(r?.oc ?? 0);
	const example = r?.ex === null || r?.ex === undefined ? null : String(r.ex);
	const mark: DecimalMark = onlyPoint > onlyComma ? 'point' : onlyComma > onlyPoint ? 'comma' : fallback;
	return { mark, ambiguous: onlyPoint === onlyComma && example !== null, tried: Number(r?.n ?? 0), onlyPoint, onlyComma, example };
}

export function describeNumberFormat(mark: DecimalMark): string {
	return mark === 'comma' ? 'decimal comma (1.234,50)' : 'decimal point (1,234.50)';
}

export interface NumberIssues {
	/** Missing markers (`N/A`, `NaN`, `-`…) and NaN/Infinity values. */
	missing: number;
	/** Other values that are not numbers under the column's format. */
	unreadable: number;
	examples: RowExample[];
}

/**
 * Counts the values of a numeric column that are missing markers or unreadable, with the first
 * example of each (row numbers as in `transactions.row_no`: 1-based data rows).
 */
export async function numberIssues(engine: Engine, file: string, table: string, column: string, type: string, mark: DecimalMark): Promise<NumberIssues> {
	const col = quoteIdent(column);
	let bad: string;
	let missing: string;
	let text: string;
	if (isFloat(type)) {
		text = `CAST(${col} AS VARCHAR)`;
		missing = `NOT isfinite(${col})`;
		bad = 'false';
	} else if (isText(type)) {
		text = `trim(${col})`;
		missing = `regexp_full_match(trim(${col}), ${quoteString(MISSING_RE)})`;
		bad = `trim(${col}) <> '' AND ${numberExpr(col, type, mark)} IS NULL`;
	} else return { missing: 0, unreadable: 0, examples: [] };
	const rows = await engine.query<{ kind: string; n: number; row_no: number; value: string }>(
		`SELECT kind, count(*) AS n, min(r) AS row_no, arg_min(v, r) AS value FROM (
			SELECT CASE WHEN ${missing} THEN 'missing' WHEN ${bad} THEN 'unreadable' END AS kind, rowid + 1 AS r, ${text} AS v FROM ${quoteIdent(table)} WHERE ${col} IS NOT NULL
		) WHERE kind IS NOT NULL GROUP BY kind ORDER BY kind`
	);
	const count = (k: string) => Number(rows.find((x) => x.kind === k)?.n ?? 0);
	return {
		missing: count('missing'),
		unreadable: count('unreadable'),
		examples: rows.map((x) => ({ file, row: Number(x.row_no), value: String(x.value) }))
	};
}

/**
 * The number format of each mapped numeric column of one file: the user's choice (`chosen`, per
 * column name), else `fallback` (a build-wide choice), else detected. With what each column holds
 * that is not a number.
 */
export async function decideNumberColumns(
	engine: Engine,
	file: LoadedFile,
	columns: { field: string; column: string }[],
	chosen: Record<string, DecimalMark> | undefined,
	fallback: DecimalMark | undefined
): Promise<NumberFormatReport[]> {
	const types = new Map(file.columns.map((c) => [c.name, c.type]));
	const preferComma = file.readOptions.delimiter === ';';
	const out: NumberFormatReport[] = [];
	for (const { field, column } of columns) {
		const type = types.get(column) ?? 'VARCHAR';
		if (!isText(type) && !isFloat(type)) continue;
		const given = chosen?.[column] ?? fallback;
		const d = given ? null : await detectNumberFormat(engine, file.table, column, type, preferComma);
		const decimal = given ?? d!.mark;
		const issues = await numberIssues(engine, file.name, file.table, column, type, decimal);
		// A column stored as binary numbers has no decimal mark to decide; it is reported only for its NaN/Infinity.
		if (isFloat(type) && issues.missing === 0 && issues.unreadable === 0) continue;
		out.push({
			file: file.name,
			column,
			field,
			decimal,
			description: describeNumberFormat(decimal),
			chosen: !!given,
			ambiguous: d?.ambiguous ?? false,
			example: d?.example ?? null,
			...issues
		});
	}
	return out;
}

/** Plain sentences for the ingest notes: ambiguous or comma-decimal columns, missing markers, unreadable values. */
export function numberNotes(reports: NumberFormatReport[]): string[] {
	const notes: string[] = [];
	const where = (r: NumberFormatReport) => `${r.file}, column "${r.column}"`;
	const eg = (r: NumberFormatReport, kind: 'missing' | 'unreadable') => {
		const ex = r.examples.find((e) => (kind === 'missing') === isMissingMarker(e.value));
		return ex ? ` (e.g. row ${fmtInt(ex.row)}: "${ex.value}")` : '';
	};
	for (const r of reports) {
		if (r.ambiguous) {
			const other: DecimalMark = r.decimal === 'point' ? 'comma' : 'point';
			notes.push(
				`${where(r)}: numbers such as "${r.example}" read differently with a decimal point or a decimal comma; they were read with a ${describeNumberFormat(r.decimal)}. If that is wrong, choose the ${describeNumberFormat(other).replace(/ \(.*/, '')} in "Review columns".`
			);
		} else if (r.decimal === 'comma' && !r.chosen) notes.push(`${where(r)}: numbers are written with a ${describeNumberFormat('comma')}.`);
		if (r.missing > 0) {
			notes.push(`${where(r)}: ${plural(r.missing, 'value')} ${r.missing === 1 ? 'is a missing marker' : 'are missing markers'} (N/A, NaN, -…), read as empty${eg(r, 'missing')}.`);
		}
		if (r.unreadable > 0) {
			notes.push(`${where(r)}: ${plural(r.unreadable, 'value')} could not be read as ${r.unreadable === 1 ? 'a number' : 'numbers'} with a ${describeNumberFormat(r.decimal)} and ${r.unreadable === 1 ? 'was' : 'were'} read as empty${eg(r, 'unreadable')}.`);
		}
	}
	return notes;
}

const MISSING_JS = new RegExp(`^${MISSING_RE.replace('(?i)', '')}$`, 'i');
/** The same test as `MISSING_RE`, in JS (NaN/Infinity of a DOUBLE column print as `nan`/`inf`). */
export const isMissingMarker = (v: string | null) => v === null || MISSING_JS.test(v.trim());
