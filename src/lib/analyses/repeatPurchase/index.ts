/** Repeat-purchase rate by month: the share of a month's buyers who had bought before. */
import { defineAnalysis } from '../define';
import { computeRepeatPurchase } from './compute';

export type * from './types';

export const repeatPurchase = defineAnalysis({ label: 'repeat purchases', params: ['filters'], compute: computeRepeatPurchase });
