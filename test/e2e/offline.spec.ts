import { expect, test, type Page, type Request } from '@playwright/test';
import fs from 'node:fs';
import { expectKpiSmall, kpis, loadSample, open, PANELS, settled, upload } from './helpers';

/** Resolves once the first visit's service worker, its precache complete, controls the page. */
async function controlledByServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 120_000 });
}

test('after one visit the app reloads and works with the network off', async ({ page, context }) => {
	test.setTimeout(240_000);
	const errors = await open(page);
	await controlledByServiceWorker(page);
	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
		return urls;
	});
	// The site may be served under a sub-path; the cache holds absolute paths.
	const base = new URL('./', page.url()).pathname;
	for (const file of ['', 'manifest.webmanifest', 'icon-192.png', 'samples/b2b-sales.csv', 'samples/online-retail-sample.csv.gz'])
		expect(cached, file || 'the page').toContain(base + file);
	expect(cached.filter((u) => /\/_app\/immutable\/workers\/duckdb\.worker-[^/]+\.js$/.test(u)), 'the DuckDB worker').toHaveLength(1);
	expect(cached.filter((u) => /\/duckdb-(eh|mvp)-[^/]+\.wasm$/.test(u)), 'the DuckDB-WASM binary this browser runs').toHaveLength(1);

	// Requests the page and its workers make while offline; the service worker's own attempt to reach
	// the network for the page (network-first) is expected to fail and is not one of them.
	const failed: string[] = [];
	const notFromServiceWorker = (r: Request) => r.serviceWorker() === null;
	context.on('requestfailed', (r) => {
		if (notFromServiceWorker(r)) failed.push(`${r.url()}: ${r.failure()?.errorText}`);
	});
	context.on('response', (r) => {
		if (notFromServiceWorker(r.request()) && r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
	});

	await context.setOffline(true);
	const reload = await page.reload();
	expect(reload?.fromServiceWorker()).toBe(true);
	await settled(page);
	await loadSample(page, 'b2b');
	// The count the samples' README states for this data set.
	expect((await kpis(page)).customers).toBe(92);
	for (const p of PANELS) await expect(page.locator(`section[data-panel="${p}"]`)).toHaveCount(1);
	await upload(page, ['kpi-small.csv']);
	await expectKpiSmall(page);
	await page.getByRole('link', { name: 'Data dictionary' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data dictionary');

	expect(failed).toEqual([]);
	expect(errors).toEqual([]);
	await context.setOffline(false);
});

test('the web app manifest makes the site installable with its own icons', async ({ page, request }) => {
	await open(page);
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifestUrl = new URL(href!, page.url());
	const manifest = await (await request.get(manifestUrl.href)).json();
	expect(manifest.name).toBe('Customer Lens');
	expect(manifest.display).toBe('standalone');
	// Relative start URL and scope keep the installed app working under any sub-path.
	expect(manifest.start_url).toBe('./');
	expect(manifest.scope).toBe('./');
	const sizes = manifest.icons.filter((i: { type: string }) => i.type === 'image/png').map((i: { sizes: string }) => i.sizes);
	expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
	for (const icon of manifest.icons) {
		const res = await request.get(new URL(icon.src, manifestUrl).href);
		expect(res.status(), icon.src).toBe(200);
		expect(res.headers()['content-type'], icon.src).toBe(icon.type);
	}
});

test('a new deployment is offered, kept waiting until Reload, then served online and offline', async ({ page, context, request }) => {
	test.setTimeout(240_000);
	const errors = await open(page);
	await controlledByServiceWorker(page);
	await loadSample(page, 'b2b');
	// What a new deployment looks like to the browser: a service worker of another version, a new page.
	const files = { worker: 'build/service-worker.js', page: 'build/index.html' };
	const original = { worker: fs.readFileSync(files.worker, 'utf8'), page: fs.readFileSync(files.page, 'utf8') };
	try {
		fs.writeFileSync(files.worker, original.worker.replace('customer-lens-shell-', 'customer-lens-shell-next-'));
		fs.writeFileSync(files.page, original.page.replace('<head>', '<head><meta name="deployment" content="next">'));
		const served = await (await request.get('service-worker.js')).text();
		test.skip(!served.includes('customer-lens-shell-next-'), 'The e2e server does not serve build/ (vite preview serves .svelte-kit/output), so no new deployment can be staged.');
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const banner = page.locator('[data-update-banner]');
		await expect(banner).toBeVisible({ timeout: 60_000 });
		await expect(banner).toContainText('A new version is available');
		// Inside the live region, so that screen readers announce it.
		await expect(page.getByRole('status').filter({ has: banner })).toHaveCount(1);
		// Nothing is taken away from the user before they choose: the loaded data stays on screen.
		await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
		await expect(page.locator('[data-metric="customers"]')).toBeVisible();
		await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
		await expect(page.locator('meta[name="deployment"]')).toHaveCount(1);
		await expect(banner).toHaveCount(0);
		await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([expect.stringMatching(/^customer-lens-shell-next-/)]));
		expect(await page.evaluate(() => caches.keys())).not.toContainEqual(expect.stringMatching(/^customer-lens-shell-\d/));
		await context.setOffline(true);
		await page.reload();
		await expect(page.locator('meta[name="deployment"]')).toHaveCount(1);
		await settled(page);
	} finally {
		fs.writeFileSync(files.worker, original.worker);
		fs.writeFileSync(files.page, original.page);
		await context.setOffline(false);
	}
	expect(errors).toEqual([]);
});
