/** Customer charts: RFM segments, RFM heatmap and scatter, CLTV tiers, predicted CLV, churn, P(alive), holdout check. */
import * as Plot from '@observablehq/plot';
import type { ChurnResult, ChurnRisk, CltvResult, ClvResult, PAliveRisk, RfmResult } from '../analyses/index';
import { formatCount, formatMoney, formatMoneyCompact, formatNumber, formatPercent, plural } from '../format/index';
import { horizontalBars } from './bars';
import {
	countTicks,
	frame,
	labelMargin,
	moneyLabel,
	moneyTicks,
	palette,
	percentTicks,
	RAMP_LEGEND,
	render,
	sequentialColor,
	textOn,
	tip,
	truncateTicks,
	type Chart,
	type ChartOptions,
	type Palette
} from './helpers';

const MEASURES = ['Share of customers', 'Share of revenue'] as const;

/** Paired bars per RFM segment: its share of customers next to its share of net revenue. */
export function rfmSegmentsChart(rfm: RfmResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const segments = rfm.segments.map((s) => s.segment);
	const rows = rfm.segments.flatMap((s) => [
		{ segment: s.segment, measure: MEASURES[0], value: s.share, tooltip: `${s.segment}\n${plural(s.customers, 'customer')} (${formatPercent(s.share)})` },
		...(s.revenueShare === null
			? []
			: [{ segment: s.segment, measure: MEASURES[1], value: s.revenueShare, tooltip: `${s.segment}\n${formatMoney(s.revenue, opts.currency)} (${formatPercent(s.revenueShare)} of revenue)` }])
	]);
	const text = (sel: (v: number) => boolean, dx: number, textAnchor: 'start' | 'end') =>
		Plot.text(
			rows.filter((r) => sel(r.value)),
			{ fy: 'segment', y: 'measure', x: 'value', text: (r: (typeof rows)[number]) => formatPercent(r.value, 0), dx, textAnchor }
		);
	return render({
		...frame(opts, {
			title: 'RFM segments: share of customers and of revenue',
			caption: `${plural(rfm.customers, 'customer')} scored on recency, frequency and monetary value (${rfm.bins} bins, as of ${rfm.asOf}).`,
			ariaDescription: `Paired bar chart for ${plural(segments.length, 'segment')}: each segment's share of customers and its share of net revenue.`,
			height: segments.length * 34 + 70
		}),
		marginLeft: labelMargin(segments),
		marginRight: 40,
		x: { label: 'Share (%)', tickFormat: percentTicks, grid: true, nice: true },
		y: { axis: null, domain: [...MEASURES] },
		fy: { domain: segments, label: null, tickFormat: truncateTicks(), padding: 0.15 },
		color: { domain: [...MEASURES], range: [pal.primary, pal.secondary], legend: true },
		marks: [
			Plot.barX(rows, { fy: 'segment', y: 'measure', x: 'value', fill: 'measure', title: 'tooltip', tip: tip(opts) }),
			text((v) => v >= 0, 4, 'start'),
			text((v) => v < 0, -4, 'end'),
			Plot.ruleX([0], { stroke: 'currentColor' })
		]
	});
}

/** R score × F score grid: colour = mean monetary value, number = customers in the cell. */
export function rfmHeatmapChart(rfm: RfmResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const scores = Array.from({ length: rfm.bins }, (_, i) => i + 1);
	const values = rfm.heatmap.map((c) => c.meanMonetary);
	const color = sequentialColor([Math.min(...values, 0), Math.max(...values, 1)], pal.sequential);
	return render({
		...frame(opts, {
			title: 'RFM heatmap: recency × frequency score',
			caption: 'Cell colour: mean monetary value of its customers; number: customers in the cell. 5 = most recent / most frequent.',
			ariaDescription: `Heatmap of ${plural(rfm.heatmap.length, 'cell')}: R score by F score, coloured by mean monetary value, labelled with the number of customers.`,
			height: rfm.bins * 44 + 90
		}),
		marginLeft: 50,
		x: { domain: scores, label: 'F score (frequency, 5 = most orders)' },
		y: { domain: [...scores].reverse(), label: 'R score (recency, 5 = most recent)' },
		color: {
			type: 'linear',
			scheme: pal.sequential,
			domain: [Math.min(...values, 0), Math.max(...values, 1)],
			label: moneyLabel('Mean monetary value', opts.currency),
			tickFormat: moneyTicks(opts.currency),
			...RAMP_LEGEND
		},
		marks: [
			Plot.cell(rfm.heatmap, {
				x: 'f',
				y: 'r',
				fill: 'meanMonetary',
				inset: 1,
				title: (c: RfmResult['heatmap'][number]) =>
					`R ${c.r}, F ${c.f}: ${plural(c.customers, 'customer')}, mean monetary ${formatMoney(c.meanMonetary, opts.currency)}`,
				tip: tip(opts)
			}),
			Plot.text(rfm.heatmap, {
				x: 'f',
				y: 'r',
				text: (c: RfmResult['heatmap'][number]) => formatCount(c.customers),
				fill: (c: RfmResult['heatmap'][number]) => textOn(color(c.meanMonetary))
			})
		]
	});
}

