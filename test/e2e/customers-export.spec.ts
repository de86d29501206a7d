import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { loadSample, open, parseCsv, settled } from './helpers';

const SCORES =
	'customer_id,first_order_date,last_order_date,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,cltv_tier,historical_profit,churned,risk_group,p_alive,expected_purchases_next_12m,predicted_clv_next_12m';
// The B2B sample's orders carry the customer's city (a customer attribute), and no rating.
const HEADER = `${SCORES},city`;

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

test('Download all customers as Parquet: typed columns, the same customers as the CSV, feedback and attributes of the CRM sample', async ({ page }) => {
	test.setTimeout(300_000);
	const errors = await open(page);
	await loadSample(page, 'crm');
	const [csvFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="customers"]').click()]);
	const [pqFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="customers-parquet"]').click()]);
	expect(pqFile.suggestedFilename()).toMatch(/^customers-.+\.parquet$/);
	const csv = parseCsv(fs.readFileSync((await csvFile.path())!, 'utf8')).filter((r) => r.length > 1);
	const bytes = fs.readFileSync((await pqFile.path())!);
	const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const schema = parquetSchema(parquetMetadata(file)).children.map((c) => c.element);
	// The CRM sample maps a rating and a customers file: feedback and attribute columns follow the scores.
	expect(csv[0].join(',')).toBe(`${SCORES},avg_rating,ratings,last_rating,age,gender,city,customer_channel,signup_date`);
	expect(schema.map((e) => e.name)).toEqual(csv[0]);
	const type = (name: string) => schema.find((e) => e.name === name)!;
	expect(type('first_order_date').converted_type).toBe('DATE');
	expect(type('signup_date').converted_type).toBe('DATE');
	expect(type('monetary').type).toBe('DOUBLE');
	expect(type('avg_rating').type).toBe('DOUBLE');
	expect(type('churned').type).toBe('BOOLEAN');
	const rows = await parquetReadObjects({ file });
	expect(rows).toHaveLength(csv.length - 1);
	const col = (name: string) => csv[0].indexOf(name);
	const byId = new Map(csv.slice(1).map((r) => [r[0], r]));
	const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : String(v));
	const num = (v: unknown) => (v === null ? '' : String(Number(v)));
	// One comparison of all rows (a Playwright expect per cell would record thousands of steps).
	const FIELDS = ['first_order_date', 'signup_date', 'frequency', 'avg_rating', 'ratings', 'rfm_segment', 'gender'];
	const fromParquet = rows.map((r) => [
		String(r.customer_id),
		...FIELDS.map((f) => (f.endsWith('_date') ? day(r[f]) : typeof r[f] === 'string' ? r[f] : r[f] === null ? '' : num(r[f])))
	]);
	const fromCsv = rows.map((r) => {
		const c = byId.get(String(r.customer_id));
		return c ? [c[0], ...FIELDS.map((f) => c[col(f)])] : [String(r.customer_id), 'missing from the CSV'];
	});
	expect(fromParquet).toEqual(fromCsv);
	expect(rows.filter((r) => r.avg_rating !== null).length).toBeGreaterThan(100);
	expect(rows.filter((r) => r.gender !== null).length).toBeGreaterThan(100);

	// A few customers of the drill-down (At Risk) match their Parquet rows, average rating included.
	const pq = new Map(rows.map((r) => [String(r.customer_id), r]));
	await page.locator('section[data-panel="rfm"]').getByRole('button', { name: /At Risk/ }).first().click();
	const dialog = page.getByTestId('drilldown');
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('tbody tr').first()).toBeVisible();
	const headers = await dialog.locator('thead th').allInnerTexts();
	const at = (label: string) => headers.findIndex((h) => h.includes(label));
	expect(at('Average rating')).toBeGreaterThan(0);
	for (let i = 0; i < 3; i++) {
		const cells = await dialog.locator('tbody tr').nth(i).locator('th, td').allInnerTexts();
		const r = pq.get(cells[at('Customer')])!;
		expect(r, cells[at('Customer')]).toBeDefined();
		expect(r.rfm_segment).toBe('At Risk');
		expect(Number(cells[at('Orders')].replace(/,/g, ''))).toBe(Number(r.frequency));
		const shown = cells[at('Average rating')];
		if (r.avg_rating === null) expect(shown).toBe('—');
		else expect(Number(shown)).toBeCloseTo(Number(r.avg_rating), 2);
	}
	expect(errors).toEqual([]);
});
