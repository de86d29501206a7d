import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { open, upload } from './helpers';

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
	return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

test('one click exports a self-contained HTML report and a Markdown version', async ({ page }) => {
	const errors = await open(page);
	await upload(page, ['kpi-small.csv']);

	const html = await download(page, 'report-html');
	expect(html.name).toMatch(/\.html$/);
	// Net revenue of kpi-small.csv, summed by hand in test/fixtures/e2e/README.md.
	expect(html.text).toContain('163.87');
	for (const heading of ['Executive summary', 'Recommended actions', 'Data quality']) expect(html.text).toContain(`<h2>${heading}</h2>`);
	expect((html.text.match(/<svg/g) ?? []).length).toBeGreaterThan(8);
	expect(html.text).toContain('Red Mug');
	// Self-contained: no scripts, and nothing loaded from any host.
	expect(html.text).not.toMatch(/<script/i);
	expect(html.text).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
	expect(html.text).toMatch(/http-equiv="Content-Security-Policy" content="default-src (&#39;|')none/);

	const md = await download(page, 'report-md');
	expect(md.name).toMatch(/\.md$/);
	expect(md.text).toMatch(/^# /);
	expect(md.text).toContain('163.87');
	expect(md.text).toMatch(/^\|.*\|$/m);
	expect(errors).toEqual([]);
});
