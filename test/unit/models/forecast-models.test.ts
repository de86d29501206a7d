import { describe, expect, it } from 'vitest';
import {
	type EtsFit,
	type EtsParams,
	type EtsSpec,
	etsBands,
	etsPoint,
	evaluateEts,
	fitEts,
	isAdmissible
} from '../../../src/lib/models/forecast/ets';
import { Z80, Z95 } from '../../../src/lib/models/forecast/intervals';
import { thetaForecast } from '../../../src/lib/models/forecast/theta';
import { mulberry32, normalSampler } from '../../../src/lib/models/forecast/random';

/** A fitted model assembled by hand, to test forecasting from a known state. */
function handFit(spec: EtsSpec, params: EtsParams, state: EtsFit['state'], n: number, sigma2: number): EtsFit {
	return { spec, params, state, n, fitted: [], sigma2, minus2LogLik: 0, k: 0, aicc: 0 };
}

const NONE = { beta: 0, gamma: 0, phi: 1 };

describe('ETS recursions with fixed parameters', () => {
	it('simple exponential smoothing matches the recursion by hand', () => {
		// α = 0.5, ℓ0 = 10, y = 10, 12, 11, 15:
		// μ = 10 (e 0) → ℓ 10; μ = 10 (e 2) → ℓ 11; μ = 11 (e 0) → ℓ 11; μ = 11 (e 4) → ℓ 13
		const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N', period: 1 };
		const r = evaluateEts([10, 12, 11, 15], spec, { alpha: 0.5, ...NONE }, { level: 10, trend: 0, season: [0] });
		expect(r).not.toBeNull();
		expect(r!.fitted).toEqual([10, 10, 11, 11]);
		expect(r!.errors).toEqual([0, 2, 0, 4]);
		expect(r!.state.level).toBe(13);
		// n·log(Σe²) = 4·log(20)
		expect(r!.minus2LogLik).toBeCloseTo(4 * Math.log(20), 12);
	});

	it('multiplicative error changes the likelihood, not the smoothing', () => {
		const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N', period: 1 };
		const r = evaluateEts([10, 12, 11, 15], spec, { alpha: 0.5, ...NONE }, { level: 10, trend: 0, season: [0] });
		// relative errors 0, 0.2, 0, 4/11; criterion n·log(Σε²) + 2·Σ log μ
		const sumSq = 0.04 + (4 / 11) ** 2;
		expect(r!.errors[1]).toBeCloseTo(0.2, 12);
		expect(r!.state.level).toBe(13);
		expect(r!.minus2LogLik).toBeCloseTo(4 * Math.log(sumSq) + 2 * (2 * Math.log(10) + 2 * Math.log(11)), 10);
	});

	it('additive Holt–Winters by hand', () => {
		// ℓ0 10, b0 1, seasons (pos 0) 2, (pos 1) −2; α .5, β .2, γ .3; y = 13, 10, 16
		// t0: μ 11+2 = 13, e 0; t1: μ 12−2 = 10, e 0; t2: μ 13+2 = 15, e 1
		//     → ℓ 13.5, b 1.2, s(pos 0) 2.3
		const spec: EtsSpec = { error: 'A', trend: 'A', season: 'A', period: 2 };
		const params = { alpha: 0.5, beta: 0.2, gamma: 0.3, phi: 1 };
		const r = evaluateEts([13, 10, 16], spec, params, { level: 10, trend: 1, season: [2, -2] });
		expect(r!.fitted).toEqual([13, 10, 15]);
		expect(r!.state.level).toBeCloseTo(13.5, 12);
		expect(r!.state.trend).toBeCloseTo(1.2, 12);
		expect(r!.state.season[0]).toBeCloseTo(2.3, 12);
		expect(r!.state.season[1]).toBeCloseTo(-2, 12);
		// h=1 → position 1: 13.5 + 1.2 − 2 = 12.7; h=2 → position 0: 13.5 + 2.4 + 2.3 = 18.2
		const point = etsPoint(handFit(spec, params, r!.state, 3, 1), 2);
		expect(point[0]).toBeCloseTo(12.7, 12);
		expect(point[1]).toBeCloseTo(18.2, 12);
	});

	it('ETS(M,N,M) follows the multiplicative table form ℓ(1+αε), s(1+γε)', () => {
		// Hyndman et al. (2008) table 2.3, computed independently of the error-correction form.
		const spec: EtsSpec = { error: 'M', trend: 'N', season: 'M', period: 2 };
		const params = { alpha: 0.5, beta: 0, gamma: 0.2, phi: 1 };
		const y = [13.2, 8];
		let l = 10;
		const s = [1.2, 0.8];
		for (let t = 0; t < y.length; t++) {
			const eps = (y[t] - l * s[t % 2]) / (l * s[t % 2]);
			s[t % 2] *= 1 + params.gamma * eps;
			l *= 1 + params.alpha * eps;
		}
		const r = evaluateEts(y, spec, params, { level: 10, trend: 0, season: [1.2, 0.8] });
		expect(r!.state.level).toBeCloseTo(l, 12);
		expect(r!.state.season[0]).toBeCloseTo(s[0], 12);
		expect(r!.state.season[1]).toBeCloseTo(s[1], 12);
	});

	it('is undefined when a multiplicative model meets a non-positive forecast', () => {
		const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N', period: 1 };
		expect(evaluateEts([1, 2], spec, { alpha: 0.5, ...NONE }, { level: -1, trend: 0, season: [0] })).toBeNull();
	});

	it('damped trend forecasts add φ + φ² + … + φ^h trend steps', () => {
		const spec: EtsSpec = { error: 'A', trend: 'Ad', season: 'N', period: 1 };
		const fit = handFit(spec, { alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.9 }, { level: 100, trend: 10, season: [0] }, 5, 1);
		let steps = 0;
		etsPoint(fit, 6).forEach((p, i) => {
			steps += 0.9 ** (i + 1);
			expect(p).toBeCloseTo(100 + 10 * steps, 10);
		});
	});
});

