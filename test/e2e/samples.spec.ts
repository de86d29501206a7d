import { expect, test } from '@playwright/test';
import { kpis, open, PANELS, settled } from './helpers';

/** Plausible ranges (and exact counts where the samples' README states them). */
const SAMPLES = {
	'online-retail': { customers: 1103, orders: [4500, 6090], revenue: [1e6, 5e6] },
	b2b: { customers: 92, orders: [381, 381], revenue: [5e6, 5e7] },
	crm: { customers: 1986, orders: [17000, 17723], revenue: [5e5, 5e6] }
} as const;

for (const [id, expected] of Object.entries(SAMPLES) as [keyof typeof SAMPLES, (typeof SAMPLES)[keyof typeof SAMPLES]][]) {
	test(`sample “${id}” loads through the same path as an upload`, async ({ page }) => {
		test.setTimeout(180_000);
		const errors = await open(page);
		await page.setViewportSize({ width: 1400, height: 900 });
		await page.locator(`button[data-sample="${id}"]`).click();
		// Anything longer than half a second shows its phase in the live progress region.
		await expect(page.getByTestId('progress')).toContainText(/Downloading|Reading|Parsing|Profiling|Building|Analysing/);
		await settled(page);
		await expect(page.locator('section[data-panel="kpis"] [data-metric]')).toHaveCount(6);
		const k = await kpis(page);
		expect(k.customers).toBe(expected.customers);
		expect(k.orders).toBeGreaterThanOrEqual(expected.orders[0]);
		expect(k.orders).toBeLessThanOrEqual(expected.orders[1]);
		expect(k.revenue).toBeGreaterThan(expected.revenue[0]);
		expect(k.revenue).toBeLessThan(expected.revenue[1]);
		expect(k.aov).toBeCloseTo(k.aov, 6);
		expect(k.units).toBeGreaterThan(0);
		expect(k.products).toBeGreaterThan(0);
		for (const p of PANELS) await expect(page.locator(`section[data-panel="${p}"]`)).toHaveCount(1);
		// Every panel shows something: a chart, a table, the KPI cards, a list or why it is off.
		for (const p of PANELS) {
			const panel = page.locator(`section[data-panel="${p}"]`);
			await expect(panel.locator('svg, table, [data-metric], [data-insights], [data-unavailable]').first()).toBeAttached();
		}
		await expect(page.getByRole('alert').first()).toBeEmpty();
		await page.screenshot({ path: `test-results/dashboard-${id}-1400.png`, fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
		// Nothing wider than the phone's screen.
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `test-results/dashboard-${id}-390.png`, fullPage: true });
		expect(errors).toEqual([]);
	});
}
