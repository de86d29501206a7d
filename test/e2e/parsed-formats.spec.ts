import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expectKpiSmall, fixture, open, settled } from './helpers';

/** The Content-Security-Policy the site ships (static/_headers), applied to every response. */
const CSP = /Content-Security-Policy:\s*(.+)/.exec(readFileSync('static/_headers', 'utf8'))![1].trim();

test('Parquet (zstd, gzip) of kpi-small.csv, parsed in the worker under the shipped CSP, gives the hand-computed KPIs', async ({ page }) => {
	const dir = mkdtempSync(path.join(tmpdir(), 'parsed-formats-'));
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	for (const codec of ['zstd', 'gzip']) {
		await conn.run(`COPY (SELECT * FROM read_csv('${fixture('kpi-small.csv')}')) TO '${dir}/kpi-small-${codec}.parquet' (FORMAT parquet, COMPRESSION ${codec})`);
	}
	conn.closeSync();
	db.closeSync();
	await page.route('**/*', async (route) => {
		const response = await route.fetch();
		await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
	});
	const errors = await open(page);
	for (const codec of ['zstd', 'gzip']) {
		await page.getByLabel('Choose files…').setInputFiles(`${dir}/kpi-small-${codec}.parquet`);
		await settled(page);
		await expectKpiSmall(page);
	}
	expect(errors).toEqual([]);
});
