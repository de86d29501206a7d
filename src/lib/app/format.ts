/**
 * Formatting for the UI. Sentences, charts and the report share `$lib/format` (one fixed
 * locale, so the output is identical everywhere); this adds what only the UI needs.
 * The data carries no currency: money is a number with separators and two decimals, prefixed by
 * the symbol the user chose (default none).
 */
import { formatCount, formatNumber } from '$lib/format/index';

export { formatMoney, formatCount, formatNumber, formatPercent, formatCompact, formatMonth, formatDate, plural } from '$lib/format/index';

export function formatBytes(n: number): string {
	if (!Number.isFinite(n) || n < 0) return '';
	if (n < 1024) return `${n} B`;
	const units = ['KB', 'MB', 'GB'];
	let v = n / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** A cell of a generic data table: numbers get separators, everything else is shown as text. */
export function formatCell(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isInteger(v) ? formatCount(v) : formatNumber(v, 2);
	if (typeof v === 'boolean') return v ? 'yes' : 'no';
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}
