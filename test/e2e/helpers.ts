import { expect, type Page } from '@playwright/test';
import path from 'node:path';

export const FIXTURES = path.resolve('test/fixtures/e2e');
export const fixture = (name: string) => path.join(FIXTURES, name);

/** Waits until every result on screen is computed for the current data and settings. */
export async function settled(page: Page, state: 'ready' | 'error' = 'ready', timeout = 120_000): Promise<void> {
	await expect(page.locator('body')).toHaveAttribute('data-state', state, { timeout });
}

/** Console errors and uncaught exceptions of the page; tests assert it stays empty. */
export function watchConsole(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	return errors;
}

export async function open(page: Page, query = ''): Promise<string[]> {
	const errors = watchConsole(page);
	await page.goto(`./${query}`);
	await settled(page);
	return errors;
}

/** Uploads files through the labelled file input (the same path as a drop), then waits. */
export async function upload(page: Page, names: string[], state: 'ready' | 'error' = 'ready'): Promise<void> {
	await page.getByLabel('Choose files…').setInputFiles(names.map(fixture));
	await settled(page, state);
}

export async function loadSample(page: Page, id: 'online-retail' | 'b2b' | 'crm' | 'marketplace'): Promise<void> {
	await page.locator(`button[data-sample="${id}"]`).click();
	await expect(page.locator('body')).toHaveAttribute('data-state', 'loading');
	await settled(page);
}

export async function kpi(page: Page, metric: string): Promise<number> {
	const raw = await page.locator(`[data-metric="${metric}"]`).getAttribute('data-value');
	expect(raw, `data-value of ${metric}`).not.toBeNull();
	expect(raw, `data-value of ${metric}`).not.toBe('');
	return Number(raw);
}

export async function kpis(page: Page): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const m of ['revenue', 'orders', 'aov', 'customers', 'units', 'products']) out[m] = await kpi(page, m);
	return out;
}

/** The hand-computed KPIs of `kpi-small.csv` (see test/fixtures/e2e/README.md). */
export const KPI_SMALL = { revenue: 163.87, orders: 7, aov: 173.87 / 7, customers: 4, units: 32, products: 5 };

export async function expectKpiSmall(page: Page): Promise<void> {
	const k = await kpis(page);
	expect(k.revenue).toBeCloseTo(KPI_SMALL.revenue, 6);
	expect(k.orders).toBe(KPI_SMALL.orders);
	expect(k.aov).toBeCloseTo(KPI_SMALL.aov, 6);
	expect(k.customers).toBe(KPI_SMALL.customers);
	expect(k.units).toBe(KPI_SMALL.units);
	expect(k.products).toBe(KPI_SMALL.products);
}

export const PANELS = [
	'kpis',
	'trend',
	'seasonality',
	'products',
	'countries',
	'dealsize',
	'status',
	'rfm',
	'rfm-heatmap',
	'rfm-scatter',
	'demographics',
	'feedback',
	'cltv',
	'churn',
	'engagement',
	'cohorts',
	'quality',
	'insights'
];

/** Splits an RFC 4180 document into rows of fields (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += ch;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}
