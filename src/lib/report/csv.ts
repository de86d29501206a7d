/**
 * CSV export of segment members (and any other table): RFC 4180 (comma separator, CRLF line ends,
 * fields quoted when they contain a comma, quote, CR or LF; quotes doubled).
 *
 * Spreadsheet formula injection: a *text* cell starting with `=`, `+`, `-`, `@`, tab or carriage
 * return would be evaluated as a formula by Excel/LibreOffice/Sheets when the file is opened, so it
 * is neutralised by prefixing a single quote (OWASP "CSV injection"). Numbers are written as numbers
 * and are never prefixed, so a negative amount stays a number.
 */
export type CsvCell = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvCell): string {
	let text: string;
	if (value === null || value === undefined) text = '';
	else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
	else if (typeof value === 'boolean') text = value ? 'true' : 'false';
	else if (value instanceof Date) text = value.toISOString();
	else text = neutraliseFormula(String(value));
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV document: header row, then one line per row, each in the order of `columns`. */
export function toCsv<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
	const lines = [columns.map((c) => csvCell(c)).join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] as CsvCell)).join(','));
	return lines.join('\r\n') + '\r\n';
}