/** Frequency axis of the binned scatter: logarithmic once frequencies reach 20 orders, so the many low-frequency cells stay visible. */
function logFrequencyAxis(cells: RfmResult['scatter']['cells']): Plot.ScaleOptions {
	const top = Math.max(1, ...cells.map((c) => c.frequencyTo));
	const integers = (v: number) => (Number.isInteger(v) ? formatCount(v) : '');
	if (top < 20) return { label: 'Frequency (orders)', grid: true, tickFormat: integers };
	const ticks = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].filter((t) => t <= top);
	return { label: 'Frequency (orders, log scale)', type: 'log', grid: true, ticks, tickFormat: integers };
}

/** Customers binned by recency (days) and frequency (orders): colour and number = customers per cell. */
export function rfmScatterChart(rfm: RfmResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const cells = rfm.scatter.cells;
	type Cell = (typeof cells)[number];
	const max = Math.max(1, ...cells.map((c) => c.customers));
	const color = sequentialColor([0, Math.sqrt(max)], pal.sequential);
	const labelled = cells.length <= 120;
	return render({
		...frame(opts, {
			title: 'Recency vs frequency (customers per cell)',
			caption: `Customers binned by days since their last order (${rfm.scatter.recencyBinDays}-day bins) and number of orders.${labelled ? ' Numbers are customers per cell.' : ''}`,
			ariaDescription: `Binned scatter of ${plural(rfm.customers, 'customer')}: recency on the horizontal axis, frequency on the vertical, colour by number of customers.`,
			height: 320
		}),
		marginLeft: 50,
		x: { label: 'Recency (days since last order)', grid: true },
		y: logFrequencyAxis(cells),
		color: { type: 'sqrt', scheme: pal.sequential, domain: [0, max], label: 'Customers', tickFormat: countTicks, ...RAMP_LEGEND },
		marks: [
			Plot.rect(cells, {
				x1: 'recencyFrom',
				x2: 'recencyTo',
				y1: (c: Cell) => c.frequencyFrom - 0.5,
				y2: (c: Cell) => c.frequencyTo + 0.5,
				fill: 'customers',
				inset: 0.5,
				title: (c: Cell) =>
					`Recency ${c.recencyFrom}–${c.recencyTo} days, ${c.frequencyFrom === c.frequencyTo ? c.frequencyFrom : `${c.frequencyFrom}–${c.frequencyTo}`} orders\n${plural(c.customers, 'customer')}, mean monetary ${formatMoney(c.meanMonetary, opts.currency)}`,
				tip: tip(opts)
			}),
			labelled
				? Plot.text(cells, {
						x: (c: Cell) => (c.recencyFrom + c.recencyTo) / 2,
						y: (c: Cell) => (c.frequencyFrom + c.frequencyTo) / 2,
						text: (c: Cell) => formatCount(c.customers),
						fill: (c: Cell) => textOn(color(Math.sqrt(c.customers))),
						fontSize: 9
					})
				: null
		]
	});
}

