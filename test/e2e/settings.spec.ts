import { expect, test } from '@playwright/test';
import { expectKpiSmall, open, settled, upload } from './helpers';

test('changing the churn window recomputes churn only, with progress, and writes the URL', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);
	const churn = page.locator('section[data-panel="churn"]');
	await expect(churn).toContainText('no order in the last 90 days');
	const trendBefore = await page.locator('section[data-panel="trend"] [data-takeaway]').innerText();

	// Record which panels show "Updating…" while the change recomputes.
	await page.evaluate(() => {
		const seen = new Set<string>();
		(window as unknown as { __busy: Set<string> }).__busy = seen;
		new MutationObserver((records) => {
			for (const r of records) {
				const el = r.target as HTMLElement;
				if (el.dataset.busy === 'true' && el.dataset.panel) seen.add(el.dataset.panel);
			}
		}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-busy'] });
	});
	const input = page.getByLabel('Churn window (days)');
	await input.fill('30');
	await input.press('Enter');
	await input.blur();
	await expect(churn).toContainText('no order in the last 30 days', { timeout: 60_000 });
	await settled(page);
	// With a 30-day window, customers last seen more than 30 days before the as-of date have churned.
	const rows = churn.locator('tbody tr');
	await expect(rows.filter({ hasText: 'Churned' })).toHaveCount(1);
	expect(await page.locator('section[data-panel="trend"] [data-takeaway]').innerText()).toBe(trendBefore);
	const busy = await page.evaluate(() => [...(window as unknown as { __busy: Set<string> }).__busy].sort());
	expect(busy).toEqual(['churn', 'insights']);
	await expectKpiSmall(page);
	expect(new URL(page.url()).searchParams.get('churn')).toBe('30');
	expect(errors).toEqual([]);
});

test('settings in the URL are read on load and round-trip', async ({ page }) => {
	const errors = await open(page, '?churn=45&scheme=simple&margin=0.25&horizon=6&cur=%C2%A3');
	await upload(page, ['kpi-small.csv']);
	await expect(page.getByLabel('Churn window (days)')).toHaveValue('45');
	await expect(page.getByLabel('RFM scheme')).toHaveValue('simple');
	await expect(page.getByLabel('Margin (%)')).toHaveValue('25');
	await expect(page.getByLabel('Forecast horizon (months)')).toHaveValue('6');
	await expect(page.getByLabel('Currency symbol')).toHaveValue('£');
	await expect(page.locator('section[data-panel="churn"]')).toContainText('no order in the last 45 days');
	await expect(page.locator('[data-metric="revenue"]')).toContainText('£163.87');
	// The simple scheme's segment names.
	await expect(page.locator('section[data-panel="rfm"] tbody')).toContainText(/VIPs|Loyal Customers|Potential Loyalists|At Risk|Lost Customers/);
	await expect(page.locator('section[data-panel="rfm"] tbody')).not.toContainText('Champions');
	// Nothing from the data goes into the URL unless chosen as a filter.
	const url = new URL(page.url());
	expect([...url.searchParams.keys()].sort()).toEqual(['churn', 'cur', 'horizon', 'margin', 'scheme']);

	// Changing the scheme back updates the URL; reloading the URL reproduces the settings.
	await page.getByLabel('RFM scheme').selectOption('standard');
	await settled(page);
	expect(new URL(page.url()).searchParams.get('scheme')).toBeNull();
	await page.reload();
	await settled(page);
	await upload(page, ['kpi-small.csv']);
	await expect(page.getByLabel('Churn window (days)')).toHaveValue('45');
	await expect(page.getByLabel('RFM scheme')).toHaveValue('standard');
	expect(errors).toEqual([]);
});

test('a filter recomputes everything and a stale result never wins', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);
	// Several quick changes in a row: only the last one's results may stay on screen.
	const from = page.getByLabel('From', { exact: true });
	for (const d of ['2024-01-01', '2024-02-01', '2024-03-01']) {
		await from.fill(d);
		await from.dispatchEvent('change');
	}
	await settled(page);
	// March only: orders 10006, 10007, 10008 → 25 + 30 + 36.25 + 5.97 − 12.50 = 84.72.
	await expect(page.locator('[data-metric="revenue"]')).toHaveAttribute('data-value', /^84\.72/);
	await expect(page.locator('[data-metric="orders"]')).toHaveAttribute('data-value', '3');
	expect(new URL(page.url()).searchParams.get('from')).toBe('2024-03-01');
	// Country filter from the data's own values.
	await page.locator('[data-filter="countries"] summary').click();
	await page.locator('[data-filter="countries"]').getByLabel('France').check();
	await settled(page);
	await expect(page.locator('[data-metric="revenue"]')).toHaveAttribute('data-value', '55');
	await page.getByRole('button', { name: 'Reset settings' }).click();
	await settled(page);
	await expectKpiSmall(page);
	expect(errors).toEqual([]);
});
