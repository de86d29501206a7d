import { describe, expect, it } from 'vitest';
import {
	breakdownChart,
	churnChart,
	cltvChart,
	clvHistogramChart,
	cohortChart,
	dataQualityChart,
	dealSizeChart,
	demographicsChart,
	engagementChart,
	forecastChart,
	holdoutChart,
	pAliveChart,
	rfmHeatmapChart,
	rfmScatterChart,
	rfmSegmentsChart,
	salesTrendChart,
	seasonalityChart,
	statusChart,
	stickinessChart,
	unusualDaysChart,
	type Chart
} from '../../../src/lib/charts/index';
import { BACKGROUND, contrastRatio, palette, textOn } from '../../../src/lib/charts/helpers';
import { forecastYDomain } from '../../../src/lib/charts/sales';
import { formatMonth } from '../../../src/lib/format/index';
import { createTestDocument } from './dom';
import * as f from '../../fixtures/results';

const document = createTestDocument();
const opts = { document, currency: '£', tips: false };

/** The plot's own <svg>: Plot's figure holds the title, legends (a colour ramp is an <svg> too), then the plot. */
function plotSvg(chart: Chart): Element {
	if (chart.tagName.toLowerCase() === 'svg') return chart;
	const svg = Array.from(chart.children)
		.filter((c) => c.tagName.toLowerCase() === 'svg')
		.at(-1);
	if (!svg) throw new Error('no plot svg');
	return svg;
}
const title = (chart: Chart) => chart.querySelector('h2')?.textContent ?? null;
const all = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector));
const axisLabels = (chart: Chart) => all(plotSvg(chart), 'g[aria-label="x-axis label"] text, g[aria-label="y-axis label"] text').map((t) => t.textContent ?? '');
const count = (chart: Chart, selector: string) => all(plotSvg(chart), selector).length;


interface Case {
	name: string;
	chart: () => Chart | null;
	title: string;
	/** A substring of some axis label (the currency check). */
	axis: string;
	/** Selector of one mark's elements and how many there should be. */
	marks: [string, number][];
}

