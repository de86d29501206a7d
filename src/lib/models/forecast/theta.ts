/**
 * The standard Theta method of the M3 competition (Assimakopoulos & Nikolopoulos 2000), in the
 * equivalent form shown by Hyndman & Billah (2003): simple exponential smoothing with a drift
 * equal to half the slope of the linear trend, on seasonally adjusted data when the series is
 * seasonal, reseasonalised afterwards.
 */

import { etsPoint, fitEts } from './ets';
import { symmetricBands } from './intervals';
import { seasonalIndices } from './seasonality';
import type { ModelForecast } from './types';

/** Least-squares slope of x against time. */
export function linearSlope(x: readonly number[]): number {
	const n = x.length;
	const tMean = (n - 1) / 2;
	const xMean = x.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	for (let t = 0; t < n; t++) {
		sxy += (t - tMean) * (x[t] - xMean);
		sxx += (t - tMean) ** 2;
	}
	return sxx > 0 ? sxy / sxx : 0;
}

/**
 * @param seasonal whether seasonality was detected; the decomposition is multiplicative as in
 *   M3 when the data are strictly positive, additive otherwise.
 * Returns null when the smoothing fit fails (it does not for finite data of length ≥ 4).
 */
export function thetaForecast(
	y: readonly number[],
	period: number,
	seasonal: boolean,
	horizon: number
): ModelForecast | null {
	const n = y.length;
	const multiplicative = y.every((v) => v > 0);
	let indices: number[] | null = null;
	if (seasonal) {
		const found = seasonalIndices(y, period, multiplicative ? 'multiplicative' : 'additive');
		// Near-zero multiplicative indices would explode the adjusted series.
		if (!multiplicative || found.every((s) => Math.abs(s) >= 1e-4)) indices = found;
	}
	const m = indices ? period : 1;
	// The seasonal component at time t; the neutral element (1 or 0) when not seasonal.
	const component = (t: number): number => (indices ? indices[t % m] : multiplicative ? 1 : 0);
	const reseason = (v: number, t: number): number => (multiplicative ? v * component(t) : v + component(t));
	const adjusted = y.map((v, t) => (multiplicative ? v / component(t) : v - component(t)));

	const ses = fitEts(adjusted, { error: 'A', trend: 'N', season: 'N', period: 1 });
	if (!ses) return null;
	const alpha = Math.max(1e-10, ses.params.alpha);
	const drift = linearSlope(adjusted) / 2;
	// Drift contribution to a forecast made after t observations, h steps ahead.
	const driftTerm = (t: number, h: number): number => drift * (h - 1 + (1 - (1 - alpha) ** t) / alpha);

	const level = etsPoint(ses, 1)[0];
	const point: number[] = [];
	const sd: number[] = [];
	for (let h = 1; h <= horizon; h++) {
		const t = n - 1 + h;
		point.push(reseason(level + driftTerm(n, h), t));
		// SES forecast variance; a multiplicative seasonal index scales the spread with the level.
		const scale = multiplicative ? component(t) : 1;
		sd.push(scale * Math.sqrt(ses.sigma2 * (1 + (h - 1) * alpha * alpha)));
	}
	const fitted = ses.fitted.map((f, t) => reseason(f + driftTerm(t, 1), t));
	return { method: 'Theta', seasonal: indices !== null, fitted, point, ...symmetricBands(point, sd) };
}
