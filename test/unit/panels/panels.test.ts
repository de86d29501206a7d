import { describe, expect, it } from 'vitest';
import { ANALYSIS_NAMES } from '../../../src/lib/analyses/index';
import { PANELS, dictionaryId, panelUnavailable } from '../../../src/lib/panels/index';
import { PANELS as E2E_PANEL_NAMES } from '../../e2e/helpers';

describe('the panel list built from the slices', () => {
	it('keeps every data-panel name and the screen order the end-to-end tests pin', () => {
		expect(PANELS.map((p) => p.name)).toEqual(E2E_PANEL_NAMES);
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
});
