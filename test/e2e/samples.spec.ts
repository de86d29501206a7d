import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { plainKpis, readRows } from '../plain-csv';
import { kpis, open, PANELS, settled } from './helpers';

/**
 * Each sample's headline, recomputed in the test from the sample file itself with a plain CSV parse
 * (test/plain-csv.ts: the definitions in TypeScript, no SQL shared with the app).
 */
const read = (file: string) => {
	const bytes = readFileSync(path.resolve('static/samples', file));
	return readRows((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
};
const SAMPLES = {
	'online-retail': () =>
		plainKpis(read('online-retail-sample.csv.gz'), { order: 'InvoiceNo', customer: 'CustomerID', quantity: 'Quantity', price: 'UnitPrice', product: 'Description' }, true),
	b2b: () =>
		plainKpis(read('b2b-sales.csv'), { order: 'ORDERNUMBER', customer: 'CUSTOMERNAME', quantity: 'QUANTITYORDERED', revenue: 'SALES', status: 'STATUS', product: 'PRODUCTCODE' }),
	crm: () => plainKpis(read('crm-orders.csv'), { order: 'order_id', customer: 'customer_id', quantity: 'quantity', price: 'unit_price', status: 'status', product: 'product' })
} as const;

/**
 * Runs `work` on a CPU six times slower, so that what it starts takes longer than the half second
 * after which the progress shows, however fast this machine is today.
 */
async function onSlowCpu(page: Page, work: () => Promise<void>): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
	try {
		await work();
	} finally {
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	}
}

/**
 * Sets the From date and follows the dashboard's top until every panel is ready again: the progress
 * region keeps its space while idle, so the progress (shown after half a second) moves nothing.
 * Returns the tops seen and whether the progress was shown.
 */
async function filterWatchingTheTop(page: Page, from: string): Promise<{ tops: number[]; progressShown: boolean }> {
	await page.evaluate(() => {
		const w = window as unknown as { __tops: number[]; __shown: boolean };
		w.__tops = [];
		w.__shown = false;
		const watch = () => {
			w.__tops.push(Math.round(document.getElementById('results')!.getBoundingClientRect().top + scrollY));
			if (/Analysing/.test(document.querySelector('[data-testid="progress"]')?.textContent ?? '')) w.__shown = true;
			requestAnimationFrame(watch);
		};
		watch();
	});
	const input = page.getByLabel('From', { exact: true });
	await input.fill(from);
	await onSlowCpu(page, async () => {
		await input.dispatchEvent('change');
		await expect(page.locator('body')).toHaveAttribute('data-state', 'loading');
		await settled(page);
	});
	return page.evaluate(() => {
		const w = window as unknown as { __tops: number[]; __shown: boolean };
		return { tops: [...new Set(w.__tops)], progressShown: w.__shown };
	});
}

for (const [id, plain] of Object.entries(SAMPLES) as [keyof typeof SAMPLES, (typeof SAMPLES)[keyof typeof SAMPLES]][]) {
	test(`sample “${id}” loads through the same path as an upload`, async ({ page }) => {
		test.setTimeout(180_000);
		const errors = await open(page);
		await page.setViewportSize({ width: 1400, height: 900 });
		// Anything longer than half a second shows its phase in the live progress region (the small b2b
		// sample loaded in less once charts below the fold waited to be scrolled to).
		await onSlowCpu(page, async () => {
			await page.locator(`button[data-sample="${id}"]`).click();
			await expect(page.getByTestId('progress')).toContainText(/Downloading|Reading|Parsing|Profiling|Building|Analysing/);
		});
		await settled(page);
		await expect(page.locator('section[data-panel="kpis"] [data-metric]')).toHaveCount(6);
		const k = await kpis(page);
		const expected = plain();
		expect(k.customers).toBe(expected.customers);
		expect(k.orders).toBe(expected.orders);
		expect(k.revenue).toBeCloseTo(expected.revenue, 4);
		expect(k.aov).toBeCloseTo(expected.aov, 4);
		expect(k.units).toBe(expected.units);
		expect(k.products).toBe(expected.products);
		for (const p of PANELS) await expect(page.locator(`section[data-panel="${p}"]`)).toHaveCount(1);
		// Every panel shows something once scrolled to (charts are drawn as they come near the screen):
		// a chart, a table, the KPI cards, a list or why it is off.
		for (const p of PANELS) {
			const panel = page.locator(`section[data-panel="${p}"]`);
			await panel.scrollIntoViewIfNeeded();
			await expect(panel.locator('svg, table, [data-metric], [data-insights], [data-unavailable]').first()).toBeAttached();
		}
		await expect(page.getByRole('alert').first()).toBeEmpty();
		await page.screenshot({ path: `test-results/dashboard-${id}-1400.png`, fullPage: true });
		if (id === 'online-retail') {
			// Its filter change, on a throttled CPU, takes long enough for its progress to show: the dashboard stays put.
			const { tops, progressShown } = await filterWatchingTheTop(page, '2011-06-01');
			expect(progressShown).toBe(true);
			expect(tops).toHaveLength(1);
		}
		await page.setViewportSize({ width: 390, height: 844 });
		await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
		// Nothing wider than the phone's screen.
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `test-results/dashboard-${id}-390.png`, fullPage: true });
		expect(errors).toEqual([]);
	});
}
