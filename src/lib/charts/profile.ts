/** Who the customers are (demographics) and how clean the data is (data quality). */
import type { DemographicRow, DemographicsResult } from '../analyses/index';
import type { QualitySummary } from '../ingest/index';
import { formatCount, formatMoney, formatMoneyCompact, formatPercent, plural } from '../format/index';
import { horizontalBars } from './bars';
import { countTicks, moneyLabel, moneyTicks, palette, type Chart, type ChartOptions } from './helpers';

export type DemographicDimension = DemographicsResult['dimensions'][number]['dimension'];

export const DIMENSION_LABELS: Record<DemographicDimension, string> = {
	age: 'age band',
	gender: 'gender',
	city: 'city',
	channel: 'acquisition channel'
};

export interface DemographicsChartOptions extends ChartOptions {
	/** Bar length: customers (default), average order value or net revenue. */
	measure?: 'customers' | 'aov' | 'revenue';
}

/** Bars per age band / gender / city / channel; the label gives customers and AOV. Null when the dimension is absent. */
export function demographicsChart(d: DemographicsResult, dimension: DemographicDimension, opts: DemographicsChartOptions = {}): Chart | null {
	const dim = d.dimensions.find((x) => x.dimension === dimension);
	if (!dim) return null;
	const pal = palette(opts.dark);
	const measure = opts.measure ?? 'customers';
	const money = (v: number | null) => formatMoney(v, opts.currency);
	const value = (r: DemographicRow) => (measure === 'customers' ? r.customers : measure === 'aov' ? (r.aov ?? 0) : r.revenue);
	const isMoney = measure !== 'customers';
	const name = DIMENSION_LABELS[dimension];
	return horizontalBars(
		{
			rows: dim.rows,
			label: (r) => r.label,
			value,
			text: (r) => `${formatCount(r.customers)} · AOV ${r.aov === null ? '—' : formatMoneyCompact(r.aov, opts.currency)}`,
			tooltip: (r) =>
				`${r.label}\n${plural(r.customers, 'customer')}, ${plural(r.orders, 'order')}\nAOV ${money(r.aov)}\nRevenue ${money(r.revenue)}${r.revenueShare === null ? '' : ` (${formatPercent(r.revenueShare)})`}${r.topProducts.length ? `\nTop: ${r.topProducts.map((p) => p.product).join(', ')}` : ''}`,
			fill: () => pal.primary,
			xLabel: isMoney ? moneyLabel(measure === 'aov' ? 'Average order value' : 'Net revenue', opts.currency) : 'Customers',
			xTicks: isMoney ? moneyTicks(opts.currency) : countTicks,
			frame: {
				title: `Customers and average order value by ${name}`,
				caption: `${plural(d.customersMatched, 'customer')} matched to the customer table. Label: customers · average order value (AOV).`,
				ariaDescription: `Bar chart of ${measure === 'customers' ? 'customers' : measure === 'aov' ? 'average order value' : 'net revenue'} per ${name} (${plural(dim.rows.length, 'group')}).`
			}
		},
		opts
	);
}

/** Rows flagged per reason at import: kept (flagged and treated as documented) or excluded. Duplicates once counted. */
export function qualityReasons(q: QualitySummary): { reason: string; rows: number; excluded: boolean }[] {
	const f = q.flagged;
	return [
		{ reason: 'Cancellation lines', rows: f.cancellationLines, excluded: false },
		{ reason: 'Return lines (negative)', rows: f.returnLines, excluded: false },
		{ reason: 'Without customer id', rows: f.missingCustomerId, excluded: false },
		{ reason: 'Zero revenue', rows: f.zeroRevenue, excluded: false },
		...(f.duplicateLines === null ? [] : [{ reason: 'Duplicate lines', rows: f.duplicateLines, excluded: false }]),
		{ reason: 'Unreadable date (excluded)', rows: f.badDates.count, excluded: true },
		{ reason: 'No revenue (excluded)', rows: f.missingRevenue.count, excluded: true }
	];
}

/** Flagged rows per reason, as counts and shares of the rows read. */
export function dataQualityChart(q: QualitySummary, opts: ChartOptions = {}): Chart {
	const pal = palette(opts.dark);
	const share = (n: number) => (q.rowsRead > 0 ? ` (${formatPercent(n / q.rowsRead)})` : '');
	return horizontalBars(
		{
			rows: qualityReasons(q),
			label: (r) => r.reason,
			value: (r) => r.rows,
			text: (r) => `${formatCount(r.rows)}${share(r.rows)}`,
			tooltip: (r) => `${r.reason}: ${plural(r.rows, 'row')}${share(r.rows)}, ${r.excluded ? 'excluded' : 'kept and flagged'}`,
			fill: (r) => (r.excluded ? pal.secondary : pal.primary),
			xLabel: 'Rows',
			xTicks: countTicks,
			frame: {
				title: 'Data quality: flagged rows per reason',
				caption: `${plural(q.rowsRead, 'row')} read, ${formatCount(q.rowsInTransactions)} used. Rows marked (excluded) were left out; the others are kept and flagged.`,
				ariaDescription: `Bar chart of rows flagged for each data-quality reason, out of ${plural(q.rowsRead, 'row')} read.`
			}
		},
		opts
	);
}
