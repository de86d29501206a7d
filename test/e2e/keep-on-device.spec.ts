import { expect, test } from '@playwright/test';
import { kpis, loadSample, open, settled } from './helpers';

test('keep my data on this device: off by default, reopens after a reload, forgotten on request', async ({ page }) => {
	test.setTimeout(240_000);
	const errors = await open(page);
	const toggle = page.getByRole('checkbox', { name: 'Keep my data on this device' });
	await expect(toggle).not.toBeChecked();
	await expect(page.locator('section.keep')).toContainText("this browser's private storage for this site");
	await expect(page.locator('section.keep')).toContainText('Nothing leaves this machine');

	// Off: a loaded sample is not kept.
	await loadSample(page, 'b2b');
	await page.reload();
	await settled(page);
	await expect(page.locator('#empty-title')).toBeVisible();
	await expect(page.locator('[data-metric]')).toHaveCount(0);

	// On: the next load is kept, and a reload reopens it with the same numbers.
	await page.getByRole('checkbox', { name: 'Keep my data on this device' }).check();
	await loadSample(page, 'b2b');
	await expect(page.getByTestId('kept')).toContainText('B2B');
	const before = await kpis(page);
	const stored = await page.locator('section.keep').getAttribute('data-kept');
	expect(stored).toBeTruthy();

	await page.reload();
	await expect(page.locator('[data-metric]')).toHaveCount(6, { timeout: 120_000 });
	await settled(page);
	expect(await kpis(page)).toEqual(before);
	await expect(page.locator('.notices')).toContainText(/Reopened your last analysis from this device \(stored .+\)\./);
	await expect(page.getByRole('checkbox', { name: 'Keep my data on this device' })).toBeChecked();
	// Reopening does not store the same files again.
	await expect(page.locator('section.keep')).toHaveAttribute('data-kept', stored!);

	// Forget: the files are deleted and the choice is off; the next visit starts empty.
	await page.getByRole('button', { name: 'Forget data on this device' }).click();
	await expect(page.getByTestId('kept')).toHaveCount(0);
	await expect(page.getByRole('checkbox', { name: 'Keep my data on this device' })).not.toBeChecked();
	expect(await page.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		const names: string[] = [];
		for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
		return names;
	})).toEqual([]);
	await page.reload();
	await settled(page);
	await expect(page.locator('#empty-title')).toBeVisible();
	await expect(page.getByRole('checkbox', { name: 'Keep my data on this device' })).not.toBeChecked();
	expect(errors).toEqual([]);
});
