import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { expectKpiSmall, fixture, kpis, open, settled, upload, PANELS } from './helpers';

test('an uploaded file gives the hand-computed KPIs', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);
	await expectKpiSmall(page);
	// Formatted values: two decimals and thousands separators, no currency by default.
	await expect(page.locator('[data-metric="revenue"]')).toContainText('163.87');
	await expect(page.locator('[data-metric="revenue"]')).toContainText('Gross sales 186.37');
	await expect(page.locator('[data-metric="revenue"]')).toContainText('returned 22.50');
	await expect(page.locator('[data-metric="aov"]')).toContainText('24.84');
	// Every panel is there, none blank.
	for (const p of PANELS) await expect(page.locator(`section[data-panel="${p}"]`)).toHaveCount(1);
	for (const p of PANELS) await expect(page.locator(`section[data-panel="${p}"] h2`).first()).toBeVisible();
	// A panel whose column is missing says which column would unlock it.
	await expect(page.locator('section[data-panel="demographics"] [data-unavailable]')).toContainText(/customer details|age|gender/);
	await expect(page.locator('section[data-panel="status"] [data-unavailable]')).toContainText(/status/);

	// Loading another file replaces the view.
	await upload(page, ['kpi-other.csv']);
	const k = await kpis(page);
	expect(k.revenue).toBeCloseTo(175, 6);
	expect(k.orders).toBe(3);
	expect(k.customers).toBe(2);
	expect(errors).toEqual([]);
});

test('the column review remembers an applied mapping per header (names only)', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);
	const review = page.getByTestId('column-review');
	await review.locator('summary').first().click();
	await expect(review.getByText(/Review columns \(\d+ mapped\)/)).toBeVisible();
	// Unmap the country and apply: the countries panel turns off and says why.
	await review.getByLabel('Country', { exact: true }).first().selectOption('');
	await review.getByTestId('apply-mapping').click();
	await expect(page.locator('body')).toHaveAttribute('data-state', /loading|ready/);
	await expect(page.locator('body')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	await expect(page.locator('section[data-panel="countries"]')).toContainText(/country/i);
	const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('customer-lens:mapping:')));
	expect(stored.length).toBe(1);
	expect(stored[0][1]).not.toContain('Red Mug');
	expect(JSON.parse(stored[0][1]).fields.country).toBeUndefined();
	// The same header again: the remembered mapping is used.
	await upload(page, ['kpi-small.csv']);
	await expect(page.getByText('The column choices you applied before')).toBeVisible();
	await expectKpiSmall(page);
	expect(errors).toEqual([]);
});

test('a file dropped on the drop zone takes the same path as the file picker', async ({ page }) => {
	const errors = await open(page);
	const text = fs.readFileSync(fixture('kpi-small.csv'), 'utf8');
	const dataTransfer = await page.evaluateHandle((content) => {
		const dt = new DataTransfer();
		dt.items.add(new File([content], 'kpi-small.csv', { type: 'text/csv' }));
		return dt;
	}, text);
	const zone = page.getByRole('group', { name: /Drop your sales file here/ });
	await zone.dispatchEvent('dragenter', { dataTransfer });
	await zone.dispatchEvent('dragover', { dataTransfer });
	await zone.dispatchEvent('drop', { dataTransfer });
	await settled(page);
	await expectKpiSmall(page);
	expect(errors).toEqual([]);
});

test('“How is this computed?” opens the data dictionary entry', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);
	await page.locator('section[data-panel="churn"]').getByRole('link', { name: 'How is this computed?' }).click();
	await expect(page).toHaveURL(/\/dictionary#churn$/);
	await expect(page.locator('section#churn h2')).toHaveText(/churn/i);
	await expect(page.locator('section#churn')).toBeInViewport();
	expect(errors).toEqual([]);
});

test('exact duplicate lines are counted when the quality panel comes near the screen, and a report made before counts them', async ({ page }) => {
	const errors = await open(page);
	// Rows 9 and 10 of this file are the same line.
	const file = path.join(fixture('.'), '..', 'ingest', 'orders-small.csv');
	await page.getByLabel('Choose files…').setInputFiles(file);
	await settled(page);
	const quality = page.locator('section[data-panel="quality"]');
	// The quality panel is the last one, far below the fold: nothing has asked for the count yet.
	await expect(quality).toContainText('Counting the exact duplicate lines…');
	await expect(quality).not.toContainText('exact copy');
	await quality.scrollIntoViewIfNeeded();
	await expect(quality).toContainText('1 line is an exact copy of an earlier line in the same file');
	await expect(quality).not.toContainText('Counting the exact duplicate lines');
	await expect(quality.getByRole('img', { name: 'Data quality: flagged rows per reason' })).toContainText('Duplicate lines');
	await settled(page);

	// Loaded again, the report is downloaded without the panel ever coming into view.
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.getByLabel('Choose files…').setInputFiles(file);
	await settled(page);
	await expect(quality).toContainText('Counting the exact duplicate lines…');
	const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-md').click()]);
	expect(fs.readFileSync((await report.path())!, 'utf8')).toContain('1 line is an exact copy of an earlier line in the same file');
	expect(errors).toEqual([]);
});
