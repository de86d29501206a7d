/** Orders and revenue by order status. */
import { defineAnalysis } from '../define';
import { computeStatus } from './compute';

export type * from './types';

export const status = defineAnalysis({ label: 'order statuses', params: ['filters'], compute: computeStatus });
