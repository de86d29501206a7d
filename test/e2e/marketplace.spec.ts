import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plainMarketplace } from '../plain-marketplace';
import { kpi, loadSample, open, settled } from './helpers';

/**
 * The four-file marketplace sample dropped at once (in a shuffled order): joined by its keys with
 * zero clicks. Expected numbers come from test/plain-marketplace.ts over the same CSVs (plain
 * TypeScript, no SQL or join code shared with the app).
 */
const FILES = ['marketplace-order-reviews.csv', 'marketplace-customers.csv', 'marketplace-orders.csv', 'marketplace-order-items.csv'];
const sample = (f: string) => path.resolve('static/samples', f);
const text = (f: string) => readFileSync(sample(f), 'utf8');
const plain = plainMarketplace({
	orders: text('marketplace-orders.csv'),
	items: text('marketplace-order-items.csv'),
	customers: text('marketplace-customers.csv'),
	reviews: text('marketplace-order-reviews.csv')
});

test('four marketplace files dropped together load with zero clicks', async ({ page }) => {
	test.setTimeout(180_000);
	const errors = await open(page);
	await page.getByLabel('Choose files…').setInputFiles(FILES.map(sample));
	await settled(page);
	expect(await kpi(page, 'revenue')).toBeCloseTo(plain.revenue, 2);
	expect(await kpi(page, 'orders')).toBe(plain.orders);
	expect(await kpi(page, 'customers')).toBe(plain.customers);
	expect(await kpi(page, 'units')).toBe(plain.units);
	const feedback = page.locator('section[data-panel="feedback"]');
	await expect(feedback.locator('[data-unavailable]')).toHaveCount(0);
	expect(await kpi(page, 'avg_rating')).toBeCloseTo(plain.avgRating, 3);

	// The column review shows the three joins with their matched counts.
	const review = page.getByTestId('column-review');
	await review.locator('summary').first().click();
	const joins = review.getByTestId('joins');
	await expect(joins.locator('li[data-join]')).toHaveCount(3);
	await expect(joins.locator('li[data-join="orders"]')).toContainText('lines matched');
	await expect(joins.locator('li[data-join="customers"]')).toContainText('customer_unique_id');
	expect(errors).toEqual([]);
});

test('the user can change a join: the ratings file switched off, the feedback panel names what unlocks it', async ({ page }) => {
	test.setTimeout(180_000);
	const errors = await open(page);
	await page.getByLabel('Choose files…').setInputFiles(FILES.map(sample));
	await settled(page);
	const review = page.getByTestId('column-review');
	await review.locator('summary').first().click();
	const reviews = review.locator('fieldset', { has: page.locator('legend', { hasText: 'marketplace-order-reviews.csv' }) });
	const role = reviews.getByLabel('This file has');
	await role.focus();
	await role.selectOption('unusable');
	await expect(review.getByTestId('joins').locator('li[data-join="feedback"]')).toHaveCount(0);
	await review.getByTestId('apply-mapping').click();
	await settled(page);
	await expect(page.locator('section[data-panel="feedback"] [data-unavailable]')).toContainText('rating');
	// The other joins still hold: the same orders and customers.
	expect(await kpi(page, 'orders')).toBe(plain.orders);
	expect(await kpi(page, 'customers')).toBe(plain.customers);
	expect(errors).toEqual([]);
});

test('the marketplace sample button loads the same four files', async ({ page }) => {
	test.setTimeout(180_000);
	const errors = await open(page);
	await loadSample(page, 'marketplace');
	expect(await kpi(page, 'orders')).toBe(plain.orders);
	expect(await kpi(page, 'avg_rating')).toBeCloseTo(plain.avgRating, 3);
	expect(errors).toEqual([]);
});
