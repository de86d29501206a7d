import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kpis, loadSample, open } from './helpers';

/**
 * The browser (DuckDB-WASM) and the command line (native DuckDB) run the same ingest and analysis
 * code on different engines: on the same file they must show the same numbers.
 */
const CASES = [
	{ sample: 'online-retail' as const, file: 'static/samples/online-retail-sample.csv.gz' },
	{ sample: 'b2b' as const, file: 'static/samples/b2b-sales.csv' }
];

for (const { sample, file } of CASES) {
	test(`the browser shows the command line's KPIs for ${path.basename(file)}`, async ({ page }) => {
		const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lens-parity-')), 'out.json');
		execFileSync('npx', ['tsx', 'src/cli/analyze.ts', file, '--json', out], { stdio: 'ignore', timeout: 120_000 });
		const cli = JSON.parse(fs.readFileSync(out, 'utf8')).kpis;

		const errors = await open(page);
		await loadSample(page, sample);
		const shown = await kpis(page);
		for (const metric of ['revenue', 'orders', 'aov', 'customers', 'units', 'products'] as const) {
			expect(shown[metric], metric).toBeCloseTo(cli[metric], 6);
		}
		expect(errors).toEqual([]);
	});
}