describe('ETS forecast variances', () => {
	it('ETS(A,N,N): σ²·(1 + (h−1)α²), the variance of ε_{n+h} + α·Σ earlier innovations', () => {
		const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N', period: 1 };
		const fit = handFit(spec, { alpha: 0.5, ...NONE }, { level: 20, trend: 0, season: [0] }, 10, 4);
		const point = etsPoint(fit, 3);
		const b = etsBands(fit, point);
		[1, 1.25, 1.5].forEach((factor, i) => {
			expect(b.hi80[i] - point[i]).toBeCloseTo(Z80 * Math.sqrt(4 * factor), 10);
			expect(point[i] - b.lo95[i]).toBeCloseTo(Z95 * Math.sqrt(4 * factor), 10);
		});
	});

	it('ETS(A,A,N): each past innovation enters with weight α + jβ', () => {
		const spec: EtsSpec = { error: 'A', trend: 'A', season: 'N', period: 1 };
		const fit = handFit(spec, { alpha: 0.4, beta: 0.1, gamma: 0, phi: 1 }, { level: 20, trend: 1, season: [0] }, 10, 1);
		const point = etsPoint(fit, 3);
		const b = etsBands(fit, point);
		// h=3: 1 + (0.4 + 0.1)² + (0.4 + 0.2)² = 1.61
		expect(b.hi95[2] - point[2]).toBeCloseTo(Z95 * Math.sqrt(1.61), 10);
	});

	it('ETS(M,N,N): v_h = ℓ²·[(1+σ²)(1+α²σ²)^(h−1) − 1]', () => {
		// y_{n+h} = ℓ_{n+h−1}(1+ε) with E[ℓ²_{n+h−1}] = ℓ²(1+α²σ²)^(h−1).
		const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N', period: 1 };
		const sigma2 = 0.01;
		const fit = handFit(spec, { alpha: 0.3, ...NONE }, { level: 50, trend: 0, season: [0] }, 10, sigma2);
		const point = etsPoint(fit, 4);
		const b = etsBands(fit, point);
		for (let h = 1; h <= 4; h++) {
			const v = 2500 * ((1 + sigma2) * (1 + 0.09 * sigma2) ** (h - 1) - 1);
			expect(b.hi80[h - 1] - point[h - 1]).toBeCloseTo(Z80 * Math.sqrt(v), 8);
		}
	});

	it('multiplicative seasonality: simulated bands close to the no-seasonal-noise approximation', () => {
		// With γ → 0 the seasonal state is fixed, so ETS(M,N,M) is ETS(M,N,N) times s.
		const spec: EtsSpec = { error: 'M', trend: 'N', season: 'M', period: 2 };
		const sigma2 = 0.0025;
		const fit = handFit(spec, { alpha: 0.3, beta: 0, gamma: 1e-9, phi: 1 }, { level: 100, trend: 0, season: [1.5, 0.5] }, 10, sigma2);
		const point = etsPoint(fit, 4);
		expect(point).toEqual([150, 50, 150, 50]);
		const b = etsBands(fit, point);
		for (let h = 1; h <= 4; h++) {
			const s = h % 2 === 1 ? 1.5 : 0.5;
			const sd = s * 100 * Math.sqrt((1 + sigma2) * (1 + 0.09 * sigma2) ** (h - 1) - 1);
			expect((b.hi95[h - 1] - b.lo95[h - 1]) / (2 * Z95 * sd)).toBeGreaterThan(0.93);
			expect((b.hi95[h - 1] - b.lo95[h - 1]) / (2 * Z95 * sd)).toBeLessThan(1.07);
		}
	});
});

