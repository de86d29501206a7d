import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ForecastResult, forecast, seasonalNaiveForecast, smape } from '../../../src/lib/models/forecast/index';
import { mulberry32, normalSampler } from '../../../src/lib/models/forecast/random';
import { datasetPath, needDatasets } from '../../datasets';

const noise = (seed: number) => normalSampler(mulberry32(seed));

/** Every band nested around the point, everything finite. */
function expectWellFormed(r: ForecastResult, horizon: number): void {
	for (const key of ['forecast', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
		expect(r[key]).toHaveLength(horizon);
		r[key].forEach((v) => expect(Number.isFinite(v)).toBe(true));
	}
	r.fitted.forEach((v) => expect(Number.isFinite(v)).toBe(true));
	for (let h = 0; h < horizon; h++) {
		expect(r.lo95[h]).toBeLessThanOrEqual(r.lo80[h]);
		expect(r.lo80[h]).toBeLessThanOrEqual(r.forecast[h]);
		expect(r.forecast[h]).toBeLessThanOrEqual(r.hi80[h]);
		expect(r.hi80[h]).toBeLessThanOrEqual(r.hi95[h]);
	}
}

const width = (r: ForecastResult, h: number) => r.hi95[h] - r.lo95[h];

describe('forecast: degenerate inputs', () => {
	it('a constant series forecasts the constant with zero-width intervals', () => {
		const r = forecast({ values: new Array(40).fill(250), period: 12, horizon: 6 });
		expect(r.forecast).toEqual(new Array(6).fill(250));
		expect(r.lo95).toEqual(r.hi95);
		expect(r.lo80).toEqual(r.forecast);
		expect(r.method).toBe('Constant');
		expect(r.notes.some((n) => n.startsWith('constant-series'))).toBe(true);
	});

	it('three points: their mean, with Student-t intervals growing like √h', () => {
		// mean 20, sd 10; t(0.975, 2 df) = 4.302653 (table value); × sd × √(1 + 1/3)
		const r = forecast({ values: [10, 20, 30], period: 12, horizon: 4 });
		expect(r.method).toBe('Mean');
		expect(r.forecast).toEqual([20, 20, 20, 20]);
		expect(r.hi95[0] - 20).toBeCloseTo(4.302653 * 10 * Math.sqrt(4 / 3), 4);
		expect(r.hi95[3] - 20).toBeCloseTo(2 * 4.302653 * 10 * Math.sqrt(4 / 3), 4);
		expect(r.backtest).toBeNull();
		expect(r.notes.some((n) => n.startsWith('very-short-series'))).toBe(true);
		expectWellFormed(r, 4);
	});

	it('one and two points still give finite, nested intervals', () => {
		expectWellFormed(forecast({ values: [100], period: 12, horizon: 3 }), 3);
		const two = forecast({ values: [100, 120], period: 12, horizon: 3 });
		// t(0.9, 1 df) = tan(0.4π) = 3.077684
		expect(two.hi80[0] - 110).toBeCloseTo(3.077684 * Math.SQRT2 * 10 * Math.sqrt(1.5), 4);
		expectWellFormed(two, 3);
	});

	it('rejects invalid input', () => {
		expect(() => forecast({ values: [], period: 12 })).toThrow(RangeError);
		expect(() => forecast({ values: [5], period: 12, partialLast: true })).toThrow(RangeError);
		expect(() => forecast({ values: [1, NaN, 3], period: 12 })).toThrow(TypeError);
		expect(() => forecast({ values: [1, 2, 3], period: 0 })).toThrow(RangeError);
		expect(() => forecast({ values: [1, 2, 3], period: 12, horizon: 0 })).toThrow(RangeError);
		expect(() => forecast({ values: [1, 2, 3], period: 12, horizon: 37 })).toThrow(RangeError);
		expect(() => forecast({ values: [1, 2, 3], period: 12, horizon: 2.5 })).toThrow(RangeError);
	});

	it('defaults to a 12-period horizon', () => {
		expect(forecast({ values: [1, 3, 2, 4, 3, 5, 4, 6], period: 12 }).forecast).toHaveLength(12);
	});
});

describe('forecast: structure in the data', () => {
	it('continues a linear trend (between flat and full extrapolation; the ETS member on the line)', () => {
		const z = noise(21);
		const y = Array.from({ length: 48 }, (_, t) => 200 + 5 * (t + 1) + 0.5 * z());
		const r = forecast({ values: y, period: 12, horizon: 12, backtest: false });
		expectWellFormed(r, 12);
		expect(r.seasonal).toBe(false);
		for (let h = 1; h <= 12; h++) {
			const line = 200 + 5 * (48 + h);
			// Theta extrapolates half the slope, damped ETS less than all of it: the combination lies below the line.
			expect(r.forecast[h - 1]).toBeGreaterThan(y[47] + 5 * h * 0.4);
			expect(r.forecast[h - 1]).toBeLessThanOrEqual(line + 1);
			expect(r.components[0].forecast[h - 1]).toBeCloseTo(line, -0.5);
		}
		expect(r.components[0].method).toMatch(/^ETS\([AM],A,N\)$/);
	});

	it('recovers a multiplicative seasonal pattern', () => {
		const pattern = [0.7, 0.75, 0.9, 1.0, 1.1, 1.2, 1.3, 1.25, 1.05, 0.95, 0.9, 0.9];
		const z = noise(8);
		const truth = (t: number) => (1000 + 5 * t) * pattern[t % 12];
		const y = Array.from({ length: 96 }, (_, t) => truth(t) * (1 + 0.01 * z()));
		const r = forecast({ values: y, period: 12, horizon: 12, backtest: false });
		expect(r.seasonal).toBe(true);
		expect(r.notes.some((n) => n.startsWith('theta-seasonality: ACF test at lag 12 significant'))).toBe(true);
		const future = Array.from({ length: 12 }, (_, h) => truth(96 + h));
		expect(smape(future, r.forecast)).toBeLessThan(2);
		expectWellFormed(r, 12);
	});

	it('finds no seasonality in white noise', () => {
		for (let seed = 1; seed <= 4; seed++) {
			const z = noise(100 + seed);
			const y = Array.from({ length: 96 }, () => 500 + 50 * z());
			const r = forecast({ values: y, period: 12, horizon: 12, backtest: false });
			expect(r.seasonal).toBe(false);
			expect(r.notes.some((n) => n.startsWith('theta-seasonality: ACF test at lag 12 not significant'))).toBe(true);
			// Forecasts of noise stay near its mean.
			r.forecast.forEach((f) => expect(Math.abs(f - 500)).toBeLessThan(50));
		}
	});

	it('uses only non-seasonal models below two full seasons', () => {
		const y = Array.from({ length: 20 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12) + t);
		const r = forecast({ values: y, period: 12, horizon: 6 });
		expect(r.seasonal).toBe(false);
		expect(r.notes.some((n) => n.startsWith('short-for-seasonality'))).toBe(true);
		expectWellFormed(r, 6);
	});

	it('handles weekly data with period 52', () => {
		const z = noise(4);
		const wave = (t: number) => 300 + 80 * Math.cos((2 * Math.PI * t) / 52);
		const y = Array.from({ length: 260 }, (_, t) => wave(t) + 10 * z());
		const r = forecast({ values: y, period: 52, horizon: 26, backtest: false });
		expect(r.seasonal).toBe(true);
		const truth = Array.from({ length: 26 }, (_, h) => wave(260 + h));
		expect(smape(truth, r.forecast)).toBeLessThan(5);
		expectWellFormed(r, 26);
	});
});

describe('forecast: sign and completeness of the data', () => {
	it('negative values: additive models only, and forecasts may go below zero', () => {
		const z = noise(31);
		const y = Array.from({ length: 60 }, (_, t) => 50 - 1.5 * t + 8 * z());
		expect(y.some((v) => v < 0)).toBe(true);
		const r = forecast({ values: y, period: 12, horizon: 12, backtest: false });
		expect(r.notes).toContain('non-positive-values: additive models only');
		for (const c of r.components) expect(c.method).not.toMatch(/M/);
		expect(r.forecast[11]).toBeLessThan(0);
		expectWellFormed(r, 12);
	});

	it('zeros in non-negative data: additive models, nothing below zero', () => {
		const z = noise(12);
		const y = Array.from({ length: 36 }, (_, t) => (t % 5 === 0 ? 0 : Math.max(0, 20 - 0.5 * t + 4 * z())));
		const r = forecast({ values: y, period: 12, horizon: 24, backtest: false });
		for (const c of r.components) expect(c.method).not.toMatch(/M/);
		for (const key of ['forecast', 'lo80', 'lo95'] as const) r[key].forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
		expectWellFormed(r, 24);
	});

	it('a partial last period is dropped from fitting and reported', () => {
		const z = noise(2);
		const full = Array.from({ length: 50 }, (_, t) => 100 + t + 5 * z());
		const withPartial = [...full, 20];
		const r = forecast({ values: withPartial, period: 12, horizon: 6, partialLast: true });
		const reference = forecast({ values: full, period: 12, horizon: 6 });
		expect(r.notes[0]).toBe('partial-last: last period excluded from fitting and backtest');
		expect(r.fitted).toHaveLength(50);
		expect(r.forecast).toEqual(reference.forecast);
		expect(r.backtest).toEqual(reference.backtest);
	});

	it('is deterministic', () => {
		const y = Array.from({ length: 40 }, (_, t) => 100 * (1 + 0.3 * Math.sin(t)) + t);
		expect(forecast({ values: y, period: 12 })).toEqual(forecast({ values: y, period: 12 }));
	});
});

describe('forecast: intervals', () => {
	const cases: [string, number[], number][] = [
		['noise', Array.from({ length: 60 }, (_, t) => 100 + 10 * Math.sin(7 * t)), 12],
		['trend', Array.from({ length: 40 }, (_, t) => 100 + 2 * t + 3 * Math.cos(5 * t)), 12],
		['seasonal', Array.from({ length: 84 }, (_, t) => (200 + t) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)) + 4 * Math.sin(11 * t)), 12],
		['short', [5, 7, 6, 9, 8], 12]
	];
	for (const [name, y, period] of cases) {
		it(`nest and widen with the horizon (${name})`, () => {
			const r = forecast({ values: y, period, horizon: 36, backtest: false });
			expectWellFormed(r, 36);
			for (let h = 1; h < 36; h++) {
				// Seasonal models scale the spread with the seasonal factor: compare a season apart.
				if (r.seasonal) {
					if (h + period - 1 < 36) expect(width(r, h + period - 1)).toBeGreaterThanOrEqual(width(r, h - 1) * (1 - 1e-9));
				} else expect(width(r, h)).toBeGreaterThanOrEqual(width(r, h - 1) * (1 - 1e-9));
			}
			expect(width(r, 35)).toBeGreaterThan(width(r, 0));
		});
	}
});

