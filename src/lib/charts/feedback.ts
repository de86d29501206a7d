/** Customer feedback: rating distribution, monthly average or NPS, rating by segment, churn by feedback band. */
import * as Plot from '@observablehq/plot';
import type { FeedbackBand, FeedbackResult } from '../analyses/index';
import { formatCount, formatMonth, formatNumber, formatPercent, plural } from '../format/index';
import { horizontalBars } from './bars';
import { countTicks, frame, palette, percentTicks, render, tip, toDate, type Chart, type ChartOptions, type Palette } from './helpers';

function bandColors(pal: Palette): Record<FeedbackBand, string> {
	return { Unhappy: pal.secondary, Neutral: pal.neutral, Happy: pal.primary };
}

/** Rated orders per rating value (rounded to whole numbers). */
export function ratingDistributionChart(f: FeedbackResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const s = f.scale;
	const colour = (v: number) => (v <= s.unhappyAtMost ? pal.secondary : v >= s.happyAtLeast ? pal.primary : pal.neutral);
	return horizontalBars(
		{
			rows: [...f.distribution].reverse(),
			label: (d) => String(d.rating),
			value: (d) => d.orders,
			text: (d) => `${formatCount(d.orders)} (${formatPercent(d.share, 0)})`,
			tooltip: (d) => `Rating ${d.rating}: ${plural(d.orders, 'rated order')} (${formatPercent(d.share)})`,
			fill: (d) => colour(d.rating),
			xLabel: 'Rated orders',
			xTicks: countTicks,
			frame: {
				title: 'Rating distribution',
				caption: `Rated orders per rating on the ${s.id} scale; each order counts once. Unhappy ≤ ${s.unhappyAtMost}, happy ≥ ${s.happyAtLeast}.`,
				ariaDescription: `Bar chart of ${plural(f.ratedOrders, 'rated order')} by rating; the average is ${formatNumber(f.avgRating, 2)}.`
			}
		},
		opts
	);
}

/** Average rating (or NPS on a 0–10 scale) per month, with the number of answers in the tooltip. */
export function feedbackMonthlyChart(f: FeedbackResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const nps = f.nps !== null;
	const rows = f.months.map((m) => ({ date: toDate(`${m.month}-01`), month: m.month, value: nps ? (m.nps ?? 0) : m.avgRating, answers: m.answers }));
	const label = nps ? 'NPS' : 'Average rating';
	return render({
		...frame(opts, {
			title: nps ? 'NPS by month' : 'Average rating by month',
			caption: `${label} of the orders rated in each month (review date, else order date); the tooltip gives the number of answers. Months with few answers move a lot.`,
			ariaDescription: `Line chart of the monthly ${label.toLowerCase()} over ${plural(rows.length, 'month')}.`,
			height: 200
		}),
		marginLeft: 50,
		x: { type: 'utc', label: null },
		y: { label, grid: true, nice: true, domain: nps ? [-100, 100] : [f.scale.min, f.scale.max] },
		marks: [
			Plot.lineY(rows, { x: 'date', y: 'value', stroke: pal.primary, strokeWidth: 1.5 }),
			Plot.dot(rows, {
				x: 'date',
				y: 'value',
				r: 3,
				fill: pal.primary,
				title: (d: (typeof rows)[number]) => `${formatMonth(d.month)}: ${label} ${formatNumber(d.value, nps ? 0 : 2)} from ${plural(d.answers, 'answer')}`,
				tip: tip(opts)
			})
		]
	});
}

/** Mean rating of each RFM segment's rated customers. */
export function ratingBySegmentChart(f: FeedbackResult, opts: ChartOptions = {}): Chart | null {
	const pal = palette(opts.dark);
	const rows = f.bySegment.filter((s) => s.avgRating !== null);
	if (rows.length === 0) return null;
	return horizontalBars(
		{
			rows,
			label: (s) => s.segment,
			value: (s) => s.avgRating as number,
			text: (s) => `${formatNumber(s.avgRating, 2)} · ${formatCount(s.rated)} rated`,
			tooltip: (s) => `${s.segment}: average ${formatNumber(s.avgRating, 2)} over ${plural(s.rated, 'rated customer')} of ${formatCount(s.customers)}; ${plural(s.unhappy, 'unhappy customer')}`,
			fill: (s) => ((s.avgRating as number) <= f.scale.unhappyAtMost ? pal.secondary : pal.primary),
			xLabel: 'Average rating',
			xTicks: (v) => formatNumber(v, 1),
			xDomain: [0, f.scale.max],
			frame: {
				title: 'Rating by RFM segment',
				caption: "Mean of the segment's rated customers' average ratings, lowest first.",
				ariaDescription: `Bar chart of the average rating in ${plural(rows.length, 'RFM segment')}.`
			}
		},
		opts
	);
}

/** Churn rate per feedback band, with its 95 % Wilson interval. */
export function churnByBandChart(f: FeedbackResult, opts: ChartOptions = {}): Chart | null {
	if (f.churnByBand.length === 0) return null;
	const colors = bandColors(palette(opts.dark));
	const rows = f.churnByBand;
	return render({
		...frame(opts, {
			title: 'Churn rate by feedback band',
			caption: "Share of each band's customers who have churned, with the 95 % confidence interval (Wilson). Bands come from each customer's average rating.",
			ariaDescription: `Churn rate of ${rows.map((b) => `${b.band.toLowerCase()} customers ${formatPercent(b.churnRate, 0)}`).join(', ')}.`,
			height: 60 + rows.length * 34
		}),
		marginLeft: 80,
		x: { label: 'Churn rate', domain: [0, 1], tickFormat: percentTicks, grid: true },
		y: { domain: rows.map((b) => b.band), label: null },
		color: { type: 'identity' },
		marks: [
			Plot.barX(rows, {
				y: 'band',
				x: 'churnRate',
				fill: (b: (typeof rows)[number]) => colors[b.band],
				title: (b: (typeof rows)[number]) =>
					`${b.band}: ${formatCount(b.churned)} of ${plural(b.customers, 'customer')} churned (${formatPercent(b.churnRate)}; 95 % CI ${formatPercent(b.low)}–${formatPercent(b.high)})`,
				tip: tip(opts)
			}),
			Plot.ruleY(rows, { y: 'band', x1: 'low', x2: 'high', stroke: 'currentColor', strokeWidth: 2 }),
			Plot.ruleX([0], { stroke: 'currentColor' })
		]
	});
}