/**
 * Independent forecastability check from first principles: build the discount matrix
 * D = F − g·w' of the additive seasonal model and look at D^k for large k. One eigenvalue is
 * always 1 (level and seasonal sum are not separately identified); the model is forecastable
 * when all others lie inside the unit circle, i.e. when D^k converges.
 */
function discountPowerDrift(p: EtsParams, trend: boolean, m: number): number {
	const dim = (trend ? 2 : 1) + m;
	const F = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
	const g = new Array<number>(dim).fill(0);
	const w = new Array<number>(dim).fill(0);
	const s0 = trend ? 2 : 1; // index of the newest seasonal state; the oldest (used next) is last
	F[0][0] = 1;
	w[0] = 1;
	g[0] = p.alpha;
	if (trend) {
		F[0][1] = p.phi;
		F[1][1] = p.phi;
		w[1] = p.phi;
		g[1] = p.beta;
	}
	F[s0][dim - 1] = 1;
	for (let i = s0 + 1; i < dim; i++) F[i][i - 1] = 1;
	w[dim - 1] = 1;
	g[s0] = p.gamma;
	const D = F.map((row, i) => row.map((v, j) => v - g[i] * w[j]));
	const mul = (A: number[][], B: number[][]) => A.map((row) => B[0].map((_, j) => row.reduce((s, v, k) => s + v * B[k][j], 0)));
	let P = D;
	for (let i = 0; i < 11; i++) P = mul(P, P); // D^2048
	const next = mul(P, D);
	return Math.max(...P.flatMap((row, i) => row.map((v, j) => Math.abs(next[i][j] - v))));
}

describe('admissibility', () => {
	it('agrees with the convergence of powers of the discount matrix', () => {
		const u = mulberry32(11);
		let checked = 0;
		let admissible = 0;
		for (let i = 0; i < 300; i++) {
			const trend = i % 3;
			const p: EtsParams = {
				alpha: u() * 1.5,
				beta: trend ? u() * 0.3 : 0,
				gamma: u() * 1.5,
				phi: trend === 2 ? 0.8 + 0.2 * u() : 1
			};
			const drift = discountPowerDrift(p, trend !== 0, 4);
			// Skip the near-boundary cases that 2048 steps cannot decide.
			if (drift > 1e-6 && drift < 1e3) continue;
			const spec: EtsSpec = { error: 'A', trend: trend === 0 ? 'N' : trend === 1 ? 'A' : 'Ad', season: 'A', period: 4 };
			expect(isAdmissible(p, spec)).toBe(drift <= 1e-6);
			checked++;
			if (drift <= 1e-6) admissible++;
		}
		expect(checked).toBeGreaterThan(200);
		expect(admissible).toBeGreaterThan(30);
		expect(checked - admissible).toBeGreaterThan(30);
	});
});

