/** The forecast's sentences for the executive summary: the next period with its interval, and the backtest verdict. */
import { formatDate, formatMoney, formatMonth, formatNumber, plural } from '../../format/index';
import type { Takeaway } from '../types';
import type { ForecastAnalysisResult } from './types';

function periodName(f: ForecastAnalysisResult, i: number): string {
	return f.granularity === 'month' ? formatMonth(f.labels[i]) : `the week of ${formatDate(f.labels[i])}`;
}

export const forecastSentence: Takeaway = ({ forecast: f }, { currency: c }) => {
	if (!f?.available || f.forecast.length === 0) return null;
	const unit = f.granularity === 'month' ? 'month' : 'week';
	const total = f.forecast.reduce((s, v) => s + v, 0);
	const first = `${periodName(f, 0)}${f.partialLast ? ' (in progress)' : ''}`;
	return {
		id: 'forecast',
		analysis: 'forecast',
		value: f.forecast[0],
		text: `Forecast for ${first}: ${formatMoney(f.forecast[0], c)} (80% interval ${formatMoney(f.lo80[0], c)} to ${formatMoney(f.hi80[0], c)}); ${formatMoney(total, c)} in total over the next ${plural(f.forecast.length, unit)}.`
	};
};

export const backtestSentence: Takeaway = ({ forecast: f }) => {
	const b = f?.available && f.forecast.length > 0 ? f.backtest : null;
	if (!b) return null;
	const versus = `(MASE ${formatNumber(b.mase, 2)} vs ${formatNumber(b.naiveMase, 2)})`;
	return {
		id: 'forecastBacktest',
		analysis: 'forecast',
		value: b.mase,
		text:
			b.mase < b.naiveMase
				? `In backtests the forecast was more accurate than a seasonal naive forecast ${versus}.`
				: `In backtests the forecast was not more accurate than a seasonal naive forecast ${versus}: treat it with caution.`
	};
};
