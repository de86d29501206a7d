import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import type { Engine } from '../../../src/lib/engine/engine';
import { exportCustomers, runAnalyses } from '../../../src/lib/analyses/index';
import type { CustomerRow } from '../../../src/lib/analyses/index';
import { loadTransactions, type Line } from '../../fixtures/analyses/transactions';

/** Random order lines: a few customers (and guests), 60 days, quarter-unit amounts (exact in binary), C-prefixed cancellations. */
const lineArb: fc.Arbitrary<Line> = fc.record({
	order: fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'C1', 'C2'),
	customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', null),
	day: fc.integer({ min: 0, max: 59 }),
	quarters: fc.integer({ min: -200, max: 800 })
}).map(({ order, customer, day, quarters }) => ({
	order: `${order}-${customer ?? 'g'}-${day % 7}`,
	customer,
	ts: new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10),
	product: `P${day % 3}`,
	revenue: quarters / 4
}));
const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 40 });

function checkInvariants(lines: Line[], rows: CustomerRow[], bins: number, rfm: { customers: number; segments: { customers: number }[]; excludedCancelledOnly: { revenue: number } }) {
	// Every customer lands in exactly one segment.
	expect(rfm.segments.reduce((s, x) => s + x.customers, 0)).toBe(rfm.customers);
	expect(rows).toHaveLength(rfm.customers);
	// Monetary sums to the net revenue of identified customers (cancellation-only customers reported apart).
	const identified = lines.filter((l) => l.customer !== null).reduce((s, l) => s + (l.revenue ?? 0), 0);
	expect(rows.reduce((s, r) => s + r.monetary, 0) + rfm.excludedCancelledOnly.revenue).toBeCloseTo(identified, 9);
	for (const r of rows) for (const k of ['r', 'f', 'm'] as const) expect(r[k] >= 1 && r[k] <= bins && Number.isInteger(r[k])).toBe(true);
	// Equal values get equal scores, and a better value never a lower score.
	for (const x of rows)
		for (const y of rows) {
			if (x.recency_days === y.recency_days) expect(x.r).toBe(y.r);
			if (x.frequency === y.frequency) expect(x.f).toBe(y.f);
			if (x.monetary === y.monetary) expect(x.m).toBe(y.m);
			if (x.recency_days < y.recency_days) expect(x.r).toBeGreaterThanOrEqual(y.r);
			if (x.frequency > y.frequency) expect(x.f).toBeGreaterThanOrEqual(y.f);
			if (x.monetary > y.monetary) expect(x.m).toBeGreaterThanOrEqual(y.m);
		}
	// Churn risk follows recency, CLTV segments follow profit.
	for (const x of rows) expect(x.churned).toBe(x.recency_days > 90);
	for (const x of rows) for (const y of rows) if (x.cltv_profit === y.cltv_profit) expect(x.cltv_segment).toBe(y.cltv_segment);
}

for (const [label, create, runs] of [
	['native', createNativeEngine, 12],
	['wasm', createWasmNodeEngine, 4]
] as const) {
	describe(`properties (${label} engine)`, () => {
		let engine: Engine;
		beforeAll(async () => {
			engine = await create();
		});
		afterAll(async () => engine?.close());

		it('segments partition customers, monetary adds up, scores are in range and tie-consistent', async () => {
			await fc.assert(
				fc.asyncProperty(linesArb, fc.integer({ min: 2, max: 7 }), fc.constantFrom('standard' as const, 'simple' as const), async (lines, bins, scheme) => {
					await loadTransactions(engine, lines);
					const r = await runAnalyses(engine, { rfmBins: bins, rfmScheme: scheme }, ['rfm']);
					if (!r.rfm.available) {
						// Only when no customer has a non-cancelled order.
						expect(r.rfm.reason).toMatch(/customer/);
						return;
					}
					const rows = await exportCustomers(engine, { rfmBins: bins, rfmScheme: scheme });
					checkInvariants(lines, rows, bins, r.rfm);
				}),
				{ numRuns: runs, seed: 20240611 }
			);
		});

		it('shuffling the rows changes nothing', async () => {
			await fc.assert(
				fc.asyncProperty(linesArb.chain((l) => fc.tuple(fc.constant(l), fc.shuffledSubarray(l, { minLength: l.length, maxLength: l.length }))), async ([lines, shuffled]) => {
					const names = ['kpis', 'trend', 'rfm', 'cltv', 'churn', 'engagement', 'cohorts', 'unusualDays', 'products', 'dealSize'] as const;
					await loadTransactions(engine, lines);
					const a = await runAnalyses(engine, {}, names);
					const ca = await exportCustomers(engine, {});
					await loadTransactions(engine, shuffled);
					const b = await runAnalyses(engine, {}, names);
					const cb = await exportCustomers(engine, {});
					expect(b).toEqual(a);
					expect(cb).toEqual(ca);
				}),
				{ numRuns: Math.ceil(runs / 2), seed: 7 }
			);
		});
	});
}
