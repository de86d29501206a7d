import { expect, test } from '@playwright/test';

test('the DuckDB worker boots from our own origin', async ({ page }) => {
	await page.goto('./');
	await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
	await expect(page.getByTestId('engine')).toContainText('duckdb-wasm');
});
