/** The dashboard panels of this slice: chart and table views, takeaway, dictionary entry. */
import { forecastChart, salesTrendChart, seasonalityChart, unusualDaysChart } from '../../charts/index';
import { formatChange, formatMonth, formatNumber } from '../../format/index';
import { kit, reason, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
import type { TrendResult } from './types';
import { seasonalityTakeaway, trendTakeaway } from './takeaway';

/** The growth figures beside the table: the headline compound rate and, for comparison, the arithmetic mean of the monthly changes. */
function growthNote(t: TrendResult): string {
	const parts = [
		t.compoundGrowth ? `compound monthly growth ${formatChange(t.compoundGrowth.rate)} (${formatMonth(t.compoundGrowth.from)} to ${formatMonth(t.compoundGrowth.to)})` : '',
		t.lastTwelveGrowth ? `last 12 months vs the 12 before ${formatChange(t.lastTwelveGrowth.rate)}` : '',
		t.averageGrowth === null ? '' : `arithmetic mean of the monthly changes ${formatChange(t.averageGrowth)}`
	].filter(Boolean);
	return parts.length ? `; ${parts.join('; ')}` : '';
}

export const trendPanel: PanelDefinition = {
	name: 'trend',
	group: 'sales',
	title: 'Sales trend',
	analyses: ['trend', 'forecast', 'unusualDays'],
	wide: true,
	dictionary: ['sales-trend'],
	takeaway: takeawayText(trendTakeaway),
	views(input): PanelView[] {
		const { r, money, pct, share, count, chart, resultView } = kit(input);
		const f = r.forecast;
		const u = r.unusualDays;
		const views: PanelView[] = [
			resultView(r.trend, {
				id: 'trend',
				label: 'Monthly revenue',
				title: 'Monthly net revenue',
				draw: (x, o) => salesTrendChart(x, { ...o, forecast: f?.available ? f : null, unusualDays: u?.available ? u : null }),
				table: (t) => ({
					caption: `Net revenue, orders and customers per month${growthNote(t)}`,
					columns: [
						{ key: 'month', label: 'Month', format: (v, row) => `${formatMonth(String(v))}${row.partial ? ' (partial)' : ''}` },
						{ key: 'revenue', label: 'Net revenue', numeric: true, format: money },
						{ key: 'orders', label: 'Orders', numeric: true, format: count },
						{ key: 'customers', label: 'Customers', numeric: true, format: count },
						{ key: 'growth', label: 'Change vs previous month', numeric: true, format: share }
					],
					rows: t.months
				})
			})
		];
		if (f) {
			views.push(
				resultView(f, {
					id: 'forecast',
					label: 'Forecast',
					title: 'Net revenue forecast',
					draw: forecastChart,
					table: (x) => ({
						caption: 'Forecast with 80% and 95% intervals',
						columns: [
							{ key: 'label', label: x.granularity === 'month' ? 'Month' : 'Week' },
							{ key: 'forecast', label: 'Forecast', numeric: true, format: money },
							{ key: 'lo80', label: '80% low', numeric: true, format: money },
							{ key: 'hi80', label: '80% high', numeric: true, format: money },
							{ key: 'lo95', label: '95% low', numeric: true, format: money },
							{ key: 'hi95', label: '95% high', numeric: true, format: money }
						],
						rows: x.labels.map((label, i) => ({ label, forecast: x.forecast[i], lo80: x.lo80[i], hi80: x.hi80[i], lo95: x.lo95[i], hi95: x.hi95[i] }))
					})
				})
			);
		}
		if (u) {
			views.push({
				id: 'unusual',
				label: 'Unusual days',
				title: 'Unusual days',
				chart: u.available && u.unusual.length ? chart(u, (x, o) => unusualDaysChart(x, o)) : null,
				unavailable: u.available ? (u.unusual.length ? null : 'no day stands out from its weekday’s usual revenue') : reason(u),
				table: u.available
					? {
							caption: 'Days whose revenue is far from what is usual for that weekday',
							columns: [
								{ key: 'date', label: 'Date' },
								{ key: 'revenue', label: 'Revenue', numeric: true, format: money },
								{ key: 'expected', label: 'Usual', numeric: true, format: money },
								{ key: 'deviation', label: 'Difference', numeric: true, format: pct },
								{ key: 'direction', label: 'Direction' }
							],
							rows: u.unusual
						}
					: null
			});
		}
		return views;
	}
};

export const seasonalityPanel: PanelDefinition = {
	name: 'seasonality',
	group: 'sales',
	title: 'Seasonality',
	analyses: ['trend'],
	dictionary: ['sales-trend'],
	takeaway: takeawayText(seasonalityTakeaway),
	views(input): PanelView[] {
		const { r, chart } = kit(input);
		const t = r.trend;
		const has = t?.available && t.seasonality.some((s) => s.index !== null);
		return [
			{
				id: 'seasonality',
				label: 'Seasonality',
				title: 'Monthly seasonality index',
				chart: has ? chart(t, (x, o) => seasonalityChart(x, o)) : null,
				unavailable: t?.available && !has ? 'no complete month yet' : reason(t),
				table: t?.available
					? {
							caption: 'Seasonality index per calendar month (1 = average month)',
							columns: [
								{ key: 'month', label: 'Month', format: (v) => new Date(Date.UTC(2000, Number(v) - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }) },
								{ key: 'index', label: 'Index', numeric: true, format: (v) => (v === null ? '' : formatNumber(v, 2)) },
								{ key: 'completeMonths', label: 'Complete months', numeric: true }
							],
							rows: t.seasonality
						}
					: null
			}
		];
	}
};