/** Historical CLTV tertiles: total profit per tier, with customers and profit share. */
export function cltvChart(cltv: CltvResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const rows = cltv.segments;
	type Row = (typeof rows)[number];
	const basis = cltv.profitBasis === 'cost' ? 'revenue − cost' : `revenue × ${formatPercent(cltv.margin, 0)} margin`;
	return render({
		...frame(opts, {
			title: 'Customer value tiers (historical CLTV)',
			caption: `Customers split into thirds by historical profit (${basis}); cut points ${formatMoney(cltv.cutPoints.p33, opts.currency)} and ${formatMoney(cltv.cutPoints.p66, opts.currency)}.`,
			ariaDescription: `Bar chart of total historical profit for the Low, Medium and High value tiers of ${plural(cltv.customers, 'customer')}.`,
			height: 280
		}),
		marginLeft: 60,
		x: { domain: rows.map((r) => r.segment), label: 'Value tier' },
		y: { label: moneyLabel('Historical profit', opts.currency), tickFormat: moneyTicks(opts.currency), grid: true, nice: true },
		marks: [
			Plot.barY(rows, {
				x: 'segment',
				y: 'profit',
				fill: pal.primary,
				title: (r: Row) =>
					`${r.segment} tier: ${plural(r.customers, 'customer')}\nProfit ${formatMoney(r.profit, opts.currency)}${r.profitShare === null ? '' : ` (${formatPercent(r.profitShare)})`}\nRevenue ${formatMoney(r.revenue, opts.currency)}`,
				tip: tip(opts)
			}),
			Plot.text(rows, {
				x: 'segment',
				y: 'profit',
				text: (r: Row) => `${formatCount(r.customers)} customers${r.profitShare === null ? '' : ` · ${formatPercent(r.profitShare, 0)} of profit`}`,
				dy: -6,
				lineAnchor: 'bottom'
			}),
			Plot.ruleY([0], { stroke: 'currentColor' })
		]
	});
}

/** Histogram of predicted customer lifetime value (the last bin is open-ended). */
export function clvHistogramChart(clv: ClvResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const bins = clv.histogram;
	const width = bins.length > 1 ? (bins[0].to ?? bins[0].from) - bins[0].from : 1;
	const rows = bins.map((b) => ({ ...b, x2: b.to ?? b.from + (width || 1) }));
	type Row = (typeof rows)[number];
	const money = (v: number) => formatMoney(v, opts.currency);
	return render({
		...frame(opts, {
			title: `Predicted customer value, next ${plural(clv.horizonMonths, 'month')}`,
			caption: `BG/NBD + Gamma-Gamma prediction per customer, ${formatPercent(clv.margin, 0)} margin, ${formatPercent(clv.monthlyDiscount)} monthly discount. The last bar holds everyone above the 99th percentile.`,
			ariaDescription: `Histogram of predicted customer lifetime value for ${plural(clv.customers, 'customer')}.`,
			height: 260
		}),
		marginLeft: 50,
		x: { label: moneyLabel('Predicted CLV', opts.currency), tickFormat: moneyTicks(opts.currency) },
		y: { label: 'Customers', tickFormat: countTicks, grid: true, nice: true },
		marks: [
			Plot.rectY(rows, {
				x1: 'from',
				x2: 'x2',
				y: 'customers',
				fill: pal.primary,
				inset: 0.5,
				title: (b: Row) => `${money(b.from)} – ${b.to === null ? 'and above' : money(b.to)}: ${plural(b.customers, 'customer')}`,
				tip: tip(opts)
			}),
			Plot.ruleY([0], { stroke: 'currentColor' })
		]
	});
}

function riskColors(pal: Palette): Record<ChurnRisk, string> {
	return { Churned: pal.neutral, High: pal.secondary, Medium: pal.quaternary, Low: pal.primary };
}

/** Customers per churn-risk group (by recency against the churn window). */
export function churnChart(churn: ChurnResult, opts: ChartOptions = {}): Chart {
	const colors = riskColors(palette(opts.dark));
	const t = churn.thresholds;
	const label = (g: ChurnRisk) => (g === 'Churned' ? 'Churned' : `${g} risk`);
	return horizontalBars(
		{
			rows: churn.groups,
			label: (g) => label(g.group),
			value: (g) => g.customers,
			text: (g) => `${formatCount(g.customers)} (${formatPercent(g.share, 0)}) · ${formatMoneyCompact(g.revenue, opts.currency)}`,
			tooltip: (g) =>
				`${label(g.group)}: ${plural(g.customers, 'customer')} (${formatPercent(g.share)})\nRevenue ${formatMoney(g.revenue, opts.currency)}${g.avgRecency === null ? '' : `\nAverage ${formatNumber(g.avgRecency, 0)} days since last order`}`,
			fill: (g) => colors[g.group],
			xLabel: 'Customers',
			xTicks: countTicks,
			frame: {
				title: 'Churn risk groups',
				caption: `Days since the last order: Low ≤ ${formatNumber(t.low, 0)}, Medium ≤ ${formatNumber(t.medium, 0)}, High up to the ${churn.churnDays}-day churn window; Churned beyond it. Values after the dot: the group's net revenue.`,
				ariaDescription: `Bar chart of customers per churn-risk group; ${formatPercent(churn.churnRate)} of ${plural(churn.customers, 'customer')} have churned.`
			}
		},
		opts
	);
}

