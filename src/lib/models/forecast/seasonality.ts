/** Seasonality detection and classical decomposition. */

/** Sample autocorrelations r_1..r_maxLag (biased estimator, as in R's acf); zeros for a constant series. */
export function acf(x: readonly number[], maxLag: number): number[] {
	const n = x.length;
	let mean = 0;
	for (const v of x) mean += v / n;
	let denom = 0;
	for (const v of x) denom += (v - mean) * (v - mean);
	const out: number[] = [];
	for (let k = 1; k <= maxLag; k++) {
		if (!(denom > 0) || k >= n) {
			out.push(0);
			continue;
		}
		let num = 0;
		for (let t = 0; t + k < n; t++) num += (x[t] - mean) * (x[t + k] - mean);
		out.push(num / denom);
	}
	return out;
}

/** One-sided 90% normal quantile: the threshold of the seasonality test used by Theta in M3. */
const Z_90_ONE_SIDED = 1.6448536269514722;

/**
 * The M3 Theta seasonality test: is |r_m| significant at 90% against Bartlett's standard error
 * sqrt((1 + 2·Σ_{k<m} r_k²)/n)? Requires at least two full seasons, so a seasonal pattern
 * has been seen repeating at least once.
 */
export function detectSeasonality(x: readonly number[], period: number): boolean {
	const n = x.length;
	if (period < 2 || n < 2 * period) return false;
	const r = acf(x, period);
	let sumSq = 0;
	for (let k = 0; k < period - 1; k++) sumSq += r[k] * r[k];
	const se = Math.sqrt((1 + 2 * sumSq) / n);
	return Math.abs(r[period - 1]) / se > Z_90_ONE_SIDED;
}

export type DecompositionType = 'additive' | 'multiplicative';

/**
 * Classical decomposition by a centred moving average (R's decompose). Returns one seasonal
 * index per position in the cycle: index j applies to observations t with t mod period = j
 * (0-based), normalised to mean 0 (additive) or mean 1 (multiplicative).
 * Needs at least two full periods; multiplicative needs a positive trend.
 */
export function seasonalIndices(x: readonly number[], period: number, type: DecompositionType): number[] {
	const n = x.length;
	if (period < 2 || n < 2 * period) throw new RangeError('seasonalIndices: need at least two full periods');
	const even = period % 2 === 0;
	const half = Math.floor(period / 2);
	const sums = new Array<number>(period).fill(0);
	const counts = new Array<number>(period).fill(0);
	for (let t = half; t < n - half; t++) {
		let trend = 0;
		for (let j = -half; j <= half; j++) {
			const w = even && Math.abs(j) === half ? 0.5 : 1;
			trend += w * x[t + j];
		}
		trend /= period;
		const detrended = type === 'additive' ? x[t] - trend : x[t] / trend;
		sums[t % period] += detrended;
		counts[t % period]++;
	}
	const figure = sums.map((s, j) => s / counts[j]);
	const centre = figure.reduce((a, b) => a + b, 0) / period;
	return type === 'additive' ? figure.map((f) => f - centre) : figure.map((f) => f / centre);
}
