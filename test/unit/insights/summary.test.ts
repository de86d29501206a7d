import { describe, expect, it } from 'vitest';
import type { AnalysisResults, TrendMonth, TrendResult } from '../../../src/lib/analyses/index';
import { PANELS } from '../../../src/lib/charts/index';
import { executiveSummary, takeaway, trendDirection } from '../../../src/lib/insights/summary';
import * as f from '../../fixtures/results';

const off = (reason = 'not in this data') => ({ available: false as const, reason });

/** A trend whose complete months follow `revenues` (growth computed like the analysis does). */
function trendOf(revenues: number[]): TrendResult {
	const months: TrendMonth[] = revenues.map((revenue, i) => ({
		month: `2023-${String(i + 1).padStart(2, '0')}`,
		revenue,
		orders: 1,
		customers: 1,
		partial: false,
		growth: i === 0 ? null : revenue / revenues[i - 1] - 1
	}));
	const growths = months.flatMap((m) => (m.growth === null ? [] : [m.growth]));
	const peak = months.reduce((a, b) => (b.revenue > a.revenue ? b : a));
	return {
		...f.trend,
		months,
		partialFirst: false,
		partialLast: false,
		completeMonths: months.length,
		peak: { month: peak.month, revenue: peak.revenue },
		averageGrowth: growths.reduce((s, g) => s + g, 0) / growths.length
	};
}

const ids = (r: AnalysisResults, currency?: string) => executiveSummary(r, { currency }).map((s) => s.id);
const text = (r: AnalysisResults, id: string, currency?: string) => executiveSummary(r, { currency }).find((s) => s.id === id)?.text;

describe('executive summary', () => {
	it('states revenue and period with the hand-computed numbers', () => {
		expect(text(f.results, 'revenue')).toBe('Net revenue was 1,234.50 from 1 Jan 2023 to 15 Jun 2024 (532 days), across 40 orders from 20 customers.');
		expect(text(f.results, 'revenue', '£')).toContain('£1,234.50');
	});

	it('calls a steady 3.2% monthly growth "grew" with +3.2%', () => {
		const steady = trendOf([1000, 1032, 1065.024, 1099.10477, 1134.27612, 1170.57296]);
		expect(trendDirection(steady)?.direction).toBe('up');
		expect(text({ ...f.results, trend: steady }, 'trend')).toBe('Monthly revenue grew: +3.2% a month on average over 5 month-over-month changes.');
	});

	it('does not call noisy months a trend', () => {
		const noisy = trendOf([100, 120, 102, 122.4, 104.04, 124.85]);
		const t = text({ ...f.results, trend: noisy }, 'trend') ?? '';
		expect(t).toMatch(/^Monthly revenue shows no clear trend: the average change of \+\d+\.\d% a month is within/);
		expect(t).not.toMatch(/grew|declined/);
	});

	it('calls a steady decline "declined"', () => {
		const down = trendOf([1000, 950, 902.5, 857.375, 814.50625]);
		expect(text({ ...f.results, trend: down }, 'trend')).toBe('Monthly revenue declined: −5.0% a month on average over 4 month-over-month changes.');
	});

	it('names the peak month, segments, churn, cohort, stickiness, unusual days and forecast with their numbers', () => {
		const s = (id: string) => text(f.results, id, '£');
		expect(s('peak')).toMatch(/^The best month was December 2023 with £200\.00 \(1\.\d× the average complete month\)\.$/);
		expect(s('largestSegment')).toBe('The largest customer segment is At Risk: 5 customers (25.0% of 20).');
		expect(s('valuableSegment')).toBe('The Champions segment brings in the most revenue: £600.00 (48.6% of revenue) from 20.0% of customers.');
		expect(s('atRisk')).toContain('5 once-valuable customers (At Risk)');
		expect(s('atRisk')).toContain('£200.00');
		// 144.50 / (144.50 + 300 + 290 + 500) = 11.7%
		expect(s('churn')).toBe(
			'25.0% of customers (5 of 20) have churned, with no order in the last 90 days; they had spent £144.50 (11.7% of customer revenue).'
		);
		expect(s('bestCohort')).toBe('The best-retaining cohort is January 2024: 40.0% of its 10 customers ordered again the month after their first order.');
		expect(s('stickiness')).toBe('Stickiness is 20.0%: on an average day 2.0 customers order, out of 10.0 active in the last 30 days.');
		expect(s('unusualDays')).toBe('2 unusual days (1 high, 1 low); the most extreme, 24 Nov 2023, had £60.00 against £3.00 expected.');
		// 105 + 110 + 115 = 330
		expect(s('forecast')).toBe('Forecast for June 2024 (in progress): £105.00 (80% interval £90.00 to £120.00); £330.00 in total over the next 3 months.');
		expect(s('forecastBacktest')).toContain('more accurate than a seasonal naive forecast (MASE 0.80 vs 1.10)');
		expect(s('clv')).toBe('Existing customers are predicted to be worth £450.00 over the next 12 months (£22.50 per customer on average).');
	});

	it('warns when the forecast does not beat the naive baseline', () => {
		const worse = { ...f.forecast, backtest: { ...f.forecast.backtest!, mase: 1.3 } };
		expect(text({ ...f.results, forecast: worse }, 'forecastBacktest')).toContain('not more accurate');
	});

	it('every sentence carries a finite number and its analysis', () => {
		for (const s of executiveSummary(f.results)) {
			expect(Number.isFinite(s.value)).toBe(true);
			expect(s.text).toMatch(/\d/);
			expect(s.analysis).toBeTruthy();
		}
	});

	it('unavailable analyses give no sentence', () => {
		const r: AnalysisResults = { ...f.results, rfm: off(), churn: off(), forecast: off(), cohorts: off(), engagement: off(), unusualDays: off(), clv: off(), feedback: off() };
		const s = executiveSummary(r);
		expect(s.map((x) => x.analysis).filter((a) => ['rfm', 'churn', 'forecast', 'cohorts', 'engagement', 'unusualDays', 'clv', 'feedback'].includes(a))).toEqual([]);
		expect(ids(r)).toEqual(['revenue', 'trend', 'peak']);
		const none: AnalysisResults = { ...r, kpis: off(), trend: off() };
		expect(executiveSummary(none)).toEqual([]);
	});

	it('says nothing about unusual days when sparse data left no day to score', () => {
		const sparse: AnalysisResults = { ...f.results, unusualDays: { ...f.unusualDays, daysScored: 0, unusual: [] } };
		expect(ids(sparse)).not.toContain('unusualDays');
		const quiet: AnalysisResults = { ...f.results, unusualDays: { ...f.unusualDays, daysScored: 30, unusual: [] } };
		expect(text(quiet, 'unusualDays')).toBe('No unusual days among the 30 days scored.');
	});
});

