import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expectKpiSmall, fixture, open, settled } from './helpers';

test('Parquet (zstd, gzip) of kpi-small.csv, parsed in the worker under the shipped CSP (the e2e server applies static/_headers), gives the hand-computed KPIs', async ({ page }) => {
	const dir = mkdtempSync(path.join(tmpdir(), 'parsed-formats-'));
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	for (const codec of ['zstd', 'gzip']) {
		await conn.run(`COPY (SELECT * FROM read_csv('${fixture('kpi-small.csv')}')) TO '${dir}/kpi-small-${codec}.parquet' (FORMAT parquet, COMPRESSION ${codec})`);
	}
	conn.closeSync();
	db.closeSync();
	const errors = await open(page);
	for (const codec of ['zstd', 'gzip']) {
		await page.getByLabel('Choose files…').setInputFiles(`${dir}/kpi-small-${codec}.parquet`);
		await settled(page);
		await expectKpiSmall(page);
	}
	expect(errors).toEqual([]);
});
