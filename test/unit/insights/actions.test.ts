import { describe, expect, it } from 'vitest';
import { ACTION_CATEGORIES, actionTables, churnActions, cltvActions, groupActions, segmentActions } from '../../../src/lib/insights/actions';
import * as f from '../../fixtures/results';

const sum = <T>(rows: T[], by: (x: T) => number) => rows.reduce((s, x) => s + by(x), 0);

describe('recommended actions', () => {
	it('one row per RFM segment with its customers, revenue and a plain-words action', () => {
		const rows = segmentActions(f.rfm);
		expect(rows.map((r) => r.group)).toEqual(f.rfm.segments.map((s) => s.segment));
		const champions = rows.find((r) => r.group === 'Champions')!;
		expect(champions).toMatchObject({ customers: 4, revenue: 600, category: 'Loyalty & rewards' });
		expect(champions.action).toMatch(/early access/);
		expect(rows.find((r) => r.group === 'At Risk')).toMatchObject({ category: 'Win-back' });
		expect(rows.find((r) => r.group === 'At Risk')!.action).toMatch(/[Pp]ersonalised win-back/);
		expect(rows.find((r) => r.group === 'New Customers')).toMatchObject({ category: 'Onboarding' });
		expect(rows.find((r) => r.group === 'Hibernating')).toMatchObject({ category: 'Low-cost automation' });
		expect(rows.find((r) => r.group === 'Lost')!.action).toMatch(/suppress/);
		// An unknown label is plain text and falls back to Monitor.
		expect(rows.find((r) => r.group === f.XSS)).toMatchObject({ category: 'Monitor' });
	});

	it('the grouped table sums to the segment totals, every customer once', () => {
		const rows = segmentActions(f.rfm);
		const grouped = groupActions(rows);
		expect(grouped.map((g) => g.category)).toEqual([...ACTION_CATEGORIES]);
		expect(sum(grouped, (g) => g.customers)).toBe(sum(f.rfm.segments, (s) => s.customers));
		expect(sum(grouped, (g) => g.customers)).toBe(f.rfm.customers);
		expect(sum(grouped, (g) => g.revenue)).toBeCloseTo(sum(f.rfm.segments, (s) => s.revenue), 9);
		expect(grouped.flatMap((g) => g.groups).sort()).toEqual(rows.map((r) => r.group).sort());
		expect(grouped.find((g) => g.category === 'Low-cost automation')).toMatchObject({ customers: 5, revenue: 100, groups: ['Hibernating', 'Lost'] });
	});

	it('churn and CLTV tables cover every group and sum to their totals', () => {
		const churn = churnActions(f.churn);
		expect(churn.map((r) => r.group)).toEqual(['Churned', 'High risk', 'Medium risk', 'Low risk']);
		expect(sum(churn, (r) => r.customers)).toBe(f.churn.customers);
		expect(churn[1].category).toBe('Win-back');
		const cltv = cltvActions(f.cltv);
		expect(sum(cltv, (r) => r.customers)).toBe(f.cltv.customers);
		expect(sum(cltv, (r) => r.revenue)).toBeCloseTo(f.cltv.revenue, 9);
		expect(sum(groupActions(churn), (g) => g.customers)).toBe(f.churn.customers);
	});

	it('actionTables groups the RFM table, falls back to churn, and is empty without customers', () => {
		const all = actionTables(f.results);
		expect(all.groupedFrom).toBe('segments');
		expect(all.segments && all.churn && all.cltv).toBeTruthy();
		const noRfm = actionTables({ ...f.results, rfm: { available: false, reason: 'x' } });
		expect(noRfm.groupedFrom).toBe('churn');
		expect(sum(noRfm.grouped!, (g) => g.customers)).toBe(f.churn.customers);
		const none = actionTables({ ...f.results, rfm: { available: false, reason: 'x' }, churn: { available: false, reason: 'x' }, cltv: { available: false, reason: 'x' }, feedback: { available: false, reason: 'x' } });
		expect(none).toEqual({ segments: null, churn: null, cltv: null, feedback: null, grouped: null, groupedFrom: null });
	});
});
