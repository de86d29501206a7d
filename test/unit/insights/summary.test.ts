import { describe, expect, it } from 'vitest';
import type { AnalysisResults, TrendMonth, TrendResult } from '../../../src/lib/analyses/index';
import { executiveSummary } from '../../../src/lib/insights/index';
import { summariseTrend } from '../../../src/lib/analyses/trend/compute';
import * as f from '../../fixtures/results';

const off = (reason = 'not in this data') => ({ available: false as const, reason });

/** A trend whose months (all complete, from January 2023) follow `revenues`, summarised like the analysis does. */
function trendOf(revenues: number[]): TrendResult {
	const months: TrendMonth[] = revenues.map((revenue, i) => ({
		month: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
		revenue,
		orders: 1,
		customers: 1,
		partial: false,
		growth: i === 0 ? null : revenue / revenues[i - 1] - 1
	}));
	return summariseTrend({ months, partialFirst: false, partialLast: false });
}

const ids = (r: AnalysisResults, currency?: string) => executiveSummary(r, { currency }).map((s) => s.id);
const text = (r: AnalysisResults, id: string, currency?: string) => executiveSummary(r, { currency }).find((s) => s.id === id)?.text;

describe('executive summary', () => {
	it('states revenue and period with the hand-computed numbers', () => {
		expect(text(f.results, 'revenue')).toBe('Net revenue was 1,234.50 from 1 Jan 2023 to 15 Jun 2024 (532 days), across 40 orders from 20 customers.');
		expect(text(f.results, 'revenue', '£')).toContain('£1,234.50');
	});

	it('calls a steady 3.2% monthly growth "grew", with the compound rate', () => {
		// Mann–Kendall: 6 rising values, S = 15, z = 14 / √(6·5·17/18) ≈ 2.63 > 1.96. CMGR = (1170.57/1000)^(1/5) − 1 = 3.2%.
		const steady = trendOf([1000, 1032, 1065.024, 1099.10477, 1134.27612, 1170.57296]);
		expect(text({ ...f.results, trend: steady }, 'trend')).toBe('Monthly revenue grew over the 6 complete months from January 2023 to June 2023: compound growth +3.2% a month.');
	});

	it('does not call noisy months a trend', () => {
		// S = 5 + 0 + 3 + 0 + 1 = 9, z = 8 / 5.32 ≈ 1.50. CMGR = 1.2485^(1/5) − 1 ≈ 4.5%.
		const noisy = trendOf([100, 120, 102, 122.4, 104.04, 124.85]);
		expect(text({ ...f.results, trend: noisy }, 'trend')).toBe('Monthly revenue shows no clear trend over the 6 complete months from January 2023 to June 2023: compound growth +4.5% a month.');
	});

	it('a seesaw with a +25% arithmetic mean change is no growth: compound 0%', () => {
		// Changes +100%, −50% alternate: arithmetic mean +25%, but revenue ends where it began.
		const seesaw = trendOf([100, 200, 100, 200, 100, 200, 100]);
		expect(seesaw.averageGrowth).toBeCloseTo(0.25, 12);
		expect(text({ ...f.results, trend: seesaw }, 'trend')).toBe('Monthly revenue shows no clear trend over the 7 complete months from January 2023 to July 2023: compound growth 0.0% a month.');
	});

	it('calls a steady decline "fell"', () => {
		// S = −10 over 5 values, z = −9 / √(50/3) ≈ −2.20.
		const down = trendOf([1000, 950, 902.5, 857.375, 814.50625]);
		expect(text({ ...f.results, trend: down }, 'trend')).toBe('Monthly revenue fell over the 5 complete months from January 2023 to May 2023: compound growth −5.0% a month.');
	});

	it('with 24+ complete months adds the last 12 months against the 12 before', () => {
		// 25 months at 100 · 1.02^i: CMGR 2%; months 14–25 over months 2–13 = 1.02^12 = 1.26824 → +26.8%.
		const t = trendOf(Array.from({ length: 25 }, (_, i) => 100 * 1.02 ** i));
		expect(t.compoundGrowth?.rate).toBeCloseTo(0.02, 12);
		expect(t.lastTwelveGrowth).toEqual({ from: '2024-02', to: '2025-01', rate: expect.closeTo(1.02 ** 12 - 1, 12) });
		expect(text({ ...f.results, trend: t }, 'trend')).toBe(
			'Monthly revenue grew over the 25 complete months from January 2023 to January 2025: compound growth +2.0% a month; the last 12 months +26.8% on the 12 before.'
		);
	});

	it('four complete months are too few to call a trend', () => {
		expect(text({ ...f.results, trend: trendOf([100, 110, 121, 133.1]) }, 'trend')).toBe(
			'Monthly revenue over the 4 complete months from January 2023 to April 2023: compound growth +10.0% a month; too few complete months to call a trend.'
		);
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
		expect(s('stickiness')).toBe('Stickiness is 20.0%: customers ordering on an average day against the 10.0 active in the last 30 days, over the 5 days whose 30-day window lies within the data.');
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
