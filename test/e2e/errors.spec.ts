import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectKpiSmall, kpis, open, upload } from './helpers';

const alert = (page: Page) => page.getByRole('alert').first();
// The service worker answers sample downloads from its precache, where page.route cannot fake a failure.
test.use({ serviceWorkers: 'block' });

/** After a failure: a specific message, no stack trace, the previous KPIs still there, the app still works. */
async function expectPoliteFailure(page: Page, file: string, about: RegExp) {
	await expect(alert(page)).toContainText(file);
	await expect(alert(page)).toContainText(about);
	const text = await alert(page).innerText();
	expect(text).not.toMatch(/\bat\s+\S+\s+\(|\.js:\d+|Error:\s/);
	await expect(page.locator('[data-metric]')).toHaveCount(6);
	await expectKpiSmall(page);
	await expect(page.locator('section[data-panel="trend"]')).toBeVisible();
}

const CASES: { name: string; file: string; about: RegExp }[] = [
	{ name: 'an empty file', file: 'empty.csv', about: /empty/i },
	{ name: 'a PNG image', file: 'logo.png', about: /not a data file/i },
	{ name: 'a CSV without a date column', file: 'no-date-column.csv', about: /date/i },
	{ name: 'a CSV whose dates cannot be read', file: 'unreadable-dates.csv', about: /column "order_date".*could not be read as dates.*row 1/s }
];

for (const c of CASES) {
	test(`${c.name} gives a specific message and keeps the previous results`, async ({ page }) => {
		const errors = await open(page);
		await upload(page, ['kpi-small.csv']);
		await expectKpiSmall(page);
		await upload(page, [c.file], 'error');
		await expectPoliteFailure(page, c.file, c.about);
		// Drill-down on the previous data still works.
		await page.locator('section[data-panel="cltv"] table button', { hasText: 'High' }).click();
		await expect(page.getByTestId('drilldown')).toBeVisible();
		await expect(page.getByTestId('drilldown').locator('tbody tr').first()).toBeVisible();
		await page.getByTestId('drilldown').getByRole('button', { name: /close/i }).click();
		// …and another file loads normally afterwards.
		await upload(page, ['kpi-other.csv']);
		await expect(page.getByRole('alert').first()).toBeEmpty();
		expect((await kpis(page)).revenue).toBeCloseTo(175, 6);
		expect(errors).toEqual([]);
	});
}

test('a file too large for the page is refused before it is read, naming the command line, and the results stay', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);
	// A gzip whose size trailer claims 4 GB of text: far past the page's memory whatever the data. Its
	// lines hold scrambled digits so that it compresses to more than the 64 KB the format check reads
	// (which then never meets the forged trailer).
	let x = 1;
	const lines = Array.from({ length: 6000 }, (_, i) => `A${i},2024-01-02,${Array.from({ length: 4 }, () => (x = (x * 48271) % 2147483647)).join('')}`);
	const buffer = gzipSync(Buffer.from(`order_id,order_date,revenue\n${lines.join('\n')}\n`));
	expect(buffer.length).toBeGreaterThan(64 * 1024);
	buffer.writeUInt32LE(4_000_000_000, buffer.length - 4);
	await page.getByLabel('Choose files…').setInputFiles({ name: 'huge-orders.csv.gz', mimeType: 'application/gzip', buffer });
	await expect(page.locator('body')).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
	await expectPoliteFailure(page, 'huge-orders.csv.gz', /more than the browser can give this page.*npm run analyze -- huge-orders\.csv\.gz/s);
	expect(errors).toEqual([]);
});

test('a mapping that leaves no revenue names the file and keeps the results', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);
	const review = page.getByTestId('column-review');
	await review.locator('summary').first().click();
	for (const label of ['Line revenue', 'Quantity', 'Unit price']) await review.getByLabel(label, { exact: true }).first().selectOption('');
	await review.getByTestId('apply-mapping').click();
	await expect(page.locator('body')).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
	await expectPoliteFailure(page, 'kpi-small.csv', /revenue/i);
	// Fixing the mapping brings the data back.
	await review.getByLabel('Quantity', { exact: true }).first().selectOption('Quantity');
	await review.getByLabel('Unit price', { exact: true }).first().selectOption('UnitPrice');
	await review.getByTestId('apply-mapping').click();
	await expect(page.locator('body')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	await expectKpiSmall(page);
	expect(errors).toEqual([]);
});

test('a sample that cannot be downloaded says so and keeps the data on screen', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);
	await page.route('**/samples/b2b-sales.csv', (route) => route.fulfill({ status: 404, body: 'not found' }));
	await page.locator('button[data-sample="b2b"]').click();
	await expect(page.locator('body')).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
	await expect(alert(page)).toContainText('b2b-sales.csv');
	await expect(alert(page)).toContainText('could not be downloaded');
	await expectKpiSmall(page);
	// The failed request is the one we faked; the browser logs it as a resource error, which is expected here.
	expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
});