describe('ETS estimation', () => {
	it('extrapolates a linear trend with ETS(A,A,N)', () => {
		const z = normalSampler(mulberry32(3));
		const y = Array.from({ length: 40 }, (_, t) => 50 + 2 * (t + 1) + 0.01 * z());
		const fit = fitEts(y, { error: 'A', trend: 'A', season: 'N', period: 1 });
		expect(fit).not.toBeNull();
		etsPoint(fit!, 12).forEach((p, i) => expect(p).toBeCloseTo(50 + 2 * (41 + i), 0));
	});

	it('recovers α when data come from a local-level model', () => {
		// Innovations model ℓ_t = ℓ_{t−1} + α·ε_t with α = 0.3 and 400 observations.
		const z = normalSampler(mulberry32(5));
		let level = 100;
		const y: number[] = [];
		for (let t = 0; t < 400; t++) {
			const e = z();
			y.push(level + e);
			level += 0.3 * e;
		}
		const fit = fitEts(y, { error: 'A', trend: 'N', season: 'N', period: 1 });
		expect(fit!.params.alpha).toBeGreaterThan(0.2);
		expect(fit!.params.alpha).toBeLessThan(0.4);
		expect(fit!.sigma2).toBeGreaterThan(0.8);
		expect(fit!.sigma2).toBeLessThan(1.2);
		// AICc from its parts: k = α, ℓ0, σ → 3
		expect(fit!.k).toBe(3);
		expect(fit!.aicc).toBeCloseTo(fit!.minus2LogLik + 6 + (2 * 3 * 4) / (400 - 4), 10);
	});

	it('keeps fitted smoothing parameters inside the usual region', () => {
		const z = normalSampler(mulberry32(9));
		const y = Array.from({ length: 60 }, (_, t) => 100 + t + 10 * Math.sin((2 * Math.PI * t) / 12) + 3 * z());
		for (const spec of [
			{ error: 'A', trend: 'Ad', season: 'A', period: 12 },
			{ error: 'M', trend: 'Ad', season: 'M', period: 12 }
		] as EtsSpec[]) {
			const p = fitEts(y, spec)!.params;
			expect(p.alpha).toBeGreaterThan(0);
			expect(p.alpha).toBeLessThan(1);
			expect(p.beta).toBeLessThanOrEqual(p.alpha);
			expect(p.gamma).toBeLessThanOrEqual(1 - p.alpha);
			expect(p.phi).toBeGreaterThanOrEqual(0.8);
			expect(p.phi).toBeLessThanOrEqual(0.98);
			expect(isAdmissible(p, spec)).toBe(true);
		}
	});

	it('refuses a seasonal model with fewer than two seasons', () => {
		expect(fitEts(Array.from({ length: 20 }, (_, t) => t + 1), { error: 'A', trend: 'N', season: 'A', period: 12 })).toBeNull();
	});
});

describe('Theta', () => {
	it('on a straight line forecasts y_n + b·h/2 (mean of the θ=0 line and a flat θ=2 line)', () => {
		// θ=0 line: the regression line itself, y_n + b·h. θ=2 line: 2y − line = the line again,
		// whose SES forecast (α → 1) is flat at y_n. Their average: y_n + b·h/2.
		const y = Array.from({ length: 30 }, (_, t) => 5 + 2 * (t + 1));
		const f = thetaForecast(y, 1, false, 6)!;
		f.point.forEach((p, i) => expect(p).toBeCloseTo(65 + (i + 1), 2));
		expect(f.seasonal).toBe(false);
	});

	it('reseasonalises with the multiplicative indices', () => {
		// Constant level 100 times a known pattern: adjusted series is flat, so the forecast is the pattern.
		const pattern = [1.3, 0.7, 1.1, 0.9];
		const y = Array.from({ length: 24 }, (_, t) => 100 * pattern[t % 4]);
		const f = thetaForecast(y, 4, true, 8)!;
		expect(f.seasonal).toBe(true);
		f.point.forEach((p, i) => expect(p).toBeCloseTo(100 * pattern[(24 + i) % 4], 4));
	});
});
