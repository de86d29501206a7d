import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { runAnalysis } from '../../../../src/lib/analyses/index';
import { TREND_LINES } from '../../../fixtures/analyses/lines';
import { loadTransactions, type Line } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

describe('sales trend (worked by hand on TREND_LINES)', () => {
	it('marks partial months and keeps them out of peak, lowest, growth and seasonality', async () => {
		await loadTransactions(engine, TREND_LINES);
		const t = await runAnalysis('trend', engine);
		if (!t.available) throw new Error(t.reason);
		expect(t.months.map((m) => [m.month, m.revenue, m.orders, m.customers, m.partial])).toEqual([
			['2023-01', 50, 1, 1, true],
			['2023-02', 100, 1, 1, false],
			['2023-03', 120, 1, 1, false],
			['2023-04', 90, 1, 1, false],
			['2023-05', 0, 0, 0, false],
			['2023-06', 150, 1, 1, false],
			['2023-07', 200, 1, 1, false],
			['2023-08', 100, 1, 1, false],
			['2023-09', 100, 1, 1, false],
			['2023-10', 100, 1, 1, false],
			['2023-11', 100, 1, 1, false],
			['2023-12', 300, 2, 1, false],
			['2024-01', 200, 1, 1, false],
			['2024-02', 100, 1, 1, false],
			['2024-03', 40, 1, 1, true]
		]);
		expect([t.partialFirst, t.partialLast, t.completeMonths]).toEqual([true, true, 13]);
		expect(t.peak).toEqual({ month: '2023-12', revenue: 300 });
		expect(t.lowest).toEqual({ month: '2023-05', revenue: 0 });
		// Growths: .2, −.25, −1, (May→Jun: previous 0, none), 1/3, −.5, 0, 0, 0, 2, −1/3, −.5 → sum −0.05 over 11.
		expect(t.months[1].growth).toBeNull();
		expect(t.months[5].growth).toBeNull();
		expect(t.months[2].growth).toBeCloseTo(0.2, 12);
		expect(t.months[14].growth).toBeNull();
		expect(t.averageGrowth).toBeCloseTo(-0.05 / 11, 12);
		// Complete months 2023-02 (100) … 2024-02 (100), 12 steps apart: compound growth 0.
		expect(t.compoundGrowth).toEqual({ from: '2023-02', to: '2024-02', rate: 0 });
		expect(t.lastTwelveGrowth).toBeNull();
		// Mann–Kendall on 100,120,90,0,150,200,100,100,100,100,300,200,100: per value, later higher − later lower:
		// 3, −3, 8, 9, −2, −4, 2, 2, 2, 2, −2, −1 → S = 16. Ties: six 100s, two 200s →
		// Var = (13·12·31 − 6·5·17 − 2·1·9) / 18 = 4308 / 18; z = 15 / √(4308/18) ≈ 0.97: no clear trend.
		expect(t.direction).toEqual({ method: 'mann-kendall', months: 13, s: 16, z: expect.closeTo(15 / Math.sqrt(4308 / 18), 12), direction: 'none' });
		// Mean over the 13 complete months = 1660/13. Jan: only 2024-01 (200) is complete.
		const mean = 1660 / 13;
		const s = Object.fromEntries(t.seasonality.map((x) => [x.month, x]));
		expect(s[1].index).toBeCloseTo(200 / mean, 12);
		expect(s[1].completeMonths).toBe(1);
		expect(s[2].index).toBeCloseTo(100 / mean, 12);
		expect(s[2].completeMonths).toBe(2);
		expect(s[3].index).toBeCloseTo(120 / mean, 12);
		expect(s[5].index).toBe(0);
		expect(s[12].index).toBeCloseTo(300 / mean, 12);
	});

	it('forecasts weekly when the history is short, passing the partial last week', async () => {
		const f = await runAnalysis('forecast', engine);
		if (!f.available) throw new Error(f.reason);
		expect(f.granularity).toBe('week');
		expect(f.period).toBe(52);
		// 2023-01-15 is a Sunday: its week (Mon 2023-01-09) is partial and dropped. 2024-03-10 is a Sunday: the last week is complete.
		expect(f.history[0]).toEqual({ label: '2023-01-16', value: 0, partial: false });
		expect(f.history.at(-1)).toEqual({ label: '2024-03-04', value: 40, partial: false });
		expect(f.partialLast).toBe(false);
		// 12 months × 4.35 = 52 weeks, capped at the model's 36.
		expect(f.horizon).toBe(36);
		expect(f.notes.some((n) => n.startsWith('horizon-capped'))).toBe(true);
		expect(f.forecast).toHaveLength(36);
		expect(f.labels[0]).toBe('2024-03-11');
		expect(f.labels[1]).toBe('2024-03-18');
	});

	it('forecasts monthly with 24+ complete months and a partial last month', async () => {
		// 30 months 2021-01 … 2023-06 at 100 + month index, last order on 2023-06-20 (partial June).
		const lines: Line[] = Array.from({ length: 30 }, (_, i) => {
			const y = 2021 + Math.floor(i / 12);
			const m = (i % 12) + 1;
			return { order: `m${i}`, customer: 'z', ts: `${y}-${String(m).padStart(2, '0')}-${i === 0 ? '01' : '20'}`, revenue: 100 + i };
		});
		await loadTransactions(engine, lines);
		const f = await runAnalysis('forecast', engine, { forecastHorizon: 6 });
		if (!f.available) throw new Error(f.reason);
		expect(f.granularity).toBe('month');
		expect(f.period).toBe(12);
		expect(f.history).toHaveLength(30);
		expect(f.partialLast).toBe(true);
		expect(f.history.at(-1)).toEqual({ label: '2023-06', value: 129, partial: true });
		expect(f.forecast).toHaveLength(6);
		// The partial month is left out of fitting, so the first forecast is for June itself.
		expect(f.labels).toEqual(['2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11']);
		expect(f.notes).toContain('partial-last: last period excluded from fitting and backtest');
	});
});
