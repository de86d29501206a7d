/**
 * The charts in a real browser (Chromium): the unit tests draw them with our minimal DOM in Node;
 * this checks the same code against the browser's DOM and layout. The dashboard's panel list (every
 * view's chart factory) and the unit-test fixtures are bundled with Vite and run in a blank page
 * (the app is not involved).
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rollup } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

const ENTRY = `
import { PANELS } from ${JSON.stringify(resolve(ROOT, 'src/lib/panels/index.ts'))};
import { results, quality } from ${JSON.stringify(resolve(ROOT, 'test/fixtures/results.ts'))};
window.renderCharts = (dark) => {
	const out = [];
	const input = { results, quality, currency: '£', ondrill: () => {} };
	for (const p of PANELS) {
		for (const v of p.views(input)) {
			const id = p.name + '/' + v.id;
			const chart = v.chart ? v.chart({ width: 640, dark }) : null;
			if (!chart) { out.push({ id, unavailable: v.unavailable ?? 'no chart' }); continue; }
			chart.dataset.panel = p.name;
			document.body.append(chart);
			const svgs = [...(chart.tagName === 'svg' ? [chart] : chart.querySelectorAll(':scope > svg'))];
			const box = svgs.at(-1).getBoundingClientRect();
			out.push({ id, title: chart.querySelector('h2')?.textContent ?? null, width: box.width, height: box.height });
		}
	}
	return out;
};
`;

async function bundle(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'charts-e2e-'));
	try {
		const entry = join(dir, 'entry.ts');
		writeFileSync(entry, ENTRY);
		const out = (await build({
			root: ROOT,
			configFile: false,
			logLevel: 'silent',
			resolve: { alias: { $lib: resolve(ROOT, 'src/lib') } },
			build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'Charts' } }
		})) as Rollup.RollupOutput[] | Rollup.RollupOutput;
		const output = (Array.isArray(out) ? out[0] : out).output;
		return output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk').map((c) => c.code).join('\n');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

test('every chart renders in Chromium, in light and dark mode, without errors', async ({ page }) => {
	const code = await bundle();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="width:700px"></body></html>');
	await page.addScriptTag({ content: code });
	for (const dark of [false, true]) {
		const charts = await page.evaluate((d) => (window as unknown as { renderCharts: (d: boolean) => { id: string; title?: string | null; width?: number; height?: number; unavailable?: string }[] }).renderCharts(d), dark);
		const drawn = charts.filter((c) => !c.unavailable);
		// Every view with a chart in the fixture (counted in test/unit/report/report.test.ts); the fixture has no category or region column.
		expect(drawn.length).toBe(26);
		expect(charts.filter((c) => c.unavailable).map((c) => c.id)).toEqual(expect.arrayContaining(['products/categories', 'countries/regions']));
		for (const c of drawn) {
			expect(c.title, c.id).toBeTruthy();
			expect(c.width, c.id).toBeGreaterThan(300);
			expect(c.height, c.id).toBeGreaterThan(100);
		}
	}
	expect(errors).toEqual([]);

	// Tooltips work: hovering a bar of the products chart shows its full (escaped) label.
	const bar = page.locator('[data-panel="products"] g[aria-label="bar"] rect').first();
	await bar.hover();
	await expect(page.locator('[data-panel="products"] g[aria-label="tip"] text').first()).toContainText('<img src=x onerror=alert(1)>');
	expect(await page.locator('img').count()).toBe(0);
});