/** Customers per BG/NBD P(alive) risk group, with the group's mean P(alive). Null when the model was refused. */
export function pAliveChart(churn: ChurnResult, opts: ChartOptions = {}): Chart | null {
	const p = churn.pAlive;
	if (!p.available) return null;
	const colors = riskColors(palette(opts.dark));
	const range: Record<PAliveRisk, string> = {
		High: `High risk (P(alive) < ${p.thresholds.high})`,
		Medium: `Medium (${p.thresholds.high} – ${p.thresholds.medium})`,
		Low: `Low risk (≥ ${p.thresholds.medium})`
	};
	return horizontalBars(
		{
			rows: p.groups,
			label: (g) => range[g.group],
			value: (g) => g.customers,
			text: (g) => `${formatCount(g.customers)} (${formatPercent(g.share, 0)})${g.meanPAlive === null ? '' : ` · mean ${formatNumber(g.meanPAlive, 2)}`}`,
			tooltip: (g) => `${range[g.group]}\n${plural(g.customers, 'customer')} (${formatPercent(g.share)})${g.meanPAlive === null ? '' : `\nMean P(alive) ${formatNumber(g.meanPAlive, 2)}`}`,
			fill: (g) => colors[g.group],
			xLabel: 'Customers',
			xTicks: countTicks,
			frame: {
				title: 'Probability each customer is still active (P(alive))',
				caption: 'P(alive) from the BG/NBD model fitted on purchase histories; the number after the dot is the group mean.',
				ariaDescription: `Bar chart of customers in three P(alive) risk groups.`
			}
		},
		opts
	);
}

/** Holdout check of the BG/NBD model: mean repeat purchases predicted vs actual, by calibration frequency. Null without a holdout. */
export function holdoutChart(clv: ClvResult, opts: ChartOptions = {}): Chart | null {
	const h = clv.holdout;
	if (!h.available) return null;
	const pal = palette(opts.dark);
	const rows = h.rows.flatMap((r) => [
		{ label: r.label, series: 'Actual', value: r.actualMean, customers: r.customers },
		{ label: r.label, series: 'Predicted', value: r.predictedMean, customers: r.customers }
	]);
	type Row = (typeof rows)[number];
	const unit = clv.timeUnit === 'week' ? 'week' : 'day';
	return render({
		...frame(opts, {
			title: 'Model check: predicted vs actual repeat purchases',
			caption: `Model fitted on orders before ${h.cutoff} (${plural(h.calibrationLength, unit)}), then compared with the next ${plural(h.holdoutLength, unit)}; ${plural(h.customers, 'customer')}.`,
			ariaDescription: `Line chart comparing the mean number of purchases predicted by the model and actually made in the holdout period, for customers grouped by their repeat purchases before it.`,
			height: 280
		}),
		marginLeft: 50,
		x: { type: 'point', domain: h.rows.map((r) => r.label), label: 'Repeat purchases before the cut-off' },
		y: { label: 'Mean purchases in holdout (per customer)', grid: true, nice: true },
		color: { domain: ['Actual', 'Predicted'], range: [pal.primary, pal.secondary], legend: true },
		marks: [
			Plot.lineY(
				rows.filter((r) => r.series === 'Actual'),
				{ x: 'label', y: 'value', stroke: 'series', strokeWidth: 2 }
			),
			Plot.lineY(
				rows.filter((r) => r.series === 'Predicted'),
				{ x: 'label', y: 'value', stroke: 'series', strokeWidth: 2, strokeDasharray: '5,3' }
			),
			Plot.dot(rows, {
				x: 'label',
				y: 'value',
				fill: 'series',
				r: 3,
				title: (r: Row) => `${r.series}, ${r.label} repeat purchases: ${formatNumber(r.value, 2)} (${plural(r.customers, 'customer')})`,
				tip: tip(opts)
			}),
			Plot.ruleY([0], { stroke: 'currentColor' })
		]
	});
}
