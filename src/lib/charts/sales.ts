/** Sales over time: monthly trend (with forecast and unusual days), forecast, seasonality, unusual days. */
import * as Plot from '@observablehq/plot';
import type { ForecastAnalysisResult, TrendResult, UnusualDaysResult } from '../analyses/index';
import { formatChange, formatDate, formatMoney, formatMonth, formatNumber, monthName, plural } from '../format/index';
import { frame, moneyLabel, moneyTicks, palette, render, tip, toDate, type Chart, type ChartOptions, type Palette } from './helpers';

const SERIES = { actual: 'Net revenue', forecast: 'Forecast', high: 'Unusual day (high)', low: 'Unusual day (low)' } as const;

interface Point {
	date: Date;
	label: string;
	value: number;
	partial: boolean;
}

/**
 * Line + light area through the complete periods, a dashed segment and a hollow dot for a partial
 * first/last period (so an incomplete month never looks like a drop).
 */
function historyMarks(points: Point[], pal: Palette, opts: ChartOptions, unit: 'month' | 'week'): Plot.Markish[] {
	const complete = points.filter((p) => !p.partial);
	const dashed: Point[][] = [];
	points.forEach((p, i) => {
		if (!p.partial) return;
		const neighbour = points[i - 1] && !points[i - 1].partial ? points[i - 1] : points[i + 1] && !points[i + 1].partial ? points[i + 1] : null;
		if (neighbour) dashed.push([neighbour, p].sort((a, b) => +a.date - +b.date));
	});
	const title = (p: Point) =>
		`${unit === 'month' ? formatMonth(p.label) : `Week of ${formatDate(p.label)}`}: ${formatMoney(p.value, opts.currency)}${p.partial ? ' (partial period)' : ''}`;
	return [
		Plot.areaY(complete, { x: 'date', y: 'value', fill: pal.primary, fillOpacity: 0.1 }),
		Plot.lineY(complete, { x: 'date', y: 'value', stroke: () => SERIES.actual, strokeWidth: 2 }),
		...dashed.map((seg) => Plot.lineY(seg, { x: 'date', y: 'value', stroke: () => SERIES.actual, strokeWidth: 2, strokeDasharray: '4,3' })),
		Plot.dot(complete, { x: 'date', y: 'value', fill: () => SERIES.actual, r: 2.5, title, tip: tip(opts) }),
		Plot.dot(
			points.filter((p) => p.partial),
			{ x: 'date', y: 'value', stroke: () => SERIES.actual, fill: 'none', r: 4, strokeWidth: 1.5, title, tip: tip(opts) }
		)
	];
}

/** Room above (and below, for negative values) the history and point forecast, as a share of their range. */
export const FORECAST_Y_MARGIN = 0.25;

/**
 * The y range a forecast is drawn in: zero, the history and the point forecast, plus a margin. A
 * wide 95 % band would otherwise set the scale and flatten the history into a line along the
 * bottom; the bands are clipped to this range instead (and the caption says so).
 */
export function forecastYDomain(history: readonly number[], forecast: readonly number[]): [number, number] {
	const values = [0, ...history, ...forecast].filter(Number.isFinite);
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const pad = (hi - lo || Math.abs(hi) || 1) * FORECAST_Y_MARGIN;
	return [lo < 0 ? lo - pad : lo, hi + pad];
}

interface ForecastDrawing {
	marks: Plot.Markish[];
	domain: [number, number];
	/** "95% band clipped at …", or '' when both bands fit. */
	clipNote: string;
}

/** Forecast line from the last complete period, with 95% and 80% interval bands clipped to the plotted range. */
function forecastMarks(f: ForecastAnalysisResult, history: readonly number[], pal: Palette, opts: ChartOptions): ForecastDrawing {
	const domain = forecastYDomain(history, f.forecast);
	const [yMin, yMax] = domain;
	const clamp = (v: number) => Math.min(yMax, Math.max(yMin, v));
	const rows = f.labels.map((label, i) => ({
		date: toDate(label),
		label,
		value: f.forecast[i],
		lo80: f.lo80[i],
		hi80: f.hi80[i],
		lo95: f.lo95[i],
		hi95: f.hi95[i]
	}));
	const clipped = rows.map((r) => ({ ...r, lo80: clamp(r.lo80), hi80: clamp(r.hi80), lo95: clamp(r.lo95), hi95: clamp(r.hi95) }));
	const anchor = [...f.history].reverse().find((h) => !h.partial);
	const line = anchor ? [{ date: toDate(anchor.label), value: anchor.value }, ...rows] : rows;
	const unit = f.granularity === 'month' ? formatMonth : (l: string) => `Week of ${formatDate(l)}`;
	const money = (v: number) => formatMoney(v, opts.currency);
	const edges = [f.lo95.some((v) => v < yMin) ? money(yMin) : '', f.hi95.some((v) => v > yMax) ? money(yMax) : ''].filter(Boolean);
	return {
		domain,
		clipNote: edges.length ? `95% band clipped at ${edges.join(' and ')} to keep the history readable; the full intervals are in the data table and the tooltips.` : '',
		marks: [
			Plot.areaY(clipped, { x: 'date', y1: 'lo95', y2: 'hi95', fill: pal.secondary, fillOpacity: 0.12 }),
			Plot.areaY(clipped, { x: 'date', y1: 'lo80', y2: 'hi80', fill: pal.secondary, fillOpacity: 0.22 }),
			Plot.lineY(line, { x: 'date', y: 'value', stroke: () => SERIES.forecast, strokeWidth: 2 }),
			Plot.dot(rows, {
				x: 'date',
				y: 'value',
				fill: () => SERIES.forecast,
				r: 2,
				title: (d: (typeof rows)[number]) =>
					`${unit(d.label)} forecast: ${money(d.value)}\n80% interval ${money(d.lo80)} – ${money(d.hi80)}\n95% interval ${money(d.lo95)} – ${money(d.hi95)}`,
				tip: tip(opts)
			})
		]
	};
}