const cases: Case[] = [
	{
		name: 'sales trend',
		chart: () => salesTrendChart(f.trend, { ...opts, forecast: f.forecast, unusualDays: f.unusualDays }),
		title: 'Monthly net revenue and forecast',
		axis: 'Net revenue (£)',
		marks: [
			['g[aria-label="line"]', 3], // complete months, dashed partial segment, forecast
			['g[aria-label="area"] path', 3], // history area, 95% and 80% bands
			['g[aria-label="dot"][fill="none"] circle', 1], // the partial month, hollow
			['g[aria-label="rule"] line', 3] // zero line + 2 unusual days
		]
	},
	{
		name: 'forecast',
		chart: () => forecastChart(f.forecast, opts),
		title: 'Net revenue forecast, next 3 months',
		axis: 'Net revenue per month (£)',
		marks: [['g[aria-label="area"] path', 3]]
	},
	{ name: 'seasonality', chart: () => seasonalityChart(f.trend, opts), title: 'Monthly seasonality index', axis: 'Seasonality index', marks: [['g[aria-label="bar"] rect', 12]] },
	{
		name: 'unusual days',
		chart: () => unusualDaysChart(f.unusualDays, opts),
		title: 'Unusual days: actual vs expected revenue',
		axis: 'Net revenue per day (£)',
		marks: [['g[aria-label="link"] path', 2]]
	},
	{ name: 'products', chart: () => breakdownChart(f.products, opts), title: 'Top products by net revenue', axis: 'Net revenue (£)', marks: [['g[aria-label="bar"] rect', 4]] },
	{ name: 'countries (top 10 of 12)', chart: () => breakdownChart(f.countries, opts), title: 'Top 10 countries by net revenue', axis: 'Net revenue (£)', marks: [['g[aria-label="bar"] rect', 10]] },
	{ name: 'deal size', chart: () => dealSizeChart(f.dealSize, opts), title: 'Deal-size distribution', axis: 'Orders', marks: [['g[aria-label="bar"] rect', 3]] },
	{ name: 'status', chart: () => statusChart(f.status, opts), title: 'Order-status distribution', axis: 'Orders', marks: [['g[aria-label="bar"] rect', 3]] },
	{ name: 'RFM segments', chart: () => rfmSegmentsChart(f.rfm, opts), title: 'RFM segments: share of customers and of revenue', axis: 'Share (%)', marks: [['g[aria-label="bar"] rect', 14]] },
	{
		name: 'RFM heatmap',
		chart: () => rfmHeatmapChart(f.rfm, opts),
		title: 'RFM heatmap: recency × frequency score',
		axis: 'R score',
		marks: [
			['g[aria-label="cell"] rect', 6],
			['g[aria-label="text"] text', 6]
		]
	},
	{ name: 'RFM scatter', chart: () => rfmScatterChart(f.rfm, opts), title: 'Recency vs frequency (customers per cell)', axis: 'Recency (days since last order)', marks: [['g[aria-label="rect"] rect', 4]] },
	{ name: 'CLTV tiers', chart: () => cltvChart(f.cltv, opts), title: 'Customer value tiers (historical CLTV)', axis: 'Historical profit (£)', marks: [['g[aria-label="bar"] rect', 3]] },
	{ name: 'CLV histogram', chart: () => clvHistogramChart(f.clv, opts), title: 'Predicted customer value, next 12 months', axis: 'Predicted CLV (£)', marks: [['g[aria-label="rect"] rect', 4]] },
	{ name: 'holdout', chart: () => holdoutChart(f.clv, opts), title: 'Model check: predicted vs actual repeat purchases', axis: 'Mean purchases in holdout', marks: [['g[aria-label="line"]', 2], ['g[aria-label="dot"] circle', 6]] },
	{ name: 'churn', chart: () => churnChart(f.churn, opts), title: 'Churn risk groups', axis: 'Customers', marks: [['g[aria-label="bar"] rect', 4]] },
	{ name: 'P(alive)', chart: () => pAliveChart(f.churn, opts), title: 'Probability each customer is still active (P(alive))', axis: 'Customers', marks: [['g[aria-label="bar"] rect', 3]] },
	{
		name: 'engagement',
		chart: () => engagementChart(f.engagement, opts),
		title: 'Daily and monthly active customers',
		axis: 'Active customers',
		marks: [
			['g[aria-label="line"] path', 2],
			['g[aria-label="rect"] rect', 1] // the 29 days with an incomplete 30-day window
		]
	},
	{
		name: 'stickiness',
		chart: () => stickinessChart(f.engagement, opts),
		title: 'Stickiness (DAU / MAU)',
		axis: 'Stickiness (%)',
		marks: [
			['g[aria-label="line"] path', 1],
			['g[aria-label="rect"] rect', 1]
		]
	},
	{
		name: 'cohorts',
		chart: () => cohortChart(f.cohorts, opts),
		title: 'Cohort retention',
		axis: 'Months since first order',
		marks: [
			['g[aria-label="cell"] rect', 5],
			['g[aria-label="text"] text', 5]
		]
	},
	{
		name: 'demographics (AOV)',
		chart: () => demographicsChart(f.demographics, 'age', { ...opts, measure: 'aov' }),
		title: 'Customers and average order value by age band',
		axis: 'Average order value (£)',
		marks: [['g[aria-label="bar"] rect', 3]]
	},
	{ name: 'data quality', chart: () => dataQualityChart(f.quality, opts), title: 'Data quality: flagged rows per reason', axis: 'Rows', marks: [['g[aria-label="bar"] rect', 7]] }
];

