/** Activity over time: DAU/MAU, stickiness, cohort retention. */
import * as Plot from '@observablehq/plot';
import type { CohortResult, EngagementResult } from '../analyses/index';
import { formatCount, formatDate, formatMonth, formatPercent, plural } from '../format/index';
import { RAMP_LEGEND, countTicks, frame, labelMargin, palette, percentTicks, render, sequentialColor, textOn, tip, toDate, type Chart, type ChartOptions } from './helpers';

function bucketNote(e: EngagementResult): string {
	return e.downsampled ? ` Averaged over ${e.step}-day buckets.` : '';
}

/** The days whose 30-day window starts before the first order date: their MAU counts only part of a window. */
function incompleteNote(e: EngagementResult): string {
	if (e.completeFrom === e.from) return '';
	return e.completeFrom === null
		? ' No day yet has 30 days of data behind it, so every MAU here is incomplete (shaded).'
		: ` The shaded days before ${formatDate(e.completeFrom)} have less than 30 days of data behind them; they are left out of the averages.`;
}

/** A grey band over the incomplete days (none when every day is complete). */
function incompleteBand(e: EngagementResult): Plot.Markish {
	if (e.completeFrom === e.from) return null;
	const end = e.completeFrom ?? e.to;
	return Plot.rectX([{ x1: toDate(e.from), x2: toDate(end) }], { x1: 'x1', x2: 'x2', fill: 'currentColor', fillOpacity: 0.08, title: () => 'Incomplete 30-day window' });
}

/** Daily and monthly active customers (trailing 30 days) as two lines on one count axis. */
export function engagementChart(e: EngagementResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const rows = e.series.flatMap((p) => [
		{ date: toDate(p.date), day: p.date, series: 'DAU', value: p.dau },
		{ date: toDate(p.date), day: p.date, series: 'MAU', value: p.mau }
	]);
	return render({
		...frame(opts, {
			title: 'Daily and monthly active customers',
			caption: `DAU: customers with an order that day; MAU: customers with an order in the 30 days up to that day.${incompleteNote(e)}${bucketNote(e)}`,
			ariaDescription: `Line chart of daily (average ${formatCount(e.avgDau)}) and monthly (average ${e.avgMau === null ? 'not yet known' : formatCount(e.avgMau)}) active customers from ${formatDate(e.from)} to ${formatDate(e.to)}.`,
			height: 280
		}),
		marginLeft: 50,
		x: { type: 'utc', label: null },
		y: { label: 'Active customers', tickFormat: countTicks, grid: true, nice: true },
		color: { domain: ['DAU', 'MAU'], range: [pal.primary, pal.secondary], legend: true },
		marks: [
			incompleteBand(e),
			Plot.ruleY([0], { stroke: 'currentColor' }),
			Plot.lineY(rows, {
				x: 'date',
				y: 'value',
				stroke: 'series',
				z: 'series',
				strokeWidth: 1.5,
				tip: tip(opts)
			})
		]
	});
}

/** Stickiness (DAU / MAU) over time, in %, with the period average as a rule. */
export function stickinessChart(e: EngagementResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const rows = e.series.filter((p) => p.ratio !== null).map((p) => ({ date: toDate(p.date), day: p.date, ratio: p.ratio as number }));
	return render({
		...frame(opts, {
			title: 'Stickiness (DAU / MAU)',
			caption: `Share of the month's active customers active on a given day; the dashed rule is the average over the days with a complete 30-day window${e.stickiness === null ? '' : ` (${formatPercent(e.stickiness)})`}.${incompleteNote(e)}${bucketNote(e)}`,
			ariaDescription: `Line chart of daily stickiness, the ratio of daily to monthly active customers, in percent.`,
			height: 180
		}),
		marginLeft: 50,
		x: { type: 'utc', label: null },
		y: { label: 'Stickiness (%)', tickFormat: percentTicks, grid: true, nice: true, zero: true },
		marks: [
			incompleteBand(e),
			Plot.lineY(rows, {
				x: 'date',
				y: 'ratio',
				stroke: pal.primary,
				strokeWidth: 1.5,
				tip: tip(opts)
			}),
			e.stickiness === null ? null : Plot.ruleY([e.stickiness], { stroke: 'currentColor', strokeDasharray: '4,3' })
		]
	});
}

/**
 * The most cohorts the heatmap draws, the latest ones; the panel's table lists them all. Beyond four
 * years of monthly cohorts the chart is several screens tall and slow to draw in one task: 250
 * cohorts (31,000 cells) took 0.9 s of the page's time.
 */
export const CHART_COHORTS = 48;

/** Cohort retention heatmap: first-order month × months since, colour and number = share still ordering. */
export function cohortChart(c: CohortResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const drawn = c.cohorts.slice(-CHART_COHORTS);
	const trimmed = drawn.length < c.cohorts.length;
	const maxMonthsSince = trimmed ? Math.max(0, ...drawn.map((k) => k.cells.at(-1)?.monthsSince ?? 0)) : c.maxMonthsSince;
	const cells = drawn.flatMap((k) => k.cells.map((cell) => ({ cohort: k.cohort, size: k.customers, ...cell })));
	type Cell = (typeof cells)[number];
	const later = cells.filter((x) => x.monthsSince > 0).map((x) => x.share);
	const top = Math.max(0.05, ...later);
	const color = sequentialColor([0, top], pal.sequential);
	const cohorts = drawn.map((k) => k.cohort);
	const labelled = cells.length <= 700;
	const clipped = drawn.some((k) => (k.cells[0]?.monthsSince ?? 0) > 0);
	return render({
		...frame(opts, {
			title: 'Cohort retention',
			caption: `Share of each cohort (customers by month of first order) ordering again n months later. Month 0 is 100% by definition; the colour scale is capped at ${formatPercent(top, 0)} so later months stay readable.${clipped ? ' Months before the date filter are left blank; cohorts keep the month of their first order ever.' : ''}${trimmed ? ` Showing the latest ${cohorts.length} of ${c.cohorts.length} cohorts; the table lists them all.` : ''}`,
			ariaDescription: `Heatmap of retention for ${trimmed ? `the latest ${cohorts.length} of ${c.cohorts.length} monthly cohorts` : plural(cohorts.length, 'monthly cohort')} over up to ${plural(maxMonthsSince, 'month')}.`,
			height: Math.max(160, cohorts.length * 20 + 90)
		}),
		marginLeft: labelMargin(cohorts.map((k) => formatMonth(k, true))),
		x: { label: 'Months since first order', type: 'band', domain: Array.from({ length: maxMonthsSince + 1 }, (_, i) => i) },
		y: { label: 'Cohort', domain: cohorts, tickFormat: (k: string) => formatMonth(k, true) },
		color: { type: 'linear', scheme: pal.sequential, domain: [0, top], clamp: true, label: 'Retention (%)', tickFormat: percentTicks, ...RAMP_LEGEND },
		marks: [
			Plot.cell(cells, {
				x: 'monthsSince',
				y: 'cohort',
				fill: 'share',
				inset: 0.5,
				title: (x: Cell) => `${formatMonth(x.cohort)} cohort (${plural(x.size, 'customer')}), month ${x.monthsSince}: ${formatPercent(x.share)} (${formatCount(x.activeCustomers)})`,
				tip: tip(opts)
			}),
			labelled
				? Plot.text(cells, {
						x: 'monthsSince',
						y: 'cohort',
						text: (x: Cell) => formatPercent(x.share, 0),
						fill: (x: Cell) => textOn(color(x.share)),
						fontSize: 8
					})
				: null
		]
	});
}
