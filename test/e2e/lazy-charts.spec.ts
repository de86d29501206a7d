/**
 * Charts below the fold are drawn as they come near the screen, not while a load's results arrive
 * (ChartFrame.svelte); printing draws every one of them.
 */
import { expect, test } from '@playwright/test';
import { loadSample, open } from './helpers';

test('a chart below the fold is drawn when scrolled to, and printing draws every chart', async ({ page }) => {
	test.setTimeout(180_000);
	const errors = await open(page);
	await page.setViewportSize({ width: 1280, height: 720 });
	await loadSample(page, 'b2b');
	const rfm = page.locator('section[data-panel="rfm"]');
	// Far below the first screen: not drawn yet.
	await expect(rfm.locator('.chart')).not.toHaveCount(0);
	await expect(rfm.locator('.chart svg')).toHaveCount(0);
	await rfm.scrollIntoViewIfNeeded();
	await expect(rfm.locator('.chart svg').first()).toBeAttached();

	await page.evaluate(() => window.scrollTo(0, 0));
	const hosts = page.locator('section[data-panel] .chart');
	const undrawn = await page.locator('section[data-panel] .chart:not(:has(svg))').count();
	expect(undrawn).toBeGreaterThan(0);
	await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
	// Every chart host holds its chart at once (printing cannot wait for later tasks).
	const n = await hosts.count();
	expect(await page.locator('section[data-panel] .chart:has(svg)').count()).toBe(n);
	expect(errors).toEqual([]);
});
