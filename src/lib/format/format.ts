/**
 * Number, money, percent and date formatting for sentences, chart labels and the report. One fixed
 * locale (en-US grouping: 1,234.50) so the output is identical on every machine and in tests.
 * Negative numbers use the minus sign U+2212. Non-finite values format as an em dash.
 */
const LOCALE = 'en-US';
const MINUS = '\u2212';

// One formatter per number of decimals: building an Intl.NumberFormat costs far more than a format
// call, and a chart formats thousands of labels and cells.
const fixedFormats = new Map<number, Intl.NumberFormat>();
const fixed = (digits: number) => {
	let f = fixedFormats.get(digits);
	if (!f) fixedFormats.set(digits, (f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
	return f;
};
const money2 = fixed(2);
const money0 = fixed(0);
const int = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });

export function isFiniteNumber(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

function sign(v: number): string {
	return v < 0 && Math.abs(v) > 0 ? MINUS : '';
}

/** Avoid "−0.0": a value that rounds to zero at `digits` decimals is shown without a sign. */
function roundsToZero(v: number, digits: number): boolean {
	return Math.abs(v) < 0.5 * 10 ** -digits;
}

/**
 * Currency prefix: a symbol is written as is ("£1.00"); a code of letters gets a space ("EUR 1.00").
 * Empty / undefined: no prefix.
 */
function currencyPrefix(currency: string | undefined): string {
	const c = (currency ?? '').trim();
	if (!c) return '';
	return /^[A-Za-z]{2,}$/.test(c) ? `${c} ` : c;
}

/** "£1,234.50", "−£12.00", "1,234.50" without a currency. */
export function formatMoney(v: unknown, currency?: string, digits: 0 | 2 = 2): string {
	if (!isFiniteNumber(v)) return '—';
	const f = digits === 0 ? money0 : money2;
	return `${roundsToZero(v, digits) ? '' : sign(v)}${currencyPrefix(currency)}${f.format(Math.abs(v))}`;
}

/** Compact money for ticks and bar labels: "£1.2K", "£3.4M", "£950". */
export function formatMoneyCompact(v: unknown, currency?: string): string {
	if (!isFiniteNumber(v)) return '—';
	return `${sign(v)}${currencyPrefix(currency)}${formatCompact(Math.abs(v))}`;
}

/** Compact number: 950, 1.2K, 3.4M, 1.1B. */
export function formatCompact(v: unknown): string {
	if (!isFiniteNumber(v)) return '—';
	return `${sign(v)}${compact.format(Math.abs(v))}`;
}

/** Whole number with separators: "12,345". */
export function formatCount(v: unknown): string {
	if (!isFiniteNumber(v)) return '—';
	const r = Math.round(v);
	return `${r < 0 ? MINUS : ''}${int.format(Math.abs(r))}`;
}

/** Number with exactly `digits` decimals: formatNumber(3.14159, 2) = "3.14". */
export function formatNumber(v: unknown, digits = 1): string {
	if (!isFiniteNumber(v)) return '—';
	return `${roundsToZero(v, digits) ? '' : sign(v)}${fixed(digits).format(Math.abs(v))}`;
}

/** A ratio as a percentage: formatPercent(0.1234) = "12.3%". */
export function formatPercent(v: unknown, digits = 1): string {
	if (!isFiniteNumber(v)) return '—';
	return `${formatNumber(v * 100, digits)}%`;
}

/** A signed change: formatChange(0.032) = "+3.2%", formatChange(−0.05) = "−5.0%". */
export function formatChange(v: unknown, digits = 1): string {
	if (!isFiniteNumber(v)) return '—';
	const body = formatPercent(v, digits);
	return v > 0 && !roundsToZero(v * 100, digits) ? `+${body}` : body;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Calendar month 1–12 → "January"; short → "Jan". */
export function monthName(month: number, short = false): string {
	const name = MONTHS[month - 1] ?? String(month);
	return short ? name.slice(0, 3) : name;
}

/** "2024-03" → "March 2024" (short: "Mar 2024"). Anything else is returned unchanged. */
export function formatMonth(ym: string, short = false): string {
	const m = /^(\d{4})-(\d{2})$/.exec(ym);
	return m ? `${monthName(Number(m[2]), short)} ${m[1]}` : ym;
}

/** "2024-03-05" → "5 Mar 2024". Anything else is returned unchanged. */
export function formatDate(ymd: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
	return m ? `${Number(m[3])} ${monthName(Number(m[2]), true)} ${m[1]}` : ymd;
}

/** "Net revenue (£)" when a currency is set, else "Net revenue". */
export function withCurrency(label: string, currency?: string): string {
	const c = (currency ?? '').trim();
	return c ? `${label} (${c})` : label;
}

/** "1 customer", "2 customers" (count formatted). */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
	return `${formatCount(n)} ${Math.round(n) === 1 ? singular : pluralForm}`;
}

/** Shorten text to `max` characters (Unicode code points), ending with "…" when cut. */
export function truncate(text: string, max: number): string {
	const chars = Array.from(text);
	return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/**
 * `text` ending with a full stop. Reasons are mostly fragments ("no customer id column"), but a
 * model's refusal is whole sentences that carry their own.
 */
export function sentence(text: string): string {
	return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Join list items in plain English: "a", "a and b", "a, b and c". */
export function listJoin(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
