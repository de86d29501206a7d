import { describe, expect, it } from 'vitest';
import { ANALYSIS_NAMES } from '../../../src/lib/analyses/index';
import { PANELS, PANEL_GROUPS, byGroup, dictionaryId, panelUnavailable } from '../../../src/lib/panels/index';
import { inGroupOrder } from '../../../src/lib/charts/index';
import { PANELS as E2E_PANEL_NAMES } from '../../e2e/helpers';
import { createTestDocument } from '../charts/dom';
import * as f from '../../fixtures/results';

describe('the panel list built from the slices', () => {
	it('keeps every data-panel name and the screen order the end-to-end tests pin', () => {
		expect(PANELS.map((p) => p.name)).toEqual(E2E_PANEL_NAMES);
	});

	it('lists the panels group by group, every section of the navigation holding at least one panel', () => {
		const order = PANEL_GROUPS.map((g) => g.id);
		const ranks = PANELS.map((p) => order.indexOf(p.group));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(byGroup(PANELS).map((g) => g.group)).toEqual(order);
		expect(PANELS.find((p) => p.name === 'rfm')!.group).toBe('customers');
	});

	it('places a panel by its group alone, keeping the written order within a group', () => {
		const items = [
			{ name: 'a', group: 'insights' as const },
			{ name: 'b', group: 'sales' as const },
			{ name: 'c', group: 'customers' as const },
			{ name: 'd', group: 'sales' as const }
		];
		expect(inGroupOrder(items).map((x) => x.name)).toEqual(['b', 'd', 'c', 'a']);
		expect(byGroup(items).map((g) => [g.label, g.items.map((x) => x.name)])).toEqual([
			['Sales', ['b', 'd']],
			['Customers', ['c']],
			['Insights', ['a']]
		]);
	});

	it('names only analyses the registry knows, and links every panel to a dictionary entry', () => {
		for (const p of PANELS) {
			for (const n of p.analyses) expect(ANALYSIS_NAMES, p.name).toContain(n);
			expect(dictionaryId(p), p.name).not.toBeNull();
		}
	});

	it('says a panel is off from its own result first, then from what ingest switched off', () => {
		const products = PANELS.find((p) => p.name === 'products')!;
		const disabled = [{ analysis: 'products', reason: 'needs a product column' }];
		const idle = () => false;
		expect(panelUnavailable(products, {}, disabled, idle)).toBe('needs a product column');
		expect(panelUnavailable(products, {}, disabled, () => true)).toBeNull();
		const off = { available: false as const, reason: 'no order lines match the selected filters' };
		expect(panelUnavailable(products, { products: off, categories: off }, disabled, idle)).toBe(off.reason);
		// A category breakdown alone keeps the panel on.
		expect(panelUnavailable(products, { products: off, categories: { available: true } as never }, disabled, idle)).toBeNull();
	});

	it('draws every view of every panel, or says why not', () => {
		const document = createTestDocument();
		const input = { results: f.results, currency: '£', quality: f.quality, ondrill: () => {} };
		const off: string[] = [];
		for (const p of PANELS) {
			for (const v of p.views(input)) {
				const chart = v.chart?.({ width: 600, dark: false, document, tips: false }) ?? null;
				if (chart) expect(chart.outerHTML, `${p.name}/${v.id}`).toMatch(/<svg/);
				else if (v.unavailable) off.push(`${p.name}/${v.id}`);
				else expect(v.table, `${p.name}/${v.id} has neither a chart, a reason nor a table`).toBeTruthy();
			}
		}
		// The fixture has no category or region column.
		expect(off.sort()).toEqual(['countries/regions', 'products/categories']);
	});
});
