/** Monthly sales trend: net revenue, orders and customers per calendar month, with partial months marked. */
import type { AnalysisContext } from '../context';
import type { Maybe } from '../types';
import { mannKendall } from '../../models/trend/index';
import type { TrendGrowth, TrendMonth, TrendResult } from './types';

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const monthLabel = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Last day of the month of a `YYYY-MM-DD` date. */
function monthEnd(date: string): string {
	const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0));
	return d.toISOString().slice(0, 10);
}

/** Every calendar month from the first to the last order date, zeros where nothing happened. */
export function monthlySeries(ctx: AnalysisContext): Promise<{ months: TrendMonth[]; partialFirst: boolean; partialLast: boolean }> {
	// Copies, so a caller changing its months cannot change another analysis's.
	return ctx.cached('monthly', () => buildMonthlySeries(ctx)).then((s) => ({ ...s, months: s.months.map((m) => ({ ...m })) }));
}

async function buildMonthlySeries(ctx: AnalysisContext): Promise<{ months: TrendMonth[]; partialFirst: boolean; partialLast: boolean }> {
	const orders = await ctx.orders();
	const rows = await ctx.engine.query<{ month: string; revenue: number; orders: number; customers: number }>(
		`SELECT strftime(order_date, '%Y-%m') AS month, sum(revenue) AS revenue,
			count(DISTINCT order_id) FILTER (WHERE NOT cancelled) AS orders,
			count(DISTINCT customer_id) FILTER (WHERE NOT cancelled) AS customers
		FROM ${orders} GROUP BY month ORDER BY month`
	);
	const byMonth = new Map(rows.map((r) => [r.month, r]));
	const first = ctx.firstDate!;
	const last = ctx.lastDate!;
	const start = monthIndex(first);
	const end = monthIndex(last);
	const withCustomers = ctx.has('customer_id');
	const months: TrendMonth[] = [];
	for (let i = start; i <= end; i++) {
		const month = monthLabel(i);
		const r = byMonth.get(month);
		const partial = (i === start && first.slice(8) !== '01') || (i === end && last !== monthEnd(last));
		months.push({ month, revenue: r?.revenue ?? 0, orders: r?.orders ?? 0, customers: withCustomers ? (r?.customers ?? 0) : null, partial, growth: null });
	}
	for (let i = 1; i < months.length; i++) {
		const prev = months[i - 1];
		const cur = months[i];
		if (!prev.partial && !cur.partial && prev.revenue > 0) cur.growth = cur.revenue / prev.revenue - 1;
	}
	return { months, partialFirst: first.slice(8) !== '01', partialLast: last !== monthEnd(last) };
}

/** Months of each side of the "last 12 months against the 12 before" comparison. */
export const YEAR_MONTHS = 12;

/** (last / first)^(1 / months between) − 1 over the complete months; null unless both ends are positive. */
function compoundGrowth(complete: TrendMonth[]): TrendGrowth | null {
	if (complete.length < 2) return null;
	const first = complete[0];
	const last = complete[complete.length - 1];
	if (!(first.revenue > 0 && last.revenue > 0)) return null;
	const steps = monthIndex(last.month) - monthIndex(first.month);
	return { from: first.month, to: last.month, rate: (last.revenue / first.revenue) ** (1 / steps) - 1 };
}

function lastTwelveGrowth(complete: TrendMonth[]): TrendGrowth | null {
	if (complete.length < 2 * YEAR_MONTHS) return null;
	const recent = complete.slice(-YEAR_MONTHS);
	const before = complete.slice(-2 * YEAR_MONTHS, -YEAR_MONTHS);
	const sum = (ms: TrendMonth[]) => ms.reduce((s, m) => s + m.revenue, 0);
	if (!(sum(before) > 0)) return null;
	return { from: recent[0].month, to: recent[YEAR_MONTHS - 1].month, rate: sum(recent) / sum(before) - 1 };
}

export function summariseTrend({ months, partialFirst, partialLast }: { months: TrendMonth[]; partialFirst: boolean; partialLast: boolean }): TrendResult {
	const complete = months.filter((m) => !m.partial);
	let peak: TrendResult['peak'] = null;
	let lowest: TrendResult['lowest'] = null;
	for (const m of complete) {
		if (!peak || m.revenue > peak.revenue) peak = { month: m.month, revenue: m.revenue };
		if (!lowest || m.revenue < lowest.revenue) lowest = { month: m.month, revenue: m.revenue };
	}
	const growths = months.map((m) => m.growth).filter((g): g is number => g !== null);
	const mk = complete.length >= 2 ? mannKendall(complete.map((m) => m.revenue)) : null;
	const mean = complete.length ? complete.reduce((s, m) => s + m.revenue, 0) / complete.length : 0;
	const seasonality = Array.from({ length: 12 }, (_, k) => {
		const same = complete.filter((m) => Number(m.month.slice(5, 7)) === k + 1);
		const avg = same.length ? same.reduce((s, m) => s + m.revenue, 0) / same.length : 0;
		return { month: k + 1, index: same.length && mean !== 0 ? avg / mean : null, completeMonths: same.length };
	});
	return {
		available: true,
		months,
		partialFirst,
		partialLast,
		completeMonths: complete.length,
		peak,
		lowest,
		averageGrowth: growths.length ? growths.reduce((s, g) => s + g, 0) / growths.length : null,
		compoundGrowth: compoundGrowth(complete),
		lastTwelveGrowth: lastTwelveGrowth(complete),
		direction: mk ? { method: 'mann-kendall', months: mk.n, s: mk.s, z: mk.z, direction: mk.direction } : null,
		seasonality
	};
}

export async function computeTrend(ctx: AnalysisContext): Promise<Maybe<TrendResult>> {
	const none = ctx.missing([]);
	if (none) return none;
	return summariseTrend(await monthlySeries(ctx));
}
