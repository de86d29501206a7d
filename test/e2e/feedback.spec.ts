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