function colorScale(pal: Palette, domain: string[]): Plot.ScaleOptions {
	const range: Record<string, string> = {
		[SERIES.actual]: pal.primary,
		[SERIES.forecast]: pal.secondary,
		[SERIES.high]: pal.tertiary,
		[SERIES.low]: pal.quaternary
	};
	return { domain, range: domain.map((d) => range[d]), legend: true };
}

function backtestText(f: ForecastAnalysisResult): string {
	const b = f.backtest;
	if (!b) return 'No backtest (history too short).';
	const verdict = b.mase < b.naiveMase ? 'beats' : 'does not beat';
	return `Backtest over ${plural(b.origins, 'origin')}: MASE ${formatNumber(b.mase, 2)} vs ${formatNumber(b.naiveMase, 2)} for the seasonal naive forecast (${verdict} it).`;
}

export interface TrendChartOptions extends ChartOptions {
	/** Drawn on the same axis when it is monthly (a weekly forecast has its own chart). */
	forecast?: ForecastAnalysisResult | null;
	/** Marked as vertical rules at their dates. */
	unusualDays?: UnusualDaysResult | null;
}

/** Monthly net revenue; partial months hollow and dashed; optional monthly forecast and unusual-day rules. */
export function salesTrendChart(trend: TrendResult, opts: TrendChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const points: Point[] = trend.months.map((m) => ({ date: toDate(m.month), label: m.month, value: m.revenue, partial: m.partial }));
	const f = opts.forecast?.granularity === 'month' ? opts.forecast : null;
	const days = opts.unusualDays?.unusual ?? [];
	const domain: string[] = [SERIES.actual];
	if (f) domain.push(SERIES.forecast);
	if (days.some((d) => d.direction === 'high')) domain.push(SERIES.high);
	if (days.some((d) => d.direction === 'low')) domain.push(SERIES.low);
	const drawn = f ? forecastMarks(f, points.map((p) => p.value), pal, opts) : null;
	const notes = [trend.partialFirst || trend.partialLast ? 'Hollow dots on a dashed line are partial months.' : ''];
	if (f) notes.push(`Forecast (${f.method}) with 80% (darker) and 95% (lighter) intervals.`, drawn?.clipNote ?? '');
	if (days.length) notes.push(`Vertical rules mark ${plural(days.length, 'unusual day')}.`);
	const first = trend.months[0]?.month;
	const last = trend.months.at(-1)?.month;
	return render({
		...frame(opts, {
			title: f ? 'Monthly net revenue and forecast' : 'Monthly net revenue',
			caption: notes.filter(Boolean).join(' ') || undefined,
			ariaDescription: `Line chart of net revenue per month from ${first ? formatMonth(first) : '—'} to ${last ? formatMonth(last) : '—'}${f ? `, with a ${f.horizon}-month forecast` : ''}.`,
			height: 320
		}),
		marginLeft: 60,
		x: { type: 'utc', label: null },
		y: { label: moneyLabel('Net revenue', opts.currency), tickFormat: moneyTicks(opts.currency), grid: true, ...(drawn ? { domain: drawn.domain } : { nice: true }) },
		color: colorScale(pal, domain),
		marks: [
			Plot.ruleY([0], { strokeOpacity: 0.3 }),
			Plot.ruleX(days, {
				x: (d: (typeof days)[number]) => toDate(d.date),
				stroke: (d: (typeof days)[number]) => (d.direction === 'high' ? SERIES.high : SERIES.low),
				strokeOpacity: 0.7,
				strokeDasharray: '2,2',
				title: (d: (typeof days)[number]) =>
					`${formatDate(d.date)}: ${formatMoney(d.revenue, opts.currency)} (expected ${formatMoney(d.expected, opts.currency)})`
			}),
			...(drawn?.marks ?? []),
			...historyMarks(points, pal, opts, 'month')
		]
	});
}

