/** Result of the revenue forecast. */
import type { ForecastResult } from '../../models/forecast/index';

/** The model's result (minus the per-model components) plus what the chart needs to place it in time. */
export interface ForecastAnalysisResult extends Omit<ForecastResult, 'components'> {
	available: true;
	granularity: 'month' | 'week';
	/** Seasonal period handed to the model (12 monthly, 52 weekly). */
	period: number;
	/** The series the model saw, oldest first; `YYYY-MM` or the Monday `YYYY-MM-DD` of each week. */
	history: { label: string; value: number; partial: boolean }[];
	partialLast: boolean;
	horizon: number;
	/** Labels of the forecast periods. */
	labels: string[];
}
