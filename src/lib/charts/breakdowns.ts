/** Ranked breakdowns: top products, categories, countries, regions; deal sizes; order statuses. */
import type { BreakdownResult, BreakdownRow, DealSizeResult, StatusResult } from '../analyses/index';
import { formatCount, formatMoney, formatMoneyCompact, formatPercent, plural } from '../format/index';
import { horizontalBars } from './bars';
import { countTicks, moneyLabel, moneyTicks, palette, type Chart, type ChartOptions } from './helpers';

const DIMENSION = {
	product: { one: 'product', noun: 'products', title: 'Top products by net revenue' },
	category: { one: 'category', noun: 'categories', title: 'Top categories / product lines by net revenue' },
	country: { one: 'country', noun: 'countries', title: 'Top 10 countries by net revenue' },
	region: { one: 'region', noun: 'regions', title: 'Top regions by net revenue' }
} as const;

/** Rows shown: at most `limit` named rows; the "Other" row only when nothing was cut here. */
function visibleRows(rows: BreakdownRow[], limit: number): { rows: BreakdownRow[]; hidden: number } {
	const named = rows.filter((r) => !r.isOther);
	if (named.length <= limit) return { rows, hidden: 0 };
	return { rows: named.slice(0, limit), hidden: named.length - limit };
}

export interface BreakdownChartOptions extends ChartOptions {
	/** Named rows shown (default: 10 for countries, else all the result has). */
	limit?: number;
}

/** Horizontal bars of net revenue per product / category / country / region, in the result's order. */
export function breakdownChart(b: BreakdownResult, opts: BreakdownChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const d = DIMENSION[b.dimension];
	const { rows, hidden } = visibleRows(b.rows, opts.limit ?? (b.dimension === 'country' ? 10 : Infinity));
	const share = (r: BreakdownRow) => (r.share === null ? '' : ` (${formatPercent(r.share)})`);
	const notes = [`${formatCount(b.distinct)} ${d.noun} in total.`];
	if (rows.some((r) => r.isOther)) notes.push('"Other" sums the rest.');
	if (hidden > 0) notes.push(`${plural(hidden, 'more row')} not shown.`);
	if (rows.some((r) => r.isMissing)) notes.push('Grey bars: other or missing values.');
	return horizontalBars(
		{
			rows,
			label: (r) => r.label,
			value: (r) => r.revenue,
			text: (r) => `${formatMoneyCompact(r.revenue, opts.currency)}${share(r)}`,
			tooltip: (r) => `${r.label}\n${formatMoney(r.revenue, opts.currency)}${share(r)}\n${plural(r.orders, 'order')}${r.units === null ? '' : `, ${plural(r.units, 'unit')}`}`,
			fill: (r) => (r.isOther || r.isMissing ? pal.neutral : pal.primary),
			xLabel: moneyLabel('Net revenue', opts.currency),
			xTicks: moneyTicks(opts.currency),
			frame: {
				title: d.title,
				caption: notes.join(' '),
				ariaDescription: `Bar chart of net revenue for the top ${plural(rows.length, d.one, d.noun)}, largest first.`
			}
		},
		opts
	);
}

/** Orders per deal size (the data's column, or order-value bands around the median order). */
export function dealSizeChart(ds: DealSizeResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const money = (v: number) => formatMoney(v, opts.currency);
	const caption =
		ds.basis === 'bands' && ds.bands
			? `No deal-size column: orders are banded around the median order value (${money(ds.bands.medianOrderValue)}): Small below ${money(ds.bands.smallBelow)}, Large above ${money(ds.bands.largeAbove)}.`
			: 'Deal size as given in the data.';
	return horizontalBars(
		{
			rows: ds.rows,
			label: (r) => r.label,
			value: (r) => r.orders,
			text: (r) => `${formatCount(r.orders)} · ${formatMoneyCompact(r.revenue, opts.currency)}`,
			tooltip: (r) => `${r.label}\n${plural(r.orders, 'order')}\n${money(r.revenue)}${r.share === null ? '' : ` (${formatPercent(r.share)} of revenue)`}`,
			fill: () => pal.primary,
			xLabel: 'Orders',
			xTicks: countTicks,
			frame: { title: 'Deal-size distribution', caption, ariaDescription: `Bar chart of orders per deal size (${plural(ds.rows.length, 'size')}).` }
		},
		opts
	);
}

/** Orders per order status, with each status's share of revenue. */
export function statusChart(s: StatusResult, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	return horizontalBars(
		{
			rows: s.rows,
			label: (r) => r.status,
			value: (r) => r.orders,
			text: (r) => `${formatCount(r.orders)}${r.share === null ? '' : ` · ${formatPercent(r.share)} of revenue`}`,
			tooltip: (r) => `${r.status}\n${plural(r.orders, 'order')}, ${plural(r.lines, 'line')}\n${formatMoney(r.revenue, opts.currency)}`,
			fill: (r) => (r.isMissing ? pal.neutral : pal.primary),
			xLabel: 'Orders',
			xTicks: countTicks,
			frame: { title: 'Order-status distribution', ariaDescription: `Bar chart of orders per status (${plural(s.rows.length, 'status', 'statuses')}).` }
		},
		opts
	);
}
