/** Churn by recency against the churn window, with the BG/NBD P(alive) risk beside it. */
import { defineAnalysis } from '../define';
import { computeChurn } from './compute';

export type * from './types';

export const churn = defineAnalysis({ label: 'churn risk', params: ['filters', 'asOf', 'churnDays', 'clvTimeUnit'], compute: computeChurn });