/** The forecast on its own: the history the model saw (monthly or weekly), the forecast and its bands. */
export function forecastChart(f: ForecastAnalysisResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const points: Point[] = f.history.map((h) => ({ date: toDate(h.label), label: h.label, value: h.value, partial: h.partial }));
	const unit = f.granularity === 'month' ? 'month' : 'week';
	const drawn = forecastMarks(f, points.map((p) => p.value), pal, opts);
	return render({
		...frame(opts, {
			title: `Net revenue forecast, next ${plural(f.labels.length, unit)}`,
			caption: [`${f.method}; shaded bands are 80% (darker) and 95% (lighter) prediction intervals.`, drawn.clipNote, backtestText(f)].filter(Boolean).join(' '),
			ariaDescription: `${unit === 'month' ? 'Monthly' : 'Weekly'} net revenue history and a forecast of ${plural(f.labels.length, unit)} with 80% and 95% intervals.`,
			height: 320
		}),
		marginLeft: 60,
		x: { type: 'utc', label: null },
		y: { label: moneyLabel(`Net revenue per ${unit}`, opts.currency), tickFormat: moneyTicks(opts.currency), grid: true, domain: drawn.domain },
		color: colorScale(pal, [SERIES.actual, SERIES.forecast]),
		marks: [Plot.ruleY([0], { strokeOpacity: 0.3 }), ...drawn.marks, ...historyMarks(points, pal, opts, unit)]
	});
}

/** Seasonality index per calendar month (1.0 = an average month); months without complete data are left out. */
export function seasonalityChart(trend: TrendResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const rows = trend.seasonality
		.filter((s): s is { month: number; index: number; completeMonths: number } => s.index !== null)
		.map((s) => ({ ...s, name: monthName(s.month, true) }));
	return render({
		...frame(opts, {
			title: 'Monthly seasonality index',
			caption: 'Mean revenue of each calendar month over complete months, divided by the mean of all complete months. 1.0 = an average month.',
			ariaDescription: `Bar chart of the seasonality index for ${plural(rows.length, 'calendar month')}; the rule at 1.0 marks an average month.`,
			height: 260
		}),
		x: { domain: Array.from({ length: 12 }, (_, i) => monthName(i + 1, true)), label: null },
		y: { label: 'Seasonality index (1.0 = average)', grid: true, nice: true },
		marks: [
			Plot.barY(rows, {
				x: 'name',
				y: 'index',
				fill: pal.primary,
				title: (d: (typeof rows)[number]) => `${monthName(d.month)}: ${formatNumber(d.index, 2)} (${plural(d.completeMonths, 'complete month')})`,
				tip: tip(opts)
			}),
			Plot.text(rows, { x: 'name', y: 'index', text: (d: (typeof rows)[number]) => formatNumber(d.index, 2), dy: -6, lineAnchor: 'bottom' }),
			Plot.ruleY([1], { stroke: 'currentColor', strokeDasharray: '4,3' })
		]
	});
}

/** Unusual days: actual revenue (dot) against the weekday's expected revenue (hollow diamond). */
export function unusualDaysChart(u: UnusualDaysResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const rows = u.unusual.map((d) => ({ ...d, day: toDate(d.date), kind: d.direction === 'high' ? SERIES.high : SERIES.low }));
	const money = (v: number) => formatMoney(v, opts.currency);
	return render({
		...frame(opts, {
			title: 'Unusual days: actual vs expected revenue',
			caption: `${plural(rows.length, 'day')} of ${formatNumber(u.daysScored, 0)} scored: revenue, relative to the median of its weekday, more than ${formatNumber(u.threshold, 1)} robust (MAD-based) standard deviations from typical. Diamonds show the expected revenue.`,
			ariaDescription: `Dot chart of ${plural(rows.length, 'unusual day')}: each day's net revenue and the revenue expected for its weekday.`,
			height: 280
		}),
		marginLeft: 60,
		x: { type: 'utc', label: null, inset: 16 },
		y: { label: moneyLabel('Net revenue per day', opts.currency), tickFormat: moneyTicks(opts.currency), grid: true, nice: true },
		color: colorScale(pal, [SERIES.high, SERIES.low].filter((k) => rows.some((r) => r.kind === k))),
		marks: [
			Plot.ruleY([0], { strokeOpacity: 0.3 }),
			Plot.link(rows, { x1: 'day', x2: 'day', y1: 'expected', y2: 'revenue', stroke: 'kind', strokeOpacity: 0.6 }),
			Plot.dot(rows, { x: 'day', y: 'expected', symbol: 'diamond', stroke: 'currentColor', fill: 'none', r: 3 }),
			Plot.dot(rows, {
				x: 'day',
				y: 'revenue',
				fill: 'kind',
				r: 4,
				title: (d: (typeof rows)[number]) =>
					`${formatDate(d.date)}: ${money(d.revenue)}, expected ${money(d.expected)} (${formatChange(d.deviation, 0)})`,
				tip: tip(opts)
			})
		]
	});
}