describe('forecast: backtest', () => {
	it('reports rolling-origin errors; a trending seasonal series beats the seasonal naive', () => {
		const z = noise(17);
		const y = Array.from({ length: 96 }, (_, t) => 500 + 4 * t + 60 * Math.sin((2 * Math.PI * t) / 12) + 5 * z());
		const r = forecast({ values: y, period: 12, horizon: 12 });
		expect(r.backtest).not.toBeNull();
		const b = r.backtest!;
		expect(b.origins).toBe(4);
		expect(b.horizon).toBe(12);
		// The seasonal naive misses one year of trend, 48, at every step: its MASE ≈ 48/48 = 1.
		expect(b.naiveMase).toBeGreaterThan(0.8);
		expect(b.mase).toBeLessThan(b.naiveMase);
		expect(b.smape).toBeLessThan(b.naiveSmape);
	});

	it('is unavailable for a very short series, and can be switched off', () => {
		const r = forecast({ values: [3, 5, 4, 6], period: 12, horizon: 3 });
		expect(r.backtest).toBeNull();
		expect(r.notes).toContain('backtest-unavailable: series too short or flat');
		const off = forecast({ values: [3, 5, 4, 6, 5, 7, 6, 8], period: 12, horizon: 3, backtest: false });
		expect(off.backtest).toBeNull();
		expect(off.notes.some((n) => n.startsWith('backtest'))).toBe(false);
	});
});

