import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { runAnalysis } from '../../../../src/lib/analyses/index';
import { detectUnusualDays } from '../../../../src/lib/analyses/unusualDays/compute';
import { UNUSUAL_LINES } from '../../../fixtures/analyses/lines';
import { loadTransactions } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
	await loadTransactions(engine, UNUSUAL_LINES);
});
afterAll(async () => engine?.close());

describe('unusual days', () => {
	it('finds the day planted in a weekly pattern', async () => {
		const u = await runAnalysis('unusualDays', engine);
		if (!u.available) throw new Error(u.reason);
		// 2024-01-01 (Mon) … 2024-02-24 (Sat): 55 days; the 7 Sundays have median 0 and are not scored.
		expect(u.days).toBe(55);
		expect(u.daysScored).toBe(48);
		expect(u.scale).toBe('mad');
		expect(u.weekdayMedians.map((w) => [w.weekday, Math.round(w.median * 1e9) / 1e9])).toEqual([
			[1, 100],
			[2, 110],
			[3, 120],
			[4, 130],
			[5, 140],
			[6, 50],
			[7, 0]
		]);
		// x = week factor everywhere except 600/120 = 5; median(x) = 1, MAD = 0.02 (24th/25th of the sorted |x − 1|).
		expect(u.unusual).toHaveLength(1);
		const d = u.unusual[0];
		expect(d.date).toBe('2024-01-24');
		expect(d.weekday).toBe(3);
		expect(d.revenue).toBe(600);
		expect(d.expected).toBeCloseTo(120, 9);
		expect(d.deviation).toBeCloseTo(4, 9);
		expect(d.z).toBeCloseTo(4 / (1.4826 * 0.02), 6);
		expect(d.direction).toBe('high');
	});

	it('falls back to the mean absolute deviation when the MAD is zero', () => {
		// 4 identical weeks of 100 a day and one day of 300: x = 1 except 3; MAD 0; meanAD = 2/28.
		const days = Array.from({ length: 28 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), revenue: i === 9 ? 300 : 100 }));
		const r = detectUnusualDays(days);
		expect(r.scale).toBe('meanad');
		expect(r.unusual.map((u) => u.date)).toEqual(['2024-01-10']);
		expect(r.unusual[0].z).toBeCloseTo(2 / (1.253314 * (2 / 28)), 9);
		// A low day is flagged as low.
		const low = detectUnusualDays(days.map((d, i) => (i === 9 ? { ...d, revenue: 10 } : d)));
		expect(low.unusual[0].direction).toBe('low');
		// A perfectly flat series has nothing unusual.
		expect(detectUnusualDays(days.map((d) => ({ ...d, revenue: 100 }))).unusual).toEqual([]);
	});
});
