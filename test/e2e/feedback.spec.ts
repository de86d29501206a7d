import { expect, test } from '@playwright/test';
import { kpi, loadSample, open, upload } from './helpers';

test('the CRM sample shows customer feedback in one click', async ({ page }) => {
	test.setTimeout(180_000);
	const errors = await open(page);
	await loadSample(page, 'crm');
	const panel = page.locator('section[data-panel="feedback"]');
	await expect(panel.locator('[data-unavailable]')).toHaveCount(0);
	// 7,884 rated orders with mean 3.863 (checked independently in test/unit/samples.test.ts and the report).
	expect(await kpi(page, 'avg_rating')).toBeCloseTo(3.8634, 3);
	// A 1–5 scale has no NPS.
	await expect(panel.locator('[data-metric="nps"]')).toHaveCount(0);
	await expect(panel.locator('[data-takeaway]')).toContainText('unhappy customers churn more');
	// Charts are drawn as they come near the screen.
	await panel.scrollIntoViewIfNeeded();
	await expect(panel.locator('svg').first()).toBeAttached();
	await panel.getByRole('radio', { name: 'Churn by feedback' }).check();
	await expect(panel.locator('table')).toContainText('Unhappy');
	await panel.getByRole('radio', { name: 'What reviews say' }).check();
	await expect(panel.locator('table')).toContainText('broken');
	await panel.getByRole('radio', { name: 'Discontent' }).check();
	await expect(panel.locator('table')).toContainText('Discontent At Risk');
	await expect(page.locator('section[data-panel="insights"]')).toContainText('Address the complaint before any win-back offer');
	expect(errors).toEqual([]);
});

test('without a rating column the panel names the column that unlocks it', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);
	await expect(page.locator('section[data-panel="feedback"] [data-unavailable]')).toContainText('rating');
	expect(errors).toEqual([]);
});

test('a review term lists the reviews that contain it, and Discontent opens its customers', async ({ page }) => {
	test.setTimeout(180_000);
	const errors = await open(page);
	await loadSample(page, 'crm');
	const panel = page.locator('section[data-panel="feedback"]');
	const dialog = page.getByTestId('drilldown');

	// Click (by keyboard) the first term typical of unhappy reviews.
	await panel.getByRole('radio', { name: 'What reviews say' }).check();
	const first = panel.locator('tbody tr').first();
	const cells = await first.locator('th, td').allInnerTexts();
	const term = cells[0].trim();
	expect(cells[1]).toBe('Unhappy');
	const sideCounts = Number(cells[2].replace(/,/g, '')) + Number(cells[3].replace(/,/g, ''));
	const button = first.getByRole('button', { name: `Show the reviews containing “${term}”` });
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('h2')).toHaveText(`Reviews containing “${term}”`);
	const status = dialog.locator('[data-reviews-total]');
	await expect(status).toBeVisible();
	// Every unhappy and happy review the table counts is listed or counted (neutral ones may add to it).
	const total = Number(await status.getAttribute('data-reviews-total'));
	expect(total).toBeGreaterThanOrEqual(sideCounts);
	const items = dialog.getByTestId('term-reviews').locator('li');
	const shown = await items.count();
	expect(shown).toBe(Math.min(50, total));
	const words = term.split(' ');
	for (const text of await items.locator('.text').allInnerTexts()) {
		const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
		const at = tokens.findIndex((t, i) => words.every((w, k) => tokens[i + k] === w));
		expect(at, text).toBeGreaterThanOrEqual(0);
	}
	if (total > 50) await expect(status).toContainText(`first 50 of ${total.toLocaleString('en-US')}`);
	// Lowest ratings first for a term typical of unhappy reviews.
	const ratings = (await items.locator('.rating').allInnerTexts()).map((t) => Number(t.replace('Rating ', '')));
	expect(ratings).toEqual([...ratings].sort((a, b) => a - b));
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	// Discontent: each row opens exactly the customers the panel counts.
	await panel.getByRole('radio', { name: 'Discontent' }).check();
	const row = panel.locator('tbody tr').first();
	const [label, customers] = await row.locator('th, td').allInnerTexts();
	expect(label).toMatch(/^Discontent /);
	await row.getByRole('button').click();
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('h2')).toContainText(label);
	await expect(dialog.locator('[role="status"]')).toHaveText(new RegExp(`of ${customers.trim()}$`));
	const headers = await dialog.locator('thead th').allInnerTexts();
	const avg = headers.findIndex((h) => h.includes('Average rating'));
	expect(avg).toBeGreaterThan(0);
	for (const r of await dialog.locator('tbody tr').all()) {
		// Unhappy on a 1–5 scale: an average of at most 2.
		expect(Number((await r.locator('th, td').nth(avg).innerText()).trim())).toBeLessThanOrEqual(2);
	}
	expect(errors).toEqual([]);
});
