/**
 * Reading dates whatever their format. Every format family is a SQL expression over the column's
 * text (`try_strptime`, never an error on a bad value), so one statement parses a million rows and
 * the same SQL runs on DuckDB-WASM (no ICU: no time zones) and native DuckDB.
 *
 * Detection: count, on up to 5,000 distinct values of the column, how many each family reads and
 * keep the family that reads the most. Ties go to the order of `FAMILY_ORDER`, so values that are
 * all ambiguous (`3/4/2021`) are read month-first (US) unless a day above 12 shows up first.
 */
import type { Engine } from '../engine/index';
import { quoteIdent, quoteString } from '../sql';
import type { DateFamily, DateFormatSpec } from './types';

/** Preference order on ties. */
export const FAMILY_ORDER: DateFamily[] = ['native', 'iso', 'ymd', 'mdy', 'dmy', 'named', 'excel', 'epoch-s', 'epoch-ms'];

const DESCRIPTIONS: Record<DateFamily, string> = {
	native: 'date/time values stored as such in the file',
	iso: 'YYYY-MM-DD with an optional time',
	mdy: 'month/day/year (US), with an optional time',
	dmy: 'day/month/year, with an optional time',
	ymd: 'YYYYMMDD numbers',
	named: 'dates with month names (e.g. 24 Feb 2003)',
	excel: 'Excel serial day numbers',
	'epoch-s': 'Unix time in seconds',
	'epoch-ms': 'Unix time in milliseconds'
};

export function describeDateFormat(spec: DateFormatSpec): string {
	return typeof spec === 'string' ? DESCRIPTIONS[spec] : `the pattern ${spec.strptime}`;
}

export function dateFormatLabel(spec: DateFormatSpec): string {
	return typeof spec === 'string' ? spec : spec.strptime;
}

const TIME_SUFFIXES = ['', ' %H:%M', ' %H:%M:%S', ' %I:%M %p', ' %I:%M:%S %p', 'T%H:%M:%S', ' %H:%M:%S.%f'];
const list = (formats: string[]) => `[${formats.map(quoteString).join(', ')}]`;

function dayMonthFormats(dayFirst: boolean, year: '%Y' | '%y'): string[] {
	const date = dayFirst ? `%d/%m/${year}` : `%m/%d/${year}`;
	return TIME_SUFFIXES.map((t) => date + t);
}

const ISO_FORMATS = [
	'%Y-%m-%d %H:%M:%S',
	'%Y-%m-%d',
	'%Y-%m-%d %H:%M',
	'%Y-%m-%dT%H:%M:%S',
	'%Y-%m-%dT%H:%M',
	'%Y-%m-%d %H:%M:%S.%f',
	'%Y-%m-%dT%H:%M:%S.%f',
	'%Y/%m/%d',
	'%Y/%m/%d %H:%M:%S',
	'%Y/%m/%d %H:%M',
	'%Y.%m.%d',
	'%Y.%m.%d %H:%M:%S'
];

const NAMED_FORMATS = [
	'%d %b %Y',
	'%d %B %Y',
	'%d-%b-%Y',
	'%d-%b-%y',
	'%d %b %Y %H:%M:%S',
	'%d %b %Y %H:%M',
	'%b %d, %Y',
	'%B %d, %Y',
	'%b %d %Y',
	'%B %d %Y',
	'%b %d, %Y %H:%M:%S',
	'%a, %d %b %Y %H:%M:%S',
	'%A, %B %d, %Y',
	'%a %b %d %Y',
	'%a %b %d %H:%M:%S %Y'
];

/** A trailing time zone (`Z`, `+01:00`, `UTC`) is dropped: without ICU there is no zone arithmetic. */
const ZONE_RE = String.raw`(\d:\d\d(?::\d\d(?:[.,]\d+)?)?)\s*(?:Z|[+-]\d\d:?\d\d|UTC|GMT)$`;
const FOUR_DIGIT_YEAR_RE = String.raw`^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}`;
const DAY_MONTH_RE = String.raw`^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}`;
const ISO_RE = String.raw`^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}`;

