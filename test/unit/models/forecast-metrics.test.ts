import { describe, expect, it } from 'vitest';
import {
	aicc,
	mase,
	meanAbsoluteError,
	naiveScale,
	seasonalNaiveForecast,
	smape
} from '../../../src/lib/models/forecast/metrics';
import { acf, detectSeasonality, seasonalIndices } from '../../../src/lib/models/forecast/seasonality';
import { mulberry32, normalSampler } from '../../../src/lib/models/forecast/random';

describe('accuracy measures', () => {
	it('sMAPE on a hand-worked pair', () => {
		// 200·10/210 = 9.52381, 200·20/380 = 10.52632 → mean 10.02506
		expect(smape([100, 200], [110, 180])).toBeCloseTo(10.025063, 5);
	});

	it('sMAPE counts 0 against 0 as a perfect forecast and 0 against x as 200', () => {
		expect(smape([0, 0], [0, 5])).toBe(100);
	});

	it('MAE and the naive scales on hand-worked arrays', () => {
		expect(meanAbsoluteError([1, 2, 3], [2, 2, 5])).toBe(1);
		// lag 1: |2−1|, |4−2|, |7−4| → mean 2
		expect(naiveScale([1, 2, 4, 7], 1)).toBe(2);
		// lag 3: |2−1|, |4−2|, |6−3| → mean 2
		expect(naiveScale([1, 2, 3, 2, 4, 6], 3)).toBe(2);
		expect(naiveScale([1, 2, 3], 3)).toBeNaN();
	});

	it('MASE scales by the seasonal naive MAE, falling back to lag 1 for a short history', () => {
		// seasonal scale 2 (above), errors 4 → 2
		expect(mase([5], [1], [1, 2, 3, 2, 4, 6], 3)).toBe(2);
		// history shorter than a season + 1: lag 1, scale (1 + 2)/2 = 1.5, error 3 → 2
		expect(mase([10], [7], [1, 2, 4], 12)).toBe(2);
		// flat history: no scale
		expect(mase([1], [2], [3, 3, 3], 1)).toBeNaN();
	});

	it('seasonal naive repeats the last season, naive when shorter than a season', () => {
		expect(seasonalNaiveForecast([1, 2, 3, 4, 5, 6], 3, 4)).toEqual([4, 5, 6, 4]);
		expect(seasonalNaiveForecast([1, 2, 3], 12, 2)).toEqual([3, 3]);
	});

	it('AICc on a hand case and its undefined region', () => {
		// 100 + 2·3 + 2·3·4/(20 − 3 − 1) = 107.5
		expect(aicc(100, 3, 20)).toBeCloseTo(107.5, 12);
		expect(aicc(100, 5, 6)).toBe(Infinity);
	});
});

describe('seasonality', () => {
	it('autocorrelation of 1,2,3,4 by hand', () => {
		// deviations −1.5, −0.5, 0.5, 1.5; Σd² = 5
		// r1 = (0.75 − 0.25 + 0.75)/5 = 0.25, r2 = (−0.75 − 0.75)/5 = −0.3
		const r = acf([1, 2, 3, 4], 2);
		expect(r[0]).toBeCloseTo(0.25, 12);
		expect(r[1]).toBeCloseTo(-0.3, 12);
		expect(acf([5, 5, 5], 2)).toEqual([0, 0]);
	});

	it('a centred moving average recovers an additive pattern on a linear trend exactly', () => {
		const pattern = [1, -1, 2, -2];
		const y = Array.from({ length: 16 }, (_, t) => 10 + 0.5 * t + pattern[t % 4]);
		seasonalIndices(y, 4, 'additive').forEach((s, j) => expect(s).toBeCloseTo(pattern[j], 10));
	});

	it('recovers a multiplicative pattern on a constant level exactly', () => {
		const pattern = [1.2, 0.8, 1.1, 0.9];
		const y = Array.from({ length: 12 }, (_, t) => 50 * pattern[t % 4]);
		seasonalIndices(y, 4, 'multiplicative').forEach((s, j) => expect(s).toBeCloseTo(pattern[j], 10));
	});

	it('works for an odd period', () => {
		const pattern = [3, -1, -2];
		const y = Array.from({ length: 9 }, (_, t) => 7 + pattern[t % 3]);
		seasonalIndices(y, 3, 'additive').forEach((s, j) => expect(s).toBeCloseTo(pattern[j], 10));
	});

	it('detects a clear seasonal pattern but not white noise', () => {
		const normal = normalSampler(mulberry32(7));
		const seasonal = Array.from({ length: 72 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + normal());
		expect(detectSeasonality(seasonal, 12)).toBe(true);
		for (let seed = 1; seed <= 5; seed++) {
			const z = normalSampler(mulberry32(seed));
			const noise = Array.from({ length: 96 }, () => 100 + 10 * z());
			expect(detectSeasonality(noise, 12)).toBe(false);
		}
	});

	it('needs two full seasons', () => {
		const wave = (n: number) => Array.from({ length: n }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12));
		expect(detectSeasonality(wave(23), 12)).toBe(false);
		expect(detectSeasonality(wave(48), 12)).toBe(true);
		expect(detectSeasonality(wave(48), 1)).toBe(false);
	});
});
