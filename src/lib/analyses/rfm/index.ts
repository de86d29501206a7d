/** RFM segments, heatmap and recency/frequency scatter, read from the shared customer scores. */
import { defineAnalysis } from '../define';
import { computeRfm } from './compute';

export type * from './types';

export const rfm = defineAnalysis({ label: 'RFM segments', params: ['filters', 'asOf', 'rfmBins', 'rfmScheme'], compute: computeRfm });
