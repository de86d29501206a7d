import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { open, parseCsv, settled, upload } from './helpers';

const HEADER =
	'customer_id,recency_days,frequency,monetary,r,f,m,segment,cltv_revenue,cltv_profit,cltv_segment,churned,churn_risk,p_alive,expected_purchases,expected_aov,predicted_clv';

test('a cohort opens its customers; the CSV export neutralises formula cells', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['injection.csv']);
	// Ids that look like formulas are shown as plain text, never interpreted.
	const cohorts = page.locator('section[data-panel="cohorts"]');
	await cohorts.locator('summary', { hasText: 'Data table' }).click();
	await cohorts.getByRole('button', { name: /May 2024/ }).click();
	const dialog = page.getByTestId('drilldown');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('heading')).toContainText('2024-05');
	await expect(dialog.locator('tbody tr')).toHaveCount(1);
	await expect(dialog.locator('tbody th')).toHaveText('=HYPERLINK("http://evil.example/x","click")');
	await settled(page);

	const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-csv').click()]);
	expect(download.suggestedFilename()).toMatch(/^customers-cohort-2024-05\.csv$/);
	const csv = fs.readFileSync((await download.path())!, 'utf8');
	const lines = csv.split('\r\n');
	expect(lines[0]).toBe(HEADER);
	expect(lines).toHaveLength(3); // header, one customer, final empty string after the last CRLF
	expect(lines[1].startsWith(`"'=HYPERLINK(""http://evil.example/x"",""click"")",`)).toBe(true);
	expect(lines[2]).toBe('');
	expect(parseCsv(csv)[1][0]).toBe(`'=HYPERLINK("http://evil.example/x","click")`);

	// Keyboard: Escape closes the dialog and focus returns to the page.
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	expect(errors).toEqual([]);
});

test('segments and risk groups open a paged, sortable customer list', async ({ page }) => {
	const errors = await open(page);
	await page.locator('button[data-sample="b2b"]').click();
	await settled(page);
	// RFM segment row (keyboard: focus the button and press Enter).
	const champions = page.locator('section[data-panel="rfm"]').getByRole('button', { name: /Champions/ });
	await champions.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByTestId('drilldown');
	await expect(dialog).toBeVisible();
	await settled(page);
	const status = dialog.getByRole('status');
	await expect(status).toContainText(/of \d+/);
	const total = Number((await status.innerText()).match(/of ([\d,]+)/)![1].replace(/,/g, ''));
	const rfmRow = page.locator('section[data-panel="rfm"] tbody tr', { hasText: 'Champions' });
	expect(await rfmRow.locator('td').first().innerText()).toBe(String(total));
	// Every customer listed is a Champion (checked on the export, which has the segment column).
	const [dl] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-csv').click()]);
	const rows = parseCsv(fs.readFileSync((await dl.path())!, 'utf8'));
	expect(rows[0].join(',')).toBe(HEADER);
	expect(rows.slice(1)).toHaveLength(total);
	for (const row of rows.slice(1)) expect(row[7]).toBe('Champions');
	// Sorting by spend ascending then descending changes the order.
	const sortButton = dialog.getByRole('button', { name: /^Spend/ });
	await sortButton.click();
	await settled(page);
	await expect(dialog.locator('th[aria-sort="ascending"]')).toContainText('Spend');
	const firstAsc = await dialog.locator('tbody tr th').first().innerText();
	await sortButton.click();
	await settled(page);
	await expect(dialog.locator('th[aria-sort="descending"]')).toContainText('Spend');
	expect(await dialog.locator('tbody tr th').first().innerText()).not.toBe(firstAsc);
	await dialog.getByRole('button', { name: /close/i }).click();

	// Churn group with more than one page.
	await page.locator('section[data-panel="churn"]').getByRole('button', { name: /Churned/ }).click();
	await expect(dialog).toBeVisible();
	await settled(page);
	await expect(dialog.getByRole('status')).toContainText('1–25 of');
	await dialog.getByRole('button', { name: 'Next' }).click();
	await settled(page);
	await expect(dialog.getByRole('status')).toContainText('26–');
	await page.keyboard.press('Escape');
	expect(errors).toEqual([]);
});