const airPassengers = needDatasets('airpassengers.csv');
describe.skipIf(airPassengers.missing)(airPassengers.title('forecast: AirPassengers'), () => {
	it('beats the seasonal naive forecast on a 12-month holdout', () => {
		const file = datasetPath('airpassengers.csv');
		const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1);
		const y = rows.map((r) => Number(r.split(',')[1]));
		expect(y).toHaveLength(144);
		const train = y.slice(0, 132);
		const test = y.slice(132);
		const r = forecast({ values: train, period: 12, horizon: 12, backtest: false });
		expect(r.seasonal).toBe(true);
		const ours = smape(test, r.forecast);
		const naive = smape(test, seasonalNaiveForecast(train, 12, 12));
		expect(ours).toBeLessThan(naive);
		// The 95% band should cover most of the holdout.
		const covered = test.filter((v, h) => v >= r.lo95[h] && v <= r.hi95[h]).length;
		expect(covered).toBeGreaterThanOrEqual(10);
	});
});

describe('forecast: arbitrary input', () => {
	it('never throws on finite input, never returns NaN, always nests its bands', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
					fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 60 }),
					fc.array(fc.constantFrom(0, 0, 1e-9, 1e9), { minLength: 1, maxLength: 40 })
				),
				fc.constantFrom(1, 4, 12),
				fc.integer({ min: 1, max: 36 }),
				(values, period, horizon) => {
					const r = forecast({ values, period, horizon, backtest: false });
					expectWellFormed(r, horizon);
					if (values.every((v) => v >= 0)) expect(Math.min(...r.lo95)).toBeGreaterThanOrEqual(0);
				}
			),
			{ numRuns: 80, seed: 42 }
		);
	});
});
