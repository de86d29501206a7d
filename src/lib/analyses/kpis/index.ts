/** Headline numbers: net revenue, orders, AOV, customers over the filtered scope. */
import { defineAnalysis } from '../define';
import { computeKpis } from './compute';

export type * from './types';

export const kpis = defineAnalysis({ label: 'headline numbers', params: ['filters', 'asOf'], compute: computeKpis });