describe('takeaways', () => {
	it('give one sentence per available panel and null for unavailable ones', () => {
		for (const p of PANELS) {
			const t = takeaway(p.id, f.results, { currency: '£', quality: f.quality });
			if (['categories', 'regions', 'demographicsCity', 'demographicsChannel'].includes(p.id)) expect(t, p.id).toBeNull();
			else {
				expect(t, p.id).toMatch(/\d/);
				expect(t!.split(/\.\s/).length, p.id).toBeLessThanOrEqual(2);
			}
		}
	});

	it('use the computed numbers', () => {
		expect(takeaway('products', f.results, { currency: '£' })).toBe(
			`The leading product, ${f.XSS}, brings £500.00 (40.5% of net revenue); the top 3 together bring 81.0%.`
		);
		expect(takeaway('seasonality', f.results)).toBe('December is the strongest calendar month (index 1.60) and January the weakest (0.90).');
		expect(takeaway('cltv', f.results)).toBe('The High value tier (6 customers, 30.0%) accounts for 67.6% of historical profit.');
		expect(takeaway('pAlive', f.results)).toBe('6 customers (30.0%) are probably no longer active (P(alive) below 0.3).');
		expect(takeaway('dataQuality', f.results, { quality: f.quality })).toContain('Of 125 rows read, 5 were excluded');
		expect(takeaway('dataQuality', f.results)).toBeNull();
	});

	it('rank deal sizes by revenue, not by how many orders they have', () => {
		// Small: many cheap orders; Large: few orders but most of the money (share = 600 / 1000).
		const rows = [
			{ label: 'Small', lines: 80, orders: 80, revenue: 160, share: 0.16 },
			{ label: 'Medium', lines: 20, orders: 20, revenue: 240, share: 0.24 },
			{ label: 'Large', lines: 3, orders: 3, revenue: 600, share: 0.6 }
		];
		const results = { ...f.results, dealSize: { available: true as const, basis: 'bands' as const, bands: null, rows } };
		expect(takeaway('dealSize', results, { currency: '£' })).toBe('Large deals bring the most revenue: £600.00 (60.0%).');
	});
});