/**
 * SQL (TIMESTAMP or NULL) reading the text expression `s` with one family or pattern.
 * `s` is evaluated several times, so it should be a cheap expression (a column, a trim).
 */
export function textDateExpr(s: string, spec: DateFormatSpec): string {
	if (typeof spec !== 'string') return `try_strptime(${s}, ${quoteString(spec.strptime)})`;
	const num = `TRY_CAST(${s} AS DOUBLE)`;
	switch (spec) {
		case 'native':
			return `TRY_CAST(${s} AS TIMESTAMP)`;
		case 'iso':
			// Cheap shape test first: failing strptime over a list of patterns is what costs time.
			return `CASE WHEN regexp_matches(${s}, ${quoteString(ISO_RE)}) THEN try_strptime(regexp_replace(${s}, ${quoteString(ZONE_RE)}, '\\1'), ${list(ISO_FORMATS)}) END`;
		case 'mdy':
		case 'dmy': {
			const dayFirst = spec === 'dmy';
			// `-` and `.` separators become `/`, so one list of patterns covers all three.
			const slashed = `regexp_replace(${s}, '^(\\d{1,2})[.-](\\d{1,2})[.-]', '\\1/\\2/')`;
			return `CASE WHEN regexp_matches(${s}, ${quoteString(FOUR_DIGIT_YEAR_RE)}) THEN try_strptime(${slashed}, ${list(dayMonthFormats(dayFirst, '%Y'))}) WHEN regexp_matches(${s}, ${quoteString(DAY_MONTH_RE)}) THEN try_strptime(${slashed}, ${list(dayMonthFormats(dayFirst, '%y'))}) END`;
		}
		case 'ymd':
			return `CASE WHEN regexp_full_match(${s}, '(19|20)\\d{6}') THEN try_strptime(${s}, '%Y%m%d') WHEN regexp_full_match(${s}, '(19|20)\\d{12}') THEN try_strptime(${s}, '%Y%m%d%H%M%S') END`;
		case 'named':
			return `CASE WHEN regexp_matches(${s}, '[A-Za-z]{3}') THEN try_strptime(${s}, ${list(NAMED_FORMATS)}) END`;
		case 'excel':
			return `CASE WHEN ${num} BETWEEN 10000 AND 100000 THEN epoch_ms(CAST(round((${num} - 25569) * 86400000) AS BIGINT)) END`;
		case 'epoch-s':
			return `CASE WHEN ${num} BETWEEN 1e8 AND 4.1e9 THEN epoch_ms(CAST(round(${num} * 1000) AS BIGINT)) END`;
		case 'epoch-ms':
			return `CASE WHEN ${num} BETWEEN 1e11 AND 4.1e12 THEN epoch_ms(CAST(round(${num}) AS BIGINT)) END`;
	}
}

const isTemporal = (type: string) => /^(TIMESTAMP|DATE)/i.test(type);
const isInteger = (type: string) => /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i.test(type);
const isNumeric = (type: string) => isInteger(type) || /^(FLOAT|DOUBLE|REAL|DECIMAL)/i.test(type);

/**
 * `trim(col)` for a text column, computed only where it can change the value. DuckDB's trim walks
 * every character of every value through Unicode tables (seconds on 10 M lines); in pure ASCII text
 * (byte length = character count) the only space it removes is ' ', so testing both ends is enough.
 */
export function trimmed(col: string): string {
	return `CASE WHEN prefix(${col}, ' ') OR suffix(${col}, ' ') OR strlen(${col}) <> length(${col}) THEN trim(${col}) ELSE ${col} END`;
}

/** The column as trimmed text; integral doubles lose their `.0` so `19970101.0` reads as `19970101`. */
export function columnText(col: string, type: string): string {
	if (/^VARCHAR/i.test(type)) return trimmed(col);
	if (isNumeric(type) && !isInteger(type)) return `CASE WHEN ${col} = floor(${col}) AND abs(${col}) < 1e15 THEN CAST(CAST(${col} AS BIGINT) AS VARCHAR) ELSE CAST(${col} AS VARCHAR) END`;
	return `CAST(${col} AS VARCHAR)`;
}

