import { expect, test } from '@playwright/test';
import { kpi, open, settled } from './helpers';

test('a headerless whitespace file can be read with explicit column names', async ({ page }) => {
	const errors = await open(page);
	await page.getByLabel('Choose files…').setInputFiles('test/fixtures/e2e/cdnow-like.txt');
	await expect(page.locator('body')).toHaveAttribute('data-state', /ready|error/, { timeout: 60_000 });
	await page.screenshot({ path: 'test-results/whitespace-before.png', fullPage: true });
	const review = page.getByTestId('column-review');
	if (!(await review.evaluate((d) => (d as HTMLDetailsElement).open))) await review.locator('summary').first().click();
	await review.getByRole('button', { name: /File read wrongly/ }).click();
	await review.getByLabel('First line is a header').selectOption('no');
	await review.getByLabel('Columns separated by').selectOption('whitespace');
	await review.getByLabel('Column names (comma separated)').fill('customer_id, date, quantity, amount');
	await review.getByRole('button', { name: 'Read the file again' }).click();
	await settled(page);
	expect(await kpi(page, 'revenue')).toBeCloseTo(265.18, 6);
	expect(await kpi(page, 'customers')).toBe(5);
	expect(await kpi(page, 'orders')).toBe(9);
	expect(await kpi(page, 'units')).toBe(20);
	// No product column: the card says which column would unlock it.
	await expect(page.locator('[data-metric="products"]')).toContainText('Map a product column');
	expect(errors).toEqual([]);
});
