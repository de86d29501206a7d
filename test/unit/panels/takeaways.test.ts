import { describe, expect, it } from 'vitest';
import type { AnalysisResults } from '../../../src/lib/analyses/index';
import { executiveSummary } from '../../../src/lib/insights/index';
import { PANELS } from '../../../src/lib/panels/index';
import type { QualitySummary } from '../../../src/lib/ingest/index';
import * as f from '../../fixtures/results';

/** What the dashboard shows under the panel `name`. */
function takeaway(name: string, results: Partial<AnalysisResults>, currency = '', quality: QualitySummary | null = null): string | null {
	const panel = PANELS.find((p) => p.name === name);
	if (!panel) throw new Error(`no panel ${name}`);
	return panel.takeaway({ results, currency, quality, ondrill: () => {} });
}

describe('panel takeaways', () => {
	it('give one sentence (two for data quality) with a number per panel; the composed insights panel has none', () => {
		for (const p of PANELS) {
			const t = takeaway(p.name, f.results, '£', f.quality);
			if (p.name === 'insights') expect(t).toBeNull();
			else {
				expect(t, p.name).toMatch(/\d/);
				expect(t!.split(/\.\s/).length, p.name).toBeLessThanOrEqual(2);
			}
		}
	});

	it('are null while their analysis is unavailable', () => {
		const off = { available: false as const, reason: 'no customer id column' };
		for (const name of ['rfm', 'rfm-heatmap', 'rfm-scatter', 'churn', 'cohorts', 'engagement', 'feedback', 'demographics']) {
			expect(takeaway(name, { ...f.results, rfm: off, churn: off, cohorts: off, engagement: off, feedback: off, demographics: off }), name).toBeNull();
		}
	});

	it('say the same words as the executive summary where it repeats them', () => {
		const summary = executiveSummary(f.results, { currency: '£', quality: f.quality }).map((s) => s.text);
		for (const name of ['kpis', 'trend', 'rfm', 'churn', 'cohorts', 'feedback']) {
			const t = takeaway(name, f.results, '£', f.quality);
			expect(t, name).not.toBeNull();
			expect(summary, name).toContain(t);
		}
		expect(takeaway('churn', f.results, '£')).toBe(executiveSummary(f.results, { currency: '£' }).find((s) => s.id === 'churn')!.text);
	});

	it('use the computed numbers', () => {
		expect(takeaway('products', f.results, '£')).toBe(`The leading product, ${f.XSS}, brings £500.00 (40.5% of net revenue); the top 3 together bring 81.0%.`);
		expect(takeaway('seasonality', f.results)).toBe('December is the strongest calendar month (index 1.60) and January the weakest (0.90).');
		expect(takeaway('cltv', f.results)).toBe('The High value tier (6 customers, 30.0%) accounts for 67.6% of historical profit.');
		expect(takeaway('quality', f.results, '', f.quality)).toContain('Of 125 rows read, 5 were excluded');
		// Without the import summary, the scope's own line counts.
		expect(takeaway('quality', f.results)).toMatch(/^\d+ order lines from /);
	});

	it('rank deal sizes by revenue, not by how many orders they have', () => {
		// Small: many cheap orders; Large: few orders but most of the money (share = 600 / 1000).
		const rows = [
			{ label: 'Small', lines: 80, orders: 80, revenue: 160, share: 0.16 },
			{ label: 'Medium', lines: 20, orders: 20, revenue: 240, share: 0.24 },
			{ label: 'Large', lines: 3, orders: 3, revenue: 600, share: 0.6 }
		];
		const results = { ...f.results, dealSize: { available: true as const, basis: 'bands' as const, bands: null, rows } };
		expect(takeaway('dealsize', results, '£')).toBe('Large deals bring the most revenue: £600.00 (60.0%).');
	});

	it('never name a bucket: the largest real city, country, deal size and status instead of "Other", "Unknown" or "(not given)"', () => {
		const row = (label: string, customers: number, aov: number | null) => ({ label, customers, orders: customers, aov, revenue: customers * 10, revenueShare: null, topProducts: [] });
		const demographics = {
			...f.demographics,
			dimensions: [{ dimension: 'city' as const, rows: [row('Madrid', 12, 30), row('Lyon', 9, 45), row('Unknown', 20, 90), row('Other (29)', 29, 80)] }]
		};
		expect(takeaway('demographics', { ...f.results, demographics }, '£')).toBe('The largest city is Madrid with 12 customers; the highest average order value is Lyon at £45.00.');
		const countries = {
			...f.products,
			dimension: 'country' as const,
			rows: [
				{ ...f.products.rows[0], label: 'Other (40)', isOther: true, isMissing: false, revenue: 900, share: 0.6 },
				{ ...f.products.rows[0], label: 'N/A', isOther: false, isMissing: false, revenue: 400, share: 0.27 },
				{ ...f.products.rows[0], label: 'Spain', isOther: false, isMissing: false, revenue: 200, share: 0.13 }
			]
		};
		expect(takeaway('countries', { ...f.results, countries }, '£')).toBe('The leading country, Spain, brings £200.00 (13.0% of net revenue).');
		const dealSize = { ...f.dealSize, rows: [{ label: '(not given)', lines: 9, orders: 9, revenue: 900, share: 0.9 }, ...f.dealSize.rows.slice(0, 1)] };
		expect(takeaway('dealsize', { ...f.results, dealSize }, '£')).toBe('Small deals bring the most revenue: £100.00 (8.1%).');
		const status = { available: true as const, rows: [{ status: '(not given)', isMissing: true, lines: 50, orders: 50, revenue: 1, share: null }, ...f.status.rows.slice(0, 1)] };
		// 36 Shipped of 86 orders.
		expect(takeaway('status', { ...f.results, status })).toBe('41.9% of orders have status Shipped (36 orders).');
	});

	it('fall back to the matched customers rather than name a bucket when every group is one', () => {
		const demographics = { ...f.demographics, dimensions: [{ dimension: 'city' as const, rows: [{ label: 'Unknown', customers: 5, orders: 5, aov: 10, revenue: 50, revenueShare: 1, topProducts: [] }] }] };
		expect(takeaway('demographics', { ...f.results, demographics })).toBe(`${f.demographics.customersMatched} customers with details matched to their orders.`);
	});
});
