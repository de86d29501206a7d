/** Churn by recency against the churn window, with the purchase model's P(alive) risk beside it. */
import { defineAnalysis } from '../define';
import { computeChurn } from './compute';

export type * from './types';

export const churn = defineAnalysis({ label: 'churn risk', params: ['filters', 'asOf', 'churnDays', 'clvTimeUnit', 'clvModel'], background: true, compute: computeChurn });
