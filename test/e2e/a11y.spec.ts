import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { loadSample, open, settled } from './helpers';

const AXE = fs.readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

async function axe(page: Page, theme: 'light' | 'dark') {
	await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
	// The charts are redrawn in the new palette (one per task) before contrast is measured.
	await expect(page.locator('body')).toHaveAttribute('data-state', /ready|error/);
	// Let colour transitions finish before contrast is measured.
	await page.waitForTimeout(500);
	// Evaluated through the DevTools protocol: the page's CSP (no inline scripts) does not apply.
	await page.evaluate(AXE);
	const result = await page.evaluate(async () => {
		const r = await (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
		});
		// Known, reported to the charts module: Observable Plot labels its mark groups (`<g aria-label="line">`)
		// without a role, which axe flags as aria-prohibited-attr. Only those nodes are set aside.
		const plotGroup = (target: string[]) => {
			const el = document.querySelector(target.join(' '));
			return !!el && el.tagName.toLowerCase() === 'g' && !!el.closest('.chart');
		};
		return r.violations
			.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.filter((n) => !(v.id === 'aria-prohibited-attr' && plotGroup(n.target))).map((n) => n.target.join(' ')) }))
			.filter((v) => v.nodes.length > 0)
			.map((v) => ({ ...v, nodes: v.nodes.slice(0, 5) }));
	});
	return result;
}

test('the dashboard has no WCAG A/AA violations in light and dark mode', async ({ page }) => {
	test.setTimeout(180_000);
	const errors = await open(page);
	expect(await axe(page, 'light')).toEqual([]);
	await loadSample(page, 'crm');
	expect(await axe(page, 'light')).toEqual([]);
	expect(await axe(page, 'dark')).toEqual([]);
	expect(errors).toEqual([]);
});

test('keyboard only: load a sample, change a setting, open and close a drill-down', async ({ page }) => {
	const errors = await open(page);
	// Tab from the top reaches the skip link first, then the sample buttons.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to results' })).toBeFocused();
	const b2b = page.locator('button[data-sample="b2b"]');
	for (let i = 0; i < 12 && !(await b2b.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(b2b).toBeFocused();
	await page.keyboard.press('Enter');
	await settled(page);
	const churn = page.getByLabel('Churn window (days)');
	await churn.focus();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('60');
	await page.keyboard.press('Tab');
	await settled(page);
	await expect(page.locator('section[data-panel="churn"]')).toContainText('60 days');
	const segment = page.locator('section[data-panel="rfm"] tbody button').first();
	await segment.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByTestId('drilldown');
	await expect(dialog).toBeVisible();
	// Focus is inside the dialog, and it has a visible focus ring.
	expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
	const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
	expect(outline).not.toBe('none');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	expect(errors).toEqual([]);
});