/** Whether a column of `type` read with `spec` is a plain cast (no text to parse). */
export const readsNatively = (type: string, spec: DateFormatSpec) => spec === 'native' && isTemporal(type);

/** SQL reading column `col` (already quoted) of DuckDB type `type` as TIMESTAMP with `spec`. */
export function dateExpr(col: string, type: string, spec: DateFormatSpec): string {
	if (readsNatively(type, spec)) return `CAST(${col} AS TIMESTAMP)`;
	if ((spec === 'excel' || spec === 'epoch-s' || spec === 'epoch-ms') && isNumeric(type)) {
		return textDateExpr(`CAST(${col} AS DOUBLE)`, spec);
	}
	return textDateExpr(columnText(col, type), spec);
}

/** Families worth trying on a column of this type. Serial numbers only when the name says "date". */
export function candidateFamilies(type: string, allowSerial: boolean): DateFamily[] {
	if (isTemporal(type)) return ['native'];
	if (isInteger(type)) return allowSerial ? ['ymd', 'excel', 'epoch-s', 'epoch-ms'] : ['ymd'];
	if (isNumeric(type)) return allowSerial ? ['ymd', 'excel', 'epoch-s', 'epoch-ms'] : [];
	if (/^VARCHAR/i.test(type)) {
		const text: DateFamily[] = ['iso', 'ymd', 'mdy', 'dmy', 'named'];
		return allowSerial ? [...text, 'excel', 'epoch-s', 'epoch-ms'] : text;
	}
	return [];
}

export interface DateDetection {
	spec: DateFormatSpec;
	/** Distinct values tried and how many the chosen family read. */
	tried: number;
	parsed: number;
	/** Month-first and day-first read every value equally well (all days ≤ 12). */
	ambiguous: boolean;
	scores: Partial<Record<DateFamily, number>>;
}

/** Picks the family that reads the most of up to 5,000 distinct values of the column. */
export async function detectDateFormat(engine: Engine, table: string, column: string, type: string, allowSerial: boolean): Promise<DateDetection> {
	const families = candidateFamilies(type, allowSerial);
	if (families.length === 0) return { spec: 'iso', tried: 0, parsed: 0, ambiguous: false, scores: {} };
	if (families[0] === 'native') return { spec: 'native', tried: 1, parsed: 1, ambiguous: false, scores: { native: 1 } };
	const col = quoteIdent(column);
	const counts = families.map((f, i) => `count(${textDateExpr('s', f)}) AS f${i}`).join(', ');
	const sql = `SELECT count(*) AS n, ${counts} FROM (SELECT DISTINCT ${columnText(col, type)} AS s FROM ${quoteIdent(table)} WHERE ${col} IS NOT NULL LIMIT 5000) WHERE s <> ''`;
	const [row] = await engine.query<Record<string, number>>(sql);
	const scores: Partial<Record<DateFamily, number>> = {};
	families.forEach((f, i) => (scores[f] = Number(row[`f${i}`] ?? 0)));
	let best: DateFamily = families[0];
	for (const f of FAMILY_ORDER) if (families.includes(f) && (scores[f] ?? 0) > (scores[best] ?? 0)) best = f;
	const parsed = scores[best] ?? 0;
	const ambiguous = (best === 'mdy' || best === 'dmy') && parsed > 0 && scores.mdy === scores.dmy;
	return { spec: best, tried: Number(row.n ?? 0), parsed, ambiguous, scores };
}

/** A column name that suggests dates (used to allow serial numbers, and by the auto-mapper). */
export function nameLooksDateLike(name: string): boolean {
	const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
	return /(date|time|day|^ts$|timestamp|created|signup|registered|joined|since)/.test(n);
}
