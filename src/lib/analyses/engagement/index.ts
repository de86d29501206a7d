/** Daily and 30-day active customers and stickiness (DAU/MAU). */
import { defineAnalysis } from '../define';
import { computeEngagement } from './compute';

export type * from './types';

export const engagement = defineAnalysis({ label: 'engagement', params: ['filters'], compute: computeEngagement });
