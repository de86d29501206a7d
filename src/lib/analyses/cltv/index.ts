/** Historical customer lifetime value tiers, read from the shared customer scores. */
import { defineAnalysis } from '../define';
import { computeCltv } from './compute';

export type * from './types';

export const cltv = defineAnalysis({ label: 'customer lifetime value', params: ['filters', 'asOf', 'margin'], compute: computeCltv });
