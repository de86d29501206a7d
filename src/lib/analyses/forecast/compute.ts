/**
 * Forecast of net revenue (analysis wrapper around the models' `forecast`): monthly when there are
 * at least 24 complete months of history, otherwise weekly (Monday–Sunday weeks, seasonal period 52,
 * horizon ≈ months × 4.35 weeks, capped at the model's maximum). A partial first period is dropped;
 * a partial last period is passed with `partialLast` so the model leaves it out.
 */
import { MAX_HORIZON } from '../../models/forecast/index';
import type { AnalysisContext } from '../context';
import { addDays } from '../scope';
import { monthlySeries } from '../trend/compute';
import type { ForecastAnalysisResult } from './types';
import type { Maybe } from '../types';

/** Complete months of history below which the forecast is weekly. */
export const MONTHLY_MIN_MONTHS = 24;
export const WEEKS_PER_MONTH = 4.35;

const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const nextMonth = (ym: string, k: number) => {
	const i = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 + k;
	return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
};

interface Series {
	granularity: 'month' | 'week';
	period: number;
	history: { label: string; value: number; partial: boolean }[];
	partialLast: boolean;
	horizon: number;
	notes: string[];
}

async function weeklySeries(ctx: AnalysisContext): Promise<{ label: string; value: number; partial: boolean }[]> {
	const orders = await ctx.orders();
	const rows = await ctx.engine.query<{ week: string; revenue: number }>(
		`SELECT CAST(order_date - CAST(isodow(order_date) - 1 AS INTEGER) AS VARCHAR) AS week, sum(revenue) AS revenue FROM ${orders} GROUP BY week ORDER BY week`
	);
	const byWeek = new Map(rows.map((r) => [r.week, r.revenue]));
	const first = ctx.firstDate!;
	const last = ctx.lastDate!;
	const start = addDays(first, 1 - isoWeekday(first));
	const end = addDays(last, 1 - isoWeekday(last));
	const out: { label: string; value: number; partial: boolean }[] = [];
	for (let w = start; w <= end; w = addDays(w, 7)) {
		out.push({ label: w, value: byWeek.get(w) ?? 0, partial: (w === start && isoWeekday(first) !== 1) || (w === end && isoWeekday(last) !== 7) });
	}
	return out;
}

async function buildSeries(ctx: AnalysisContext): Promise<Series> {
	const { months } = await monthlySeries(ctx);
	const complete = months.filter((m) => !m.partial).length;
	const notes: string[] = [];
	if (complete >= MONTHLY_MIN_MONTHS) {
		const history = months.map((m) => ({ label: m.month, value: m.revenue, partial: m.partial }));
		if (history[0]?.partial) {
			history.shift();
			notes.push('partial-first: first month dropped');
		}
		return { granularity: 'month', period: 12, history, partialLast: history.at(-1)?.partial ?? false, horizon: ctx.params.forecastHorizon, notes };
	}
	const history = await weeklySeries(ctx);
	if (history[0]?.partial && history.length > 1) {
		history.shift();
		notes.push('partial-first: first week dropped');
	}
	notes.push(`weekly: ${complete} complete months of history (< ${MONTHLY_MIN_MONTHS}), so the forecast is weekly`);
	let horizon = Math.round(ctx.params.forecastHorizon * WEEKS_PER_MONTH);
	if (horizon > MAX_HORIZON) {
		notes.push(`horizon-capped: ${horizon} weeks requested, the model forecasts at most ${MAX_HORIZON}`);
		horizon = MAX_HORIZON;
	}
	return { granularity: 'week', period: 52, history, partialLast: history.at(-1)?.partial ?? false, horizon, notes };
}

export async function computeForecast(ctx: AnalysisContext): Promise<Maybe<ForecastAnalysisResult>> {
	const none = ctx.missing([]);
	if (none) return none;
	const s = await buildSeries(ctx);
	const completeValues = s.history.length - (s.partialLast ? 1 : 0);
	if (completeValues < 2) {
		return { available: false, reason: `needs at least two complete ${s.granularity}s of sales history` };
	}
	let result;
	try {
		result = await ctx.models.forecast({ values: s.history.map((h) => h.value), period: s.period, horizon: s.horizon, partialLast: s.partialLast });
	} catch (e) {
		return { available: false, reason: `the forecast could not be computed: ${e instanceof Error ? e.message : String(e)}` };
	}
	const lastComplete = s.history[completeValues - 1].label;
	const labels = Array.from({ length: result.forecast.length }, (_, k) =>
		s.granularity === 'month' ? nextMonth(lastComplete, k + 1) : addDays(lastComplete, 7 * (k + 1))
	);
	return {
		available: true,
		granularity: s.granularity,
		period: s.period,
		history: s.history,
		partialLast: s.partialLast,
		horizon: s.horizon,
		labels,
		method: result.method,
		fitted: result.fitted,
		forecast: result.forecast,
		lo80: result.lo80,
		hi80: result.hi80,
		lo95: result.lo95,
		hi95: result.hi95,
		backtest: result.backtest,
		seasonal: result.seasonal,
		notes: [...s.notes, ...result.notes]
	};
}
