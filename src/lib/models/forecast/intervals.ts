/**
 * Prediction-interval bands at the two levels the product shows (80% and 95%).
 *
 * Sources, in order of preference: analytic normal bands from a model's forecast variance;
 * empirical quantiles of simulated sample paths where no closed form exists; and for a
 * combination, the average of the members' quantiles ("Vincentization", Lichtendahl et al. 2013),
 * which keeps the combined point inside the combined band.
 */

export interface Bands {
	lo80: number[];
	hi80: number[];
	lo95: number[];
	hi95: number[];
}

/** Two-sided normal quantiles for 80% and 95% coverage. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** Symmetric bands point ± q·sd, where q80/q95 default to the normal quantiles. */
export function symmetricBands(point: readonly number[], sd: readonly number[], q80 = Z80, q95 = Z95): Bands {
	return {
		lo80: point.map((p, i) => p - q80 * sd[i]),
		hi80: point.map((p, i) => p + q80 * sd[i]),
		lo95: point.map((p, i) => p - q95 * sd[i]),
		hi95: point.map((p, i) => p + q95 * sd[i])
	};
}

/** Linear-interpolation quantile (R type 7) of an ascending-sorted sample. */
function sortedQuantile(sorted: Float64Array, p: number): number {
	const pos = (sorted.length - 1) * p;
	const lo = Math.floor(pos);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Bands from simulated values: samples[h] holds the simulated values at horizon h+1.
 * The point forecast of a nonlinear model is not the median of its paths, so the band is
 * stretched, if ever needed, to contain it.
 */
export function sampleBands(point: readonly number[], samples: readonly Float64Array[]): Bands {
	const bands: Bands = { lo80: [], hi80: [], lo95: [], hi95: [] };
	samples.forEach((draws, h) => {
		const sorted = Float64Array.from(draws).sort();
		const p = point[h];
		bands.lo80.push(Math.min(p, sortedQuantile(sorted, 0.1)));
		bands.hi80.push(Math.max(p, sortedQuantile(sorted, 0.9)));
		bands.lo95.push(Math.min(p, sortedQuantile(sorted, 0.025)));
		bands.hi95.push(Math.max(p, sortedQuantile(sorted, 0.975)));
	});
	return bands;
}

/** Quantile averaging of several bands of equal length. */
export function averageBands(list: readonly Bands[]): Bands {
	const mean = (key: keyof Bands): number[] =>
		list[0][key].map((_, h) => list.reduce((s, b) => s + b[key][h], 0) / list.length);
	return { lo80: mean('lo80'), hi80: mean('hi80'), lo95: mean('lo95'), hi95: mean('hi95') };
}

export function mapBands(b: Bands, f: (v: number, h: number) => number): Bands {
	return { lo80: b.lo80.map(f), hi80: b.hi80.map(f), lo95: b.lo95.map(f), hi95: b.hi95.map(f) };
}
