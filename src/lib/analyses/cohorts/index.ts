/** Cohort retention by month of first order. */
import { defineAnalysis } from '../define';
import { computeCohorts } from './compute';

export type * from './types';

export const cohorts = defineAnalysis({ label: 'cohorts', params: ['filters'], compute: computeCohorts });
