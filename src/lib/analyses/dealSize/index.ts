/** Orders and revenue by deal size. */
import { defineAnalysis } from '../define';
import { computeDealSize } from './compute';

export type * from './types';

export const dealSize = defineAnalysis({ label: 'deal sizes', params: ['filters'], compute: computeDealSize });