describe('charts', () => {
	for (const c of cases) {
		it(`${c.name}: a titled, labelled figure with the expected marks`, () => {
			const chart = c.chart();
			expect(chart).not.toBeNull();
			const el = chart as Chart;
			expect(['figure', 'svg']).toContain(el.tagName.toLowerCase());
			expect(title(el)).toBe(c.title);
			expect(axisLabels(el).some((l) => l.includes(c.axis))).toBe(true);
			const svg = plotSvg(el);
			expect(svg.getAttribute('aria-label')).toBeTruthy();
			expect(svg.getAttribute('aria-description')).toBeTruthy();
			for (const [selector, n] of c.marks) expect(count(el, selector), selector).toBe(n);
			expect(el.outerHTML).not.toMatch(/<script/i);
		});
	}

	it('money labels carry the currency only when one is set', () => {
		const withCurrency = axisLabels(breakdownChart(f.products, opts));
		const without = axisLabels(breakdownChart(f.products, { document }));
		expect(withCurrency.join()).toContain('Net revenue (£)');
		expect(without.join()).toContain('Net revenue');
		expect(without.join()).not.toContain('(');
	});

	it('tick labels are compact and money ticks carry the symbol', () => {
		const big = { ...f.products, rows: f.products.rows.map((r) => ({ ...r, revenue: r.revenue * 10_000 })) };
		const ticks = all(plotSvg(breakdownChart(big, opts)), 'g[aria-label="x-axis tick label"] text').map((t) => t.textContent);
		expect(ticks).toContain('£1M');
		expect(ticks.some((t) => /^£\d+(\.\d)?[KM]$/.test(t ?? ''))).toBe(true);
	});

	it('user text is drawn as text: escaped in the serialised SVG, long labels truncated', () => {
		const html = breakdownChart(f.products, opts).outerHTML;
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		const labels = all(plotSvg(breakdownChart(f.products, opts)), 'g[aria-label="y-axis tick label"] text').map((t) => t.textContent ?? '');
		expect(labels).toContain('A very long product name th…');
		expect(Math.max(...labels.map((l) => Array.from(l).length))).toBeLessThanOrEqual(28);
	});

	it('pAlive and holdout charts are null when their model is unavailable', () => {
		expect(pAliveChart({ ...f.churn, pAlive: { available: false, reason: 'x' } }, opts)).toBeNull();
		expect(holdoutChart({ ...f.clv, holdout: { available: false, reason: 'x' } }, opts)).toBeNull();
		expect(demographicsChart(f.demographics, 'city', opts)).toBeNull();
	});

	it('a weekly forecast is not drawn on the monthly trend', () => {
		const weekly = { ...f.forecast, granularity: 'week' as const };
		const chart = salesTrendChart(f.trend, { ...opts, forecast: weekly });
		expect(title(chart)).toBe('Monthly net revenue');
		expect(count(chart, 'g[aria-label="area"] path')).toBe(1);
	});

	it('engagement charts shade and name the days whose 30-day window is incomplete, and only those', () => {
		for (const chart of [engagementChart(f.engagement, opts), stickinessChart(f.engagement, opts)]) {
			expect(chart.querySelector('figcaption')?.textContent).toContain('The shaded days before 30 Jun 2024 have less than 30 days of data behind them');
		}
		const allComplete = { ...f.engagement, completeFrom: f.engagement.from };
		const chart = engagementChart(allComplete, opts);
		expect(count(chart, 'g[aria-label="rect"] rect')).toBe(0);
		expect(chart.querySelector('figcaption')?.textContent).not.toContain('shaded');
	});

	it('a date-filtered cohort chart says why early months are blank', () => {
		const filtered = { ...f.cohorts, cohorts: f.cohorts.cohorts.map((k) => ({ ...k, cells: k.cells.filter((x) => x.monthsSince >= 1) })) };
		expect(cohortChart(filtered, opts).querySelector('figcaption')?.textContent).toContain('Months before the date filter are left blank');
		expect(cohortChart(f.cohorts, opts).querySelector('figcaption')?.textContent).not.toContain('left blank');
	});

	it('the heatmap draws the latest 48 of 60 monthly cohorts, and says the table lists them all', () => {
		// Cohort k (0…59, 2020-01 onwards) has months 0…59−k: the latest 48 (k = 12…59) hold 48 + 47 + … + 1 = 1,176 cells.
		const many = {
			available: true as const,
			maxMonthsSince: 59,
			cohorts: Array.from({ length: 60 }, (_, k) => ({
				cohort: `${2020 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`,
				customers: 10,
				cells: Array.from({ length: 60 - k }, (_, m) => ({ monthsSince: m, activeCustomers: m === 0 ? 10 : 2, share: m === 0 ? 1 : 0.2, revenue: 50 }))
			}))
		};
		const chart = cohortChart(many, opts);
		expect(count(chart, 'g[aria-label="cell"] rect')).toBe(1176);
		expect(chart.querySelector('figcaption')?.textContent).toContain('Showing the latest 48 of 60 cohorts; the table lists them all.');
		const yLabels = all(plotSvg(chart), 'g[aria-label="y-axis tick label"] text').map((t) => t.textContent);
		expect(yLabels).toHaveLength(48);
		expect(yLabels).not.toContain(formatMonth('2020-12', true));
		expect(yLabels).toContain(formatMonth('2021-01', true));
		expect(cohortChart(f.cohorts, opts).querySelector('figcaption')?.textContent).not.toContain('Showing the latest');
	});

	it('a wide 95% band is clipped to the history and point forecast, and the chart says so', () => {
		// History 40…200 (with zero), forecast 105–115: range 0–200, margin 25% of 200 → y from 0 to 250.
		expect(forecastYDomain(f.forecast.history.map((h) => h.value), f.forecast.forecast)).toEqual([0, 250]);
		// Negative values widen the bottom too: range −100…300 → pad 100.
		expect(forecastYDomain([-100, 300], [50])).toEqual([-200, 400]);
		const wide = { ...f.forecast, lo95: [-500, -600, -700], hi95: [1000, 2000, 3000], lo80: [-100, -150, -200], hi80: [400, 500, 600] };
		const tickValue = (text: string) => Number(text.replace(/[^\d.−-]/g, '').replace('−', '-')) * (text.endsWith('K') ? 1e3 : 1);
		const yTicks = (chart: Chart) => all(plotSvg(chart), 'g[aria-label="y-axis tick label"] text').map((t) => tickValue(t.textContent ?? ''));
		for (const chart of [forecastChart(wide, opts), salesTrendChart(f.trend, { ...opts, forecast: wide })]) {
			expect(chart.querySelector('figcaption')?.textContent).toContain('95% band clipped at £0.00 and £250.00');
			expect(Math.max(...yTicks(chart))).toBeLessThanOrEqual(250);
			expect(Math.min(...yTicks(chart))).toBeGreaterThanOrEqual(0);
		}
		// The fixture's own bands (80–146) fit: nothing clipped, nothing said.
		expect(forecastChart(f.forecast, opts).querySelector('figcaption')?.textContent).not.toContain('clipped');
		expect(salesTrendChart(f.trend, { ...opts, forecast: f.forecast }).querySelector('figcaption')?.textContent).not.toContain('clipped');
	});

	it('heatmap numbers are readable on their cells', () => {
		const chart = rfmHeatmapChart(f.rfm, opts);
		const fills = all(plotSvg(chart), 'g[aria-label="text"] text').map((t) => t.getAttribute('fill'));
		// The darkest cell (mean monetary 150) gets white text, the lightest black.
		expect(fills).toContain('#ffffff');
		expect(fills).toContain('#000000');
	});
});

describe('palette', () => {
	it('series and neutral colours reach 3:1 against the chart background in light and dark mode', () => {
		for (const dark of [false, true]) {
			const p = palette(dark);
			for (const c of [...p.series, p.neutral]) {
				expect(contrastRatio(c, dark ? BACKGROUND.dark : BACKGROUND.light), `${c} dark=${dark}`).toBeGreaterThanOrEqual(3);
			}
		}
	});

	it('textOn picks the more readable of black and white', () => {
		expect(textOn('#08306b')).toBe('#ffffff');
		expect(textOn('rgb(247, 251, 255)')).toBe('#000000');
	});
});
