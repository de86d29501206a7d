import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import type { Engine } from '../../../src/lib/engine/engine';
import { runAll, withDefaults } from '../../../src/lib/analyses/index';
import type { AnalysisResults } from '../../../src/lib/analyses/index';
import { KPI_LINES } from '../../fixtures/analyses/lines';
import { loadTransactions } from '../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createNativeEngine();
});
afterAll(async () => engine?.close());

/** Analyses that failed with an error rather than saying why they cannot run. */
const crashed = (r: AnalysisResults) =>
	Object.entries(r).filter(([, v]) => v && typeof v === 'object' && 'reason' in v && String((v as { reason: string }).reason).startsWith('could not be computed'));

describe('edge cases never crash an analysis', () => {
	it('an empty scope', async () => {
		await loadTransactions(engine, KPI_LINES);
		const r = await runAll(engine, { filters: { ...withDefaults().filters, countries: ['Nowhere'] } });
		expect(crashed(r)).toEqual([]);
		expect(r.asOf).toBeNull();
		expect(r.kpis).toEqual({ available: false, reason: 'no order lines match the selected filters' });
		expect(r.dataQuality.available && r.dataQuality.lines).toBe(0);
	});

	it('no customer ids at all', async () => {
		await loadTransactions(engine, KPI_LINES.map((l) => ({ ...l, customer: null })));
		const r = await runAll(engine);
		expect(crashed(r)).toEqual([]);
		for (const k of ['rfm', 'cltv', 'churn', 'engagement', 'cohorts', 'clv'] as const) expect(r[k]).toEqual({ available: false, reason: 'needs a customer id column' });
		expect(r.kpis.available && r.kpis.customers).toBeNull();
		expect(r.trend.available).toBe(true);
	});

	it('an as-of date before every order, and one far after', async () => {
		await loadTransactions(engine, KPI_LINES);
		const before = await runAll(engine, { asOf: '2020-01-01' });
		expect(crashed(before)).toEqual([]);
		expect(before.rfm.available).toBe(false);
		const after = await runAll(engine, { asOf: '2030-01-01' });
		expect(crashed(after)).toEqual([]);
		expect(after.churn.available && after.churn.churnRate).toBe(1);
	});

	it('a single line on a single day', async () => {
		await loadTransactions(engine, [{ order: 'o1', customer: 'a', ts: '2024-05-05 10:00:00', product: 'P', qty: 1, price: 3 }]);
		const r = await runAll(engine);
		expect(crashed(r)).toEqual([]);
		expect(r.kpis.available && r.kpis.revenue).toBe(3);
		expect(r.rfm.available && r.rfm.segments.find((s) => s.customers === 1)?.segment).toBe('Lost');
		expect(r.forecast.available).toBe(false);
		expect(r.trend.available && r.trend.completeMonths).toBe(0);
	});

	it('rejects invalid parameters with a plain message', async () => {
		await expect(runAll(engine, { churnDays: -1 })).rejects.toThrow(/churn window/);
		await expect(runAll(engine, { rfmBins: 1 })).rejects.toThrow(/RFM bins/);
		await expect(runAll(engine, { margin: 1.5 })).rejects.toThrow(/margin/);
		await expect(runAll(engine, { asOf: '2024-02-30' })).rejects.toThrow(/as-of/);
	});
});
