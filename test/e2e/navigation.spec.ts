import { expect, test } from '@playwright/test';
import { loadSample, open, PANELS } from './helpers';

const nav = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Dashboard sections' });

test('a deep link opens at its panel once the data has arrived', async ({ page }) => {
	test.setTimeout(180_000);
	await page.setViewportSize({ width: 1280, height: 800 });
	const errors = await open(page, '#rfm');
	await loadSample(page, 'b2b');
	const rfm = page.locator('section[data-panel="rfm"]');
	await expect(rfm).toHaveAttribute('id', 'rfm');
	await expect(rfm).toBeInViewport();
	// It starts below the sticky navigation, not under it.
	const navBox = (await nav(page).boundingBox())!;
	const rfmBox = (await rfm.boundingBox())!;
	expect(rfmBox.y).toBeGreaterThanOrEqual(navBox.y + navBox.height - 1);
	await expect(page.locator('section[data-panel="kpis"]')).not.toBeInViewport();
	await expect(nav(page).locator('a[aria-current="location"]')).toHaveText('Customers');
	expect(errors).toEqual([]);
});

test('the section navigation: every section, keyboard, current section, sticky, narrow screens', async ({ page }) => {
	test.setTimeout(180_000);
	await page.setViewportSize({ width: 1280, height: 800 });
	const errors = await open(page);
	await loadSample(page, 'b2b');
	const links = nav(page).getByRole('link');
	await expect(links).toHaveText(['Overview', 'Sales', 'Products and markets', 'Customers', 'Value', 'Churn and engagement', 'Cohorts', 'Quality', 'Insights']);
	// Every panel sits in exactly one of the sections the links point to, in the pinned order.
	const grouped = await page.locator('section[data-group]').evaluateAll((groups) =>
		groups.map((g) => ({ id: g.id, panels: Array.from(g.querySelectorAll('[data-panel]')).map((p) => p.getAttribute('data-panel')) }))
	);
	expect(grouped.flatMap((g) => g.panels)).toEqual(PANELS);
	expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(grouped.map((g) => `#${g.id}`));

	// Keyboard: Tab until the "Churn and engagement" link has focus, then follow it with Enter.
	const churnLink = links.filter({ hasText: 'Churn and engagement' });
	await page.locator('[data-testid="current-data"]').click();
	for (let i = 0; i < 80 && !(await churnLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(churnLink).toBeFocused();
	expect(await churnLink.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#section-churn$/);
	await expect(page.locator('section[data-panel="churn"]')).toBeInViewport();
	await expect(churnLink).toHaveAttribute('aria-current', 'location');
	// Sticky: still at the top of the viewport after the jump.
	await expect(nav(page)).toBeInViewport();
	expect((await nav(page).boundingBox())!.y).toBeLessThanOrEqual(1);

	// Scrolling back to the top moves the current-section mark with it.
	await page.locator('section[data-panel="kpis"]').scrollIntoViewIfNeeded();
	await page.evaluate(() => scrollTo(0, 0));
	await expect(links.filter({ hasText: 'Overview' })).toHaveAttribute('aria-current', 'location');

	// Narrow screens: one row that scrolls sideways, the page itself does not.
	await page.setViewportSize({ width: 360, height: 700 });
	const list = nav(page).locator('ul');
	const { scrollWidth, clientWidth, rows } = await list.evaluate((ul) => ({
		scrollWidth: ul.scrollWidth,
		clientWidth: ul.clientWidth,
		rows: new Set(Array.from(ul.querySelectorAll('a')).map((a) => Math.round(a.getBoundingClientRect().top))).size
	}));
	expect(scrollWidth).toBeGreaterThan(clientWidth);
	expect(rows).toBe(1);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
	// The current section's link is scrolled into the row's visible part.
	await page.evaluate(() => document.getElementById('section-cohorts')!.scrollIntoView());
	const cohortsLink = links.filter({ hasText: 'Cohorts' });
	await expect(cohortsLink).toHaveAttribute('aria-current', 'location');
	await expect
		.poll(() =>
			cohortsLink.evaluate((a) => {
				const r = a.getBoundingClientRect();
				const box = a.closest('ul')!.getBoundingClientRect();
				return r.left >= box.left && r.right <= box.right;
			})
		)
		.toBe(true);
	expect(errors).toEqual([]);
});
