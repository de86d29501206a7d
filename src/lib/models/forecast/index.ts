/**
 * Sales forecasting: automatic exponential smoothing (ETS), Theta and their combination,
 * with prediction intervals and a rolling-origin backtest. Pure and deterministic.
 */

import { autoForecast } from './auto';
import { rollingOriginBacktest } from './backtest';
import type { ForecastInput, ForecastResult } from './types';

export type { BacktestSummary, ForecastInput, ForecastResult } from './types';
export { mase, smape, seasonalNaiveForecast } from './metrics';

export const DEFAULT_HORIZON = 12;
export const MAX_HORIZON = 36;

function validate(input: ForecastInput): number {
	if (!Array.isArray(input.values)) throw new TypeError('forecast: values must be an array of numbers');
	input.values.forEach((v, i) => {
		if (typeof v !== 'number' || !Number.isFinite(v)) {
			throw new TypeError(`forecast: values[${i}] is not a finite number`);
		}
	});
	if (!Number.isInteger(input.period) || input.period < 1) {
		throw new RangeError('forecast: period must be an integer ≥ 1');
	}
	const horizon = input.horizon ?? DEFAULT_HORIZON;
	if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
		throw new RangeError(`forecast: horizon must be an integer from 1 to ${MAX_HORIZON}`);
	}
	return horizon;
}

/**
 * Forecasts `horizon` periods past the last complete value. Throws on invalid input
 * (non-finite values, bad period or horizon, no complete value to fit).
 */
export function forecast(input: ForecastInput): ForecastResult {
	const horizon = validate(input);
	const { period } = input;
	const notes: string[] = [];
	const values = input.values.slice();
	if (input.partialLast) {
		values.pop();
		notes.push('partial-last: last period excluded from fitting and backtest');
	}
	if (values.length === 0) throw new RangeError('forecast: no complete value to fit');

	const auto = autoForecast(values, period, horizon);
	notes.push(...auto.notes);

	let backtest = null;
	if (input.backtest !== false) {
		backtest = rollingOriginBacktest(values, period, horizon, (history, h) => autoForecast(history, period, h).model.point);
		notes.push(
			backtest
				? `backtest: ${backtest.origins} origins, ${backtest.horizon} steps ahead`
				: 'backtest-unavailable: series too short or flat'
		);
	}

	const { model } = auto;
	return {
		method: model.method,
		fitted: model.fitted,
		forecast: model.point,
		lo80: model.lo80,
		hi80: model.hi80,
		lo95: model.lo95,
		hi95: model.hi95,
		components: auto.members.map((m) => ({ method: m.method, forecast: m.point })),
		backtest,
		seasonal: model.seasonal,
		notes
	};
}
