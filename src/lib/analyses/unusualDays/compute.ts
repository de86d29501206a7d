/**
 * Unusual days: daily net revenue with the weekday effect removed (revenue / median revenue of that
 * weekday), flagged when the robust z-score |x − median(x)| / (1.4826 · MAD) exceeds 3.5.
 */
import type { AnalysisContext } from '../context';
import { dateLiteral } from '../scope';
import type { Maybe } from '../types';
import type { UnusualDay, UnusualDaysResult } from './types';

export const Z_THRESHOLD = 3.5;
export const MAD_SCALE = 1.4826;
/** √(π/2): makes the mean absolute deviation a consistent scale estimate for normal data. */
export const MEANAD_SCALE = 1.253314;

export function median(values: readonly number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const n = s.length;
	if (n === 0) return Number.NaN;
	return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

const weekdayOf = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The detector on a complete daily series (every calendar day, zeros included). Pure, for tests. */
export function detectUnusualDays(days: readonly { date: string; revenue: number }[], threshold = Z_THRESHOLD): Omit<UnusualDaysResult, 'available'> {
	const byWeekday = new Map<number, number[]>();
	for (const d of days) {
		const w = weekdayOf(d.date);
		if (!byWeekday.has(w)) byWeekday.set(w, []);
		byWeekday.get(w)!.push(d.revenue);
	}
	const weekdayMedians = [...byWeekday.entries()].sort((a, b) => a[0] - b[0]).map(([weekday, v]) => ({ weekday, median: median(v) }));
	const med = new Map(weekdayMedians.map((w) => [w.weekday, w.median]));
	// Weekdays whose median revenue is not positive (e.g. days the business is closed) cannot be scaled.
	const scored = days.filter((d) => med.get(weekdayOf(d.date))! > 0).map((d) => ({ ...d, weekday: weekdayOf(d.date), x: d.revenue / med.get(weekdayOf(d.date))! }));
	const base = { threshold, days: days.length, daysScored: scored.length, weekdayMedians };
	if (scored.length < 3) return { ...base, scale: 'none', unusual: [] };
	const xs = scored.map((s) => s.x);
	const center = median(xs);
	let scale: UnusualDaysResult['scale'] = 'mad';
	let spread = MAD_SCALE * median(xs.map((x) => Math.abs(x - center)));
	if (!(spread > 0)) {
		scale = 'meanad';
		spread = MEANAD_SCALE * (xs.reduce((s, x) => s + Math.abs(x - center), 0) / xs.length);
	}
	if (!(spread > 0)) return { ...base, scale: 'none', unusual: [] };
	const unusual: UnusualDay[] = [];
	for (const s of scored) {
		const z = (s.x - center) / spread;
		if (Math.abs(z) > threshold) {
			const expected = med.get(s.weekday)! * center;
			unusual.push({
				date: s.date,
				weekday: s.weekday,
				revenue: s.revenue,
				expected,
				z,
				deviation: expected !== 0 ? s.revenue / expected - 1 : null,
				direction: z > 0 ? 'high' : 'low'
			});
		}
	}
	unusual.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || (a.date < b.date ? -1 : 1));
	return { ...base, scale, unusual };
}

export async function computeUnusualDays(ctx: AnalysisContext): Promise<Maybe<UnusualDaysResult>> {
	const none = ctx.missing([]);
	if (none) return none;
	const orders = await ctx.orders();
	const rows = await ctx.engine.query<{ date: string; revenue: number }>(
		`WITH cal AS (SELECT CAST(t.d AS DATE) AS d FROM generate_series(${dateLiteral(ctx.firstDate!)}, ${dateLiteral(ctx.lastDate!)}, INTERVAL 1 DAY) t(d)),
		daily AS (SELECT order_date AS d, sum(revenue) AS revenue FROM ${orders} GROUP BY order_date)
		SELECT CAST(cal.d AS VARCHAR) AS date, coalesce(daily.revenue, 0) AS revenue FROM cal LEFT JOIN daily USING (d) ORDER BY cal.d`
	);
	return { available: true, ...detectUnusualDays(rows) };
}
