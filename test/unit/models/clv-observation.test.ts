import { describe, expect, it } from 'vitest';
import { fitBgnbd, fitGammaGamma, summariseObservation, type CustomerSummary } from '../../../src/lib/models/clv';
import { CDNOW, cdnowSummaries, cdnowTransactions, dayNumber } from './clv-cdnow-data';

const relErr = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('summariseObservation', () => {
	it('ends the observation on the day before the as-of date, inclusive', () => {
		// 1997-01-01 … 1997-09-30 inclusive is 31+28+31+30+31+30+31+31+30 − 1 = 272 days after the first.
		const s = summariseObservation({ firstDay: dayNumber('19970101'), lastDay: dayNumber('19970801'), purchaseDays: 3 }, dayNumber('19971001'), 7);
		expect(s.frequency).toBe(2);
		expect(s.recency).toBeCloseTo(212 / 7, 12); // Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 = 212 days
		expect(s.T).toBeCloseTo(272 / 7, 12);
		expect(s.T.toFixed(2)).toBe('38.86'); // as in the published CDNOW summaries
	});

	it('gives a customer first seen on the last observed day age 0, and recency 0 without repeats', () => {
		expect(summariseObservation({ firstDay: 99, lastDay: 99, purchaseDays: 1 }, 100, 1)).toEqual({ frequency: 0, recency: 0, T: 0 });
	});

	it('refuses days on or after the as-of date and counts that do not fit the days', () => {
		expect(() => summariseObservation({ firstDay: 90, lastDay: 100, purchaseDays: 2 }, 100, 1)).toThrow(RangeError);
		expect(() => summariseObservation({ firstDay: 90, lastDay: 95, purchaseDays: 1 }, 100, 1)).toThrow(RangeError);
		expect(() => summariseObservation({ firstDay: 95, lastDay: 95, purchaseDays: 2 }, 100, 1)).toThrow(RangeError);
	});
});

describe.skipIf(CDNOW.missing)(CDNOW.title('CDNOW transactions with as-of 1997-10-01'), () => {
	const asOf = dayNumber('19971001');
	const byCustomer = new Map<string, Map<number, number>>();
	for (const t of !CDNOW.missing ? cdnowTransactions() : []) {
		if (t.day >= asOf) continue;
		const days = byCustomer.get(t.customer) ?? new Map<number, number>();
		byCustomer.set(t.customer, days);
		days.set(t.day, (days.get(t.day) ?? 0) + t.dollars);
	}
	const rows = [...byCustomer.values()].map((spend) => {
		const days = [...spend.keys()].sort((a, b) => a - b);
		const summary = summariseObservation({ firstDay: days[0], lastDay: days[days.length - 1], purchaseDays: days.length }, asOf, 7);
		const repeat = days.slice(1).map((d) => spend.get(d)!);
		return { ...summary, monetary: repeat.length ? repeat.reduce((a, b) => a + b, 0) / repeat.length : 0 };
	});

	it('rebuilds the published calibration summaries', () => {
		const published = cdnowSummaries();
		expect(rows).toHaveLength(published.length);
		const key = (c: CustomerSummary): string => `${c.frequency},${c.recency.toFixed(2)},${c.T.toFixed(2)}`;
		expect(rows.map(key).sort()).toEqual(published.map(key).sort());
	});

	it('reproduces the published BG/NBD and Gamma-Gamma fits within 0.5 %', () => {
		const bg = fitBgnbd(rows, { timeUnit: 'week' });
		if (!bg.ok) throw new Error(bg.reason);
		const expected = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
		for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(relErr(bg.fit[k], expected[k])).toBeLessThan(0.005);
		const gg = fitGammaGamma(rows.filter((r) => r.frequency > 0));
		if (!gg.ok) throw new Error(gg.reason);
		const spend = { p: 6.2488, q: 3.7446, v: 15.4478 };
		for (const k of ['p', 'q', 'v'] as const) expect(relErr(gg.fit[k], spend[k])).toBeLessThan(0.005);
	});
});
