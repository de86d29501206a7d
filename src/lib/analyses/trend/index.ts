/** Monthly net revenue, growth and the seasonality index. */
import { defineAnalysis } from '../define';
import { computeTrend } from './compute';

export type * from './types';

export const trend = defineAnalysis({ label: 'sales trend', params: ['filters'], compute: computeTrend });
