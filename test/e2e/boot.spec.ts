import { expect, test } from '@playwright/test';
import { expectKpiSmall, open, settled, upload } from './helpers';

test('the DuckDB worker boots from our own origin', async ({ page }) => {
	await page.goto('./');
	await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
	await expect(page.getByTestId('engine')).toContainText('duckdb-wasm');
});

test('the engine warm-up leaves nothing behind, and a file chosen during it is read in full', async ({ page }) => {
	const errors = await open(page);
	// A file chosen while the warm-up runs stops it and gets the hand-computed numbers.
	await upload(page, ['kpi-small.csv']);
	await expectKpiSmall(page);
	await expect(page.locator('body')).toHaveAttribute('data-warm-up', 'done');

	// A warm-up that ran to its end shows nothing of its own, and the next file is read as if it had not run.
	await page.reload();
	await settled(page);
	await expect(page.locator('body')).toHaveAttribute('data-warm-up', 'done', { timeout: 60_000 });
	await expect(page.locator('[data-metric]')).toHaveCount(0);
	await upload(page, ['kpi-small.csv']);
	await expectKpiSmall(page);
	expect(errors).toEqual([]);
});
