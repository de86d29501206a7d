/**
 * Fallbacks for series too short or too flat for a model to be estimated.
 */

import { symmetricBands, Z80, Z95 } from './intervals';
import type { ModelForecast } from './types';

/** Two-sided Student-t quantiles with 1 and 2 degrees of freedom, in closed form. */
function tQuantile(p: number, df: 1 | 2): number {
	if (df === 1) return Math.tan(Math.PI * (p - 0.5));
	return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
}

/**
 * Mean of 1–3 observations. The band is the prediction interval for a new draw from a normal
 * sample with unknown mean and variance (t quantiles, ×√(1 + 1/n)), widened like a random walk
 * (×√h) because so few points cannot tell a level from a drift. One observation carries no
 * information on spread, so its band assumes a standard deviation equal to its magnitude.
 */
export function meanForecast(y: readonly number[], horizon: number): ModelForecast {
	const n = y.length;
	const mean = y.reduce((a, b) => a + b, 0) / n;
	let s: number;
	let q80: number;
	let q95: number;
	if (n === 1) {
		s = Math.abs(mean);
		q80 = Z80;
		q95 = Z95;
	} else {
		s = Math.sqrt(y.reduce((acc, v) => acc + (v - mean) ** 2, 0) / (n - 1));
		const df = n === 2 ? 1 : 2;
		q80 = tQuantile(0.9, df);
		q95 = tQuantile(0.975, df);
	}
	const point = new Array<number>(horizon).fill(mean);
	const sd = point.map((_, i) => s * Math.sqrt(1 + 1 / n) * Math.sqrt(i + 1));
	return { method: 'Mean', seasonal: false, fitted: y.map(() => mean), point, ...symmetricBands(point, sd, q80, q95) };
}

/** A series with no variation at all: nothing to estimate, so the band has zero width. */
export function constantForecast(y: readonly number[], horizon: number): ModelForecast {
	const c = y[0];
	const point = new Array<number>(horizon).fill(c);
	return { method: 'Constant', seasonal: false, fitted: y.map(() => c), point, lo80: point.slice(), hi80: point.slice(), lo95: point.slice(), hi95: point.slice() };
}
