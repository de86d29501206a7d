/** Customers, orders and revenue by customer attribute (age, gender, city, channel). */
import { defineAnalysis } from '../define';
import { computeDemographics } from './compute';

export type * from './types';

export const demographics = defineAnalysis({ label: 'demographics', params: ['filters'], compute: computeDemographics });
