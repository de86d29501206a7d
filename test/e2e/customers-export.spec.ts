import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { open, parseCsv, settled } from './helpers';

const HEADER =
	'customer_id,first_order_date,last_order_date,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,cltv_tier,historical_profit,churned,risk_group,p_alive,expected_purchases_next_12m,predicted_clv_next_12m';

test('Download all customers writes every customer with the scores the drill-down shows', async ({ page }) => {
	const errors = await open(page);
	await page.locator('button[data-sample="b2b"]').click();
	await settled(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="customers"]').click()]);
	expect(download.suggestedFilename()).toMatch(/^customers-.+\.csv$/);
	const rows = parseCsv(fs.readFileSync((await download.path())!, 'utf8')).filter((r) => r.length > 1);
	expect(rows[0].join(',')).toBe(HEADER);
	const col = (name: string) => rows[0].indexOf(name);
	const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
	// As many customers as the RFM panel counts.
	const rfmCounts = await page.locator('section[data-panel="rfm"] tbody tr td:first-of-type').allInnerTexts();
	expect(byId.size).toBe(rfmCounts.reduce((s, t) => s + Number(t.replace(/,/g, '')), 0));

	// A few Champions read from the drill-down match their exported rows.
	await page.locator('section[data-panel="rfm"]').getByRole('button', { name: /Champions/ }).click();
	const dialog = page.getByTestId('drilldown');
	await expect(dialog).toBeVisible();
	await settled(page);
	const shown = dialog.locator('tbody tr');
	const n = Math.min(3, await shown.count());
	expect(n).toBeGreaterThan(0);
	const headers = await dialog.locator('thead th').allInnerTexts();
	const at = (label: string) => headers.findIndex((h) => h.includes(label));
	for (let i = 0; i < n; i++) {
		const cells = await shown.nth(i).locator('th, td').allInnerTexts();
		const exported = byId.get(cells[at('Customer')])!;
		expect(exported, cells[at('Customer')]).toBeDefined();
		expect(exported[col('rfm_segment')]).toBe('Champions');
		expect(Number(cells[at('Days since last order')].replace(/,/g, ''))).toBe(Number(exported[col('recency_days')]));
		expect(Number(cells[at('Orders')].replace(/,/g, ''))).toBe(Number(exported[col('frequency')]));
		expect(cells[at('Value tier')]).toBe(exported[col('cltv_tier')]);
		expect(cells[at('Churn risk')]).toBe(exported[col('risk_group')]);
		expect(exported[col('last_order_date')] >= exported[col('first_order_date')]).toBe(true);
	}
	expect(errors).toEqual([]);
});
