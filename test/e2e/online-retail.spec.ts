import { expect, test } from '@playwright/test';
import { datasetPath, needDatasets } from '../datasets';
import { kpis, open, settled } from './helpers';

/**
 * The real UCI Online Retail file (541,909 rows, from ../shared/datasets beside the repository),
 * dropped as a new user would: KPIs must match facts published independently in SOURCES.md and
 * checked with plain SQL on the raw CSV, and no request may leave the page's origin.
 */
const FILE = datasetPath('online_retail_2010-2011.csv.gz');
const data = needDatasets('online_retail_2010-2011.csv.gz');

test('the real Online Retail file reaches ready with correct KPIs and no foreign request', async ({ page, context }) => {
	test.skip(data.missing, data.reason);
	test.setTimeout(240_000);
	const requests: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	page.on('worker', (w) => requests.push(w.url()));

	const errors = await open(page);
	const origin = new URL(page.url()).origin;
	await page.getByLabel('Choose files…').setInputFiles(FILE);
	await settled(page, 'ready', 200_000);

	const k = await kpis(page);
	// SOURCES.md: sum(Quantity × UnitPrice) = 9,747,747.93 over all lines, 4,372 customers.
	expect(k.revenue).toBeCloseTo(9_747_747.93, 1);
	expect(k.customers).toBe(4372);
	// Counted independently on the raw CSV with DuckDB: 25,900 invoices minus 3,836 `C` invoices minus
	// 1,338 non-C invoices whose lines are all negative; positive quantities sum to 5,660,981.
	expect(k.orders).toBe(20_726);
	expect(k.units).toBe(5_660_981);
	expect(k.aov).toBeCloseTo(514.6523, 3);

	const foreign = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
	expect(foreign, `requests outside ${origin}`).toEqual([]);
	expect(errors).toEqual([]);
});
