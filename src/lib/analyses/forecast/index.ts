/** Net revenue forecast with 80% and 95% intervals. */
import { defineAnalysis } from '../define';
import { computeForecast } from './compute';

export type * from './types';

export const forecast = defineAnalysis({ label: 'forecast', params: ['filters', 'forecastHorizon'], background: true, compute: computeForecast });
