import { describe, expect, it } from 'vitest';
import { rollingOriginBacktest, rollingOrigins } from '../../../src/lib/models/forecast/backtest';
import { intervalCoverage } from '../../../src/lib/models/forecast/metrics';

const lastValue = (history: number[], h: number): number[] => Array(h).fill(history[history.length - 1]);

describe('rolling origins', () => {
	const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

	it('steps back from the latest origin, each with a full horizon after it', () => {
		expect(rollingOrigins(y, 3, 3, 2, 3)).toEqual([
			{ origin: 7, history: [1, 2, 3, 4, 5, 6, 7], actual: [8, 9, 10] },
			{ origin: 5, history: [1, 2, 3, 4, 5], actual: [6, 7, 8] },
			{ origin: 3, history: [1, 2, 3], actual: [4, 5, 6] }
		]);
	});

	it('stops at the count or at the shortest history allowed', () => {
		expect(rollingOrigins(y, 3, 3, 2, 4).map((o) => o.origin)).toEqual([7, 5]);
		expect(rollingOrigins(y, 3, 1, 2, 0).map((o) => o.origin)).toEqual([7]);
		expect(rollingOrigins(y, 11, 3, 2, 0)).toEqual([]);
	});

	it('the product backtest scores each origin by hand-worked errors', () => {
		// n = 8, period 1, horizon 2: minimum history max(4, 8/2) = 4, H = min(2, 8/4, 8−4) = 2, step 1,
		// so origins 6, 5, 4. A last-value forecast misses by 1 and 2 at each; the lag-1 scale is 1.
		const r = rollingOriginBacktest([1, 2, 3, 4, 5, 6, 7, 8], 1, 2, lastValue);
		expect(r).not.toBeNull();
		expect(r!.origins).toBe(3);
		expect(r!.horizon).toBe(2);
		expect(r!.mase).toBeCloseTo(1.5, 12);
		// sMAPE terms 200·1/13, 200·2/14 | 200·1/11, 200·2/12 | 200·1/9, 200·2/10
		const smapes = [(200 / 13 + 400 / 14) / 2, (200 / 11 + 400 / 12) / 2, (200 / 9 + 400 / 10) / 2];
		expect(r!.smape).toBeCloseTo((smapes[0] + smapes[1] + smapes[2]) / 3, 10);
		// With period 1 the seasonal naive reference is the same last-value forecast.
		expect(r!.naiveMase).toBeCloseTo(1.5, 12);
		expect(r!.naiveSmape).toBeCloseTo(r!.smape, 12);
	});
});

describe('interval coverage', () => {
	it('counts the points inside, bounds included', () => {
		// inside: 1 ∈ [0,2], 2 ∈ [2,2]; outside: 3 < 3.5, 4 > 3, 5 < 6 → 2 of 5
		expect(intervalCoverage([1, 2, 3, 4, 5], [0, 2, 3.5, 0, 6], [2, 2, 4, 3, 7])).toBe(0.4);
		expect(intervalCoverage([10, 20], [0, 0], [100, 100])).toBe(1);
	});

	it('rejects arrays of different lengths', () => {
		expect(() => intervalCoverage([1, 2], [0], [3, 3])).toThrow(RangeError);
		expect(() => intervalCoverage([], [], [])).toThrow(RangeError);
	});
});
