import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kpi, open, settled } from './helpers';

test('Review columns shows an unsure decimal mark, and choosing the other one re-reads the amounts', async ({ page }) => {
	// numbers-ambiguous.csv: "1.500 €", "2.250 €", "3 €" in a ;-separated file. Decimal comma:
	// 1500 + 2250 + 3 = 3753; decimal point: 1.5 + 2.25 + 3 = 6.75.
	const buffer = readFileSync(path.resolve('test/fixtures/ingest/numbers-ambiguous.csv'));
	const errors = await open(page);
	await page.getByLabel('Choose files…').setInputFiles({ name: 'numbers-ambiguous.csv', mimeType: 'text/csv', buffer });
	await settled(page);
	expect(await kpi(page, 'revenue')).toBe(3753);

	await page.getByTestId('column-review').locator('summary').first().click();
	const field = page.locator('[data-number-format="amount"]');
	await expect(field).toContainText('Read with a decimal comma (1.234,50)');
	await expect(field).toContainText('unsure: “1.500 €” reads either way');
	await field.getByLabel(/Numbers in “amount”/).selectOption('point');
	await page.getByTestId('apply-mapping').click();
	await expect(page.locator('[data-metric="revenue"]')).toHaveAttribute('data-value', '6.75');
	await settled(page);
	await expect(field).toContainText('Read with a decimal point (1,234.50).');
	expect(errors).toEqual([]);
});
