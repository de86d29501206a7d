import { expect, test } from '@playwright/test';
import path from 'node:path';
import { kpi, loadSample, open, settled } from './helpers';

const ingestFixture = (name: string) => path.resolve('test/fixtures/ingest', name);

test('the page is served with the shipped policy: no eval, no inline scripts but SvelteKit’s hashed one, no framing', async ({ request }) => {
	const csp = (await request.get('./')).headers()['content-security-policy'] ?? '';
	const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
	expect(scriptSrc).toMatch(/'self'/);
	expect(scriptSrc).toMatch(/'sha256-/);
	expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
	expect(csp).toMatch(/frame-ancestors 'none'/);
});

test('Parquet and JSON uploads load under the shipped policy', async ({ page }) => {
	const errors = await open(page);
	// orders.parquet (test/fixtures/ingest/README.md): 3×1.50 + 4.25 + 2×3.00 + 10×1.50 = 29.75 over 3 orders.
	await page.getByLabel('Choose files…').setInputFiles(ingestFixture('orders.parquet'));
	await settled(page);
	expect(await kpi(page, 'revenue')).toBeCloseTo(29.75, 6);
	expect(await kpi(page, 'orders')).toBe(3);
	// orders.json: 12.50 + 7.00 − 12.50 (a refund) = 7.00 from customers u1 and u2.
	await page.getByLabel('Choose files…').setInputFiles(ingestFixture('orders.json'));
	await settled(page);
	expect(await kpi(page, 'revenue')).toBeCloseTo(7, 6);
	expect(await kpi(page, 'customers')).toBe(2);
	await expect(page.getByText(/unsafe-eval|Content Security Policy/)).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('the churn panel is computed (its model insert went through the same Arrow path), the fits in the models worker', async ({ page }) => {
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	const errors = await open(page);
	await loadSample(page, 'b2b');
	const churn = page.locator('section[data-panel="churn"]');
	await expect(churn).toBeVisible();
	await expect(churn).not.toContainText(/could not be computed/);
	await settled(page);
	// The CLV fits and the forecast ran off the page thread: the worker started, and it never failed
	// (a failure falls back to the page and says so on the console).
	expect(workers.some((u) => /\/models\.worker-[^/]*\.js$/.test(u))).toBe(true);
	await expect(page.locator('section[data-panel="trend"]')).not.toContainText(/could not be computed/);
	expect(errors).toEqual([]);
});
