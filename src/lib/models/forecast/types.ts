import type { Bands } from './intervals';

export interface ForecastInput {
	/** The series in time order, one value per period (e.g. monthly net revenue). */
	values: number[];
	/** Observations per seasonal cycle: 12 for monthly, 52 for weekly, 1 for none. */
	period: number;
	/** Periods to forecast, 1–36. Default 12. */
	horizon?: number;
	/** The last value covers an incomplete period: it is left out of fitting and scoring. */
	partialLast?: boolean;
	/** Run the rolling-origin backtest (default true). Costs about one forecast per origin. */
	backtest?: boolean;
}

export interface BacktestSummary {
	/** Forecast origins evaluated. */
	origins: number;
	/** Steps ahead scored from each origin. */
	horizon: number;
	mase: number;
	smape: number;
	/** The same measures for the seasonal naive forecast (naive when shorter than a season). */
	naiveMase: number;
	naiveSmape: number;
}

export interface ForecastResult {
	/** e.g. "ETS(M,Ad,M)", "Theta", "Combination(ETS(M,A,M),Theta,ETS(M,Ad,M))". */
	method: string;
	/** In-sample one-step-ahead forecasts, one per fitted value (a partial last value is not fitted). */
	fitted: number[];
	forecast: number[];
	lo80: number[];
	hi80: number[];
	lo95: number[];
	hi95: number[];
	/** The models behind a combination, each with its own point forecast (truncated like the result). */
	components: { method: string; forecast: number[] }[];
	backtest: BacktestSummary | null;
	seasonal: boolean;
	/**
	 * What was done, one "code: detail" line each, in order. Codes: partial-last, constant-series,
	 * very-short-series, short-for-seasonality, non-positive-values, ets-selection,
	 * theta-seasonality, non-negative-data, method, backtest, backtest-unavailable.
	 */
	notes: string[];
}

/** A model's output on the (scaled) fitting data. */
export interface ModelForecast extends Bands {
	method: string;
	/** Whether the forecast carries a seasonal pattern. */
	seasonal: boolean;
	fitted: number[];
	point: number[];
}
