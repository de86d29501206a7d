import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { fixture, loadSample, open, settled, upload } from './helpers';

test('no request leaves the page’s origin during a whole session', async ({ page, context }) => {
	test.setTimeout(240_000);
	const requests: string[] = [];
	const record = (url: string) => requests.push(url);
	// The page, its dedicated workers (their fetches of the wasm show up on the context) and any service worker.
	context.on('request', (r) => record(r.url()));
	page.on('request', (r) => record(r.url()));
	page.on('worker', (w) => record(w.url()));
	context.on('serviceworker', (w) => record(w.url()));

	const errors = await open(page);
	const origin = new URL(page.url()).origin;
	await loadSample(page, 'b2b');
	await upload(page, ['kpi-small.csv']);
	await upload(page, ['injection.csv']);
	// Chart downloads (PNG goes through a canvas from a same-origin blob URL) and a CSV export.
	const trend = page.locator('section[data-panel="trend"]');
	// Its chart, and with it the download buttons, is drawn once it comes near the screen.
	await trend.scrollIntoViewIfNeeded();
	const [png] = await Promise.all([page.waitForEvent('download'), trend.getByRole('button', { name: /as PNG/ }).first().click()]);
	expect(png.suggestedFilename()).toMatch(/\.png$/);
	expect(fs.readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
	await png.saveAs('test-results/export-trend.png');
	const [svg] = await Promise.all([page.waitForEvent('download'), trend.getByRole('button', { name: /as SVG/ }).first().click()]);
	expect(fs.readFileSync((await svg.path())!, 'utf8')).toContain('<svg');
	await svg.saveAs('test-results/export-trend.svg');
	await page.locator('section[data-panel="cltv"]').getByRole('button', { name: /High/ }).click();
	await settled(page);
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
	expect(csv.suggestedFilename()).toMatch(/\.csv$/);
	await page.keyboard.press('Escape');
	await page.getByRole('link', { name: 'Data dictionary' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data dictionary');

	expect(requests.length).toBeGreaterThan(5);
	const foreign = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
	expect(foreign, `requests outside ${origin}`).toEqual([]);
	expect(errors).toEqual([]);
	void fixture;
});
