/** Data-quality counts over the filtered scope (lines without customer, returns, cancellations…). */
import { defineAnalysis } from '../define';
import { computeDataQuality } from './compute';

export type * from './types';

export const dataQuality = defineAnalysis({ label: 'data quality', params: ['filters'], compute: computeDataQuality });
