/** Accuracy measures and information criteria shared by model selection, backtest and benchmark. */

/**
 * Symmetric MAPE in percent, as scored in the M3 competition: mean of 200·|y−ŷ|/(|y|+|ŷ|).
 * A term with y = ŷ = 0 is a perfect forecast and counts as 0 rather than 0/0.
 */
export function smape(actual: readonly number[], predicted: readonly number[]): number {
	if (actual.length !== predicted.length || actual.length === 0) {
		throw new RangeError('smape: arrays must be non-empty and of equal length');
	}
	let sum = 0;
	for (let i = 0; i < actual.length; i++) {
		const denom = Math.abs(actual[i]) + Math.abs(predicted[i]);
		if (denom > 0) sum += (200 * Math.abs(actual[i] - predicted[i])) / denom;
	}
	return sum / actual.length;
}

export function meanAbsoluteError(actual: readonly number[], predicted: readonly number[]): number {
	if (actual.length !== predicted.length || actual.length === 0) {
		throw new RangeError('meanAbsoluteError: arrays must be non-empty and of equal length');
	}
	let sum = 0;
	for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - predicted[i]);
	return sum / actual.length;
}

/**
 * In-sample MAE of the naive forecast with the given lag (lag = period → seasonal naive).
 * This is the MASE denominator; it is undefined (NaN) when the history is not longer than the lag.
 */
export function naiveScale(history: readonly number[], lag: number): number {
	if (history.length <= lag) return NaN;
	let sum = 0;
	for (let t = lag; t < history.length; t++) sum += Math.abs(history[t] - history[t - lag]);
	return sum / (history.length - lag);
}

/** The seasonal lag to scale by: the period when the history covers more than one season, else 1. */
export function scaleLag(historyLength: number, period: number): number {
	return period > 1 && historyLength > period ? period : 1;
}

/** Mean absolute scaled error (Hyndman & Koehler 2006); NaN when the scale is zero or undefined. */
export function mase(actual: readonly number[], predicted: readonly number[], history: readonly number[], period: number): number {
	const scale = naiveScale(history, scaleLag(history.length, period));
	if (!(scale > 0)) return NaN;
	return meanAbsoluteError(actual, predicted) / scale;
}

/** Forecasts of the seasonal naive method (naive when the history is shorter than a season). */
export function seasonalNaiveForecast(history: readonly number[], period: number, horizon: number): number[] {
	const n = history.length;
	if (n === 0) throw new RangeError('seasonalNaiveForecast: empty history');
	const lag = period > 1 && n >= period ? period : 1;
	const out: number[] = [];
	for (let h = 1; h <= horizon; h++) {
		out.push(history[n - 1 + h - lag * Math.ceil(h / lag)]);
	}
	return out;
}

/**
 * Empirical coverage of a prediction interval: the share of actual values with lo ≤ y ≤ hi
 * (the bounds count as inside). A well-calibrated 80% interval scores near 0.8 over many points.
 */
export function intervalCoverage(actual: readonly number[], lo: readonly number[], hi: readonly number[]): number {
	if (actual.length === 0 || lo.length !== actual.length || hi.length !== actual.length) {
		throw new RangeError('intervalCoverage: arrays must be non-empty and of equal length');
	}
	let inside = 0;
	for (let i = 0; i < actual.length; i++) if (lo[i] <= actual[i] && actual[i] <= hi[i]) inside++;
	return inside / actual.length;
}

/**
 * Corrected Akaike information criterion from −2·log-likelihood, k estimated parameters and n observations.
 * Infinite when n − k − 1 ≤ 0: such a model has too many parameters to be compared fairly.
 */
export function aicc(minus2LogLik: number, k: number, n: number): number {
	if (n - k - 1 <= 0) return Infinity;
	return minus2LogLik + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}
