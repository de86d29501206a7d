/**
 * Rolling-origin evaluation on the series' own history (Tashman 2000), so a user can see how the
 * forecasting procedure would have done before — next to the seasonal naive forecast, which any
 * method worth showing should beat.
 */

import { naiveScale, scaleLag, seasonalNaiveForecast, smape } from './metrics';
import type { BacktestSummary } from './types';

export type Forecaster = (history: number[], horizon: number) => number[];

/** At most this many origins: each costs a full refit of the automatic procedure. */
const MAX_ORIGINS = 4;

/** One forecast origin: the values before it and the `horizon` values after it. */
export interface OriginSplit {
	/** Number of values in the history (the index of the first value to forecast). */
	origin: number;
	history: number[];
	actual: number[];
}

/**
 * Rolling origins n − horizon − k·step for k = 0, 1, … (latest first): at most `count` of them,
 * each with at least `minHistory` values before it and a full `horizon` after it.
 */
export function rollingOrigins(
	y: readonly number[],
	horizon: number,
	count: number,
	step: number,
	minHistory: number
): OriginSplit[] {
	const splits: OriginSplit[] = [];
	for (let k = 0; k < count; k++) {
		const origin = y.length - horizon - k * step;
		if (origin < minHistory || origin < 0) break;
		splits.push({ origin, history: y.slice(0, origin), actual: y.slice(origin, origin + horizon) });
	}
	return splits;
}

/**
 * Origins are the last possible one (n − H) and up to three earlier ones spaced H/2 apart.
 * Every origin keeps at least half the series and ≥ 4 points for fitting, and two full seasons
 * when the whole series has more, so that the backtest scores the same kind of model as the
 * forecast; H = min(horizon, n/4, n − that minimum). The whole procedure — model choice
 * included — is rerun at each origin.
 * MASE is scaled per origin by the in-sample seasonal naive MAE of that origin's history
 * (lag 1 when it is shorter than a season or the seasonal scale is zero); origins with no
 * usable scale (a flat history) are skipped. Null when no origin qualifies.
 */
export function rollingOriginBacktest(
	y: readonly number[],
	period: number,
	horizon: number,
	forecaster: Forecaster
): BacktestSummary | null {
	const n = y.length;
	const minTrain = Math.max(4, Math.ceil(n / 2), period > 1 && n > 2 * period ? 2 * period : 0);
	const h = Math.min(horizon, Math.floor(n / 4), n - minTrain);
	if (h < 1) return null;
	const step = Math.max(1, Math.floor(h / 2));

	let origins = 0;
	let mase = 0;
	let smapeSum = 0;
	let naiveMase = 0;
	let naiveSmape = 0;
	for (const { origin: end, history, actual } of rollingOrigins(y, h, MAX_ORIGINS, step, minTrain)) {
		let scale = naiveScale(history, scaleLag(end, period));
		if (!(scale > 0)) scale = naiveScale(history, 1);
		if (!(scale > 0)) continue;
		const predicted = forecaster(history, h);
		const naive = seasonalNaiveForecast(history, period, h);
		const mae = (p: number[]): number => p.reduce((s, v, i) => s + Math.abs(actual[i] - v), 0) / h;
		origins++;
		mase += mae(predicted) / scale;
		naiveMase += mae(naive) / scale;
		smapeSum += smape(actual, predicted);
		naiveSmape += smape(actual, naive);
	}
	if (origins === 0) return null;
	return {
		origins,
		horizon: h,
		mase: mase / origins,
		smape: smapeSum / origins,
		naiveMase: naiveMase / origins,
		naiveSmape: naiveSmape / origins
	};
}
