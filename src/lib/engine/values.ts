import type { SqlValue } from './engine';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD` for date-only) from epoch milliseconds, in UTC. */
export function formatTimestamp(ms: number, dateOnly = false): string {
	const d = new Date(ms);
	const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	if (dateOnly) return date;
	return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * Normalises whatever a driver hands back to the scalar contract of `Engine`:
 * bigint → number (row counts and sums fit in a double at our scales), Date → ISO text.
 */
export function toSqlValue(v: unknown): SqlValue {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	if (v instanceof Date) return formatTimestamp(v.getTime());
	return String(v);
}
