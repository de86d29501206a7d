/**
 * The Kaggle sales_data_sample.csv headline through the shipped ingest and analyses, checked two
 * ways: against the figures stated in issue 8 (worked out on the file by hand: every line of the
 * 4 orders with status `Cancelled` leaves the money) and against a plain TypeScript parse of the
 * file (test/plain-csv.ts), which shares no SQL with the app.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAll, type AnalysisResults } from '../../../../src/lib/analyses/index';
import type { Engine } from '../../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import { suggestMapping } from '../../../../src/lib/ingest/automap';
import { buildCanonical } from '../../../../src/lib/ingest/build';
import { datasetPath, needDatasets } from '../../../datasets';
import { plainKpis, readRows } from '../../../plain-csv';
import { loadPaths } from '../../ingest/helpers';

const data = needDatasets('sales_data_sample.csv');
const FILE = datasetPath('sales_data_sample.csv');

describe.skipIf(data.missing)(data.title('sales_data_sample.csv headline'), () => {
	let engine: Engine;
	let r: AnalysisResults;
	beforeAll(async () => {
		engine = await createWasmNodeEngine();
		const loaded = await loadPaths(engine, [FILE]);
		await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
		r = await runAll(engine);
	}, 120_000);
	afterAll(async () => engine?.close());

	it('leaves the status-cancelled orders out of the money and keeps them in the status breakdown', () => {
		if (!r.kpis.available || !r.dataQuality.available || !r.status.available) throw new Error('unavailable');
		expect(r.kpis.revenue).toBeCloseTo(9_838_141.37, 2);
		expect(r.kpis.orders).toBe(303);
		expect(r.kpis.units).toBe(97_029);
		expect(r.kpis.customers).toBe(92);
		// The file has no negative lines, so gross sales = net revenue.
		expect(r.kpis.grossSales).toBeCloseTo(9_838_141.37, 2);
		expect(r.dataQuality.leftOutCancelled.orders).toBe(4);
		expect(r.dataQuality.leftOutCancelled.lines).toBe(60);
		expect(r.dataQuality.leftOutCancelled.revenue).toBeCloseTo(194_487.48, 2);
		const cancelled = r.status.rows.find((s) => s.status === 'Cancelled')!;
		expect(cancelled.revenue).toBeCloseTo(194_487.48, 2);
		// Every money breakdown adds up to the same net revenue.
		for (const b of [r.products, r.countries, r.dealSize]) {
			if (!b.available) throw new Error('unavailable');
			expect(b.rows.reduce((s, x) => s + x.revenue, 0)).toBeCloseTo(9_838_141.37, 2);
		}
		if (!r.trend.available || !r.rfm.available || !r.cltv.available) throw new Error('unavailable');
		expect(r.trend.months.reduce((s, m) => s + m.revenue, 0)).toBeCloseTo(9_838_141.37, 2);
		expect(r.rfm.segments.reduce((s, x) => s + x.revenue, 0)).toBeCloseTo(9_838_141.37, 2);
		expect(r.cltv.revenue).toBeCloseTo(9_838_141.37, 2);
	});

	it('agrees with a plain parse of the file', () => {
		if (!r.kpis.available || !r.dataQuality.available) throw new Error('unavailable');
		const p = plainKpis(readRows(readFileSync(FILE, 'latin1')), {
			order: 'ORDERNUMBER',
			customer: 'CUSTOMERNAME',
			quantity: 'QUANTITYORDERED',
			revenue: 'SALES',
			status: 'STATUS'
		});
		expect(r.kpis.revenue).toBeCloseTo(p.revenue, 6);
		expect(r.kpis.orders).toBe(p.orders);
		expect(r.kpis.units).toBe(p.units);
		expect(r.kpis.customers).toBe(p.customers);
		expect(r.kpis.aov!).toBeCloseTo(p.aov, 6);
		expect(r.dataQuality.leftOutCancelled.revenue).toBeCloseTo(p.leftOut, 6);
	});
});
