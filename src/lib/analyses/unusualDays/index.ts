/** Days whose revenue is far from what is usual for their weekday. */
import { defineAnalysis } from '../define';
import { computeUnusualDays } from './compute';

export type * from './types';

export const unusualDays = defineAnalysis({ label: 'unusual days', params: ['filters'], compute: computeUnusualDays });
