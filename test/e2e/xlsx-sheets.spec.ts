import { expect, test } from '@playwright/test';
import writeXlsxFile from 'write-excel-file/node';
import { kpi, open, settled } from './helpers';

const HEADER = ['Order ID', 'Customer', 'Order Date', 'Qty', 'Unit Price'];
const row = (id: string, customer: string, date: string, qty: number, price: number) => [id, customer, date, qty, price];

test('a workbook with several sheets offers a sheet picker, and picking one re-reads the file', async ({ page }) => {
	// Sheet "2023": revenue 2×5 + 1×10 = 20. Sheet "2024": 3×5 + 4×10 + 1×2.5 = 57.5.
	const buffer = await writeXlsxFile([
		{ sheet: '2023', data: [HEADER, row('A1', 'ann', '2023-03-01', 2, 5), row('A2', 'bob', '2023-04-01', 1, 10)] },
		{ sheet: '2024', data: [HEADER, row('B1', 'ann', '2024-03-01', 3, 5), row('B2', 'cat', '2024-04-01', 4, 10), row('B3', 'cat', '2024-05-01', 1, 2.5)] }
	]).toBuffer();
	const errors = await open(page);
	await page.getByLabel('Choose files…').setInputFiles({ name: 'orders.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
	await settled(page);
	expect(await kpi(page, 'revenue')).toBeCloseTo(20, 9);

	await page.getByTestId('column-review').locator('summary').first().click();
	await page.getByLabel('Sheet of orders.xlsx').selectOption('2024');
	await expect(page.locator('[data-metric="revenue"]')).toHaveAttribute('data-value', '57.5');
	await settled(page);
	expect(await kpi(page, 'orders')).toBe(3);
	expect(await kpi(page, 'customers')).toBe(2);
	expect(errors).toEqual([]);
});
