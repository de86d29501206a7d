import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { kpis, loadSample, open, settled } from './helpers';

/** A CSV large enough that reading it takes well over the half second after which Cancel is offered. */
function bigCsv(rows: number): string {
	const lines = ['order_id,customer_id,order_date,product,quantity,unit_price'];
	for (let i = 0; i < rows; i++) lines.push(`O${i},C${i % 5000},2023-${String((i % 12) + 1).padStart(2, '0')}-15,P${i % 300},${(i % 7) + 1},${(i % 50) + 0.5}`);
	return lines.join('\n');
}

test('Cancel stops a load and keeps the data on screen', async ({ page }) => {
	const errors = await open(page);
	await loadSample(page, 'b2b');
	const before = await kpis(page);
	const file = test.info().outputPath('big.csv');
	writeFileSync(file, bigCsv(1_500_000));
	await page.getByLabel('Choose files…').setInputFiles(file);
	const cancel = page.getByTestId('cancel-load');
	await cancel.click({ timeout: 60_000 });
	await settled(page);
	await expect(page.getByText('Loading was cancelled. The data you had before is still shown.')).toBeVisible();
	expect(await kpis(page)).toEqual(before);
	expect(errors).toEqual([]);
});
