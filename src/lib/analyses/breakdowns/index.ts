/** Net revenue by product, category, country and region: four analyses of one kind, one SQL. */
import { defineAnalysis } from '../define';
import { computeBreakdown } from './compute';

export type * from './types';

export const products = defineAnalysis({ label: 'products', params: ['filters'], compute: (ctx) => computeBreakdown(ctx, 'product') });
export const categories = defineAnalysis({ label: 'categories', params: ['filters'], compute: (ctx) => computeBreakdown(ctx, 'category') });
export const countries = defineAnalysis({ label: 'countries', params: ['filters'], compute: (ctx) => computeBreakdown(ctx, 'country') });
export const regions = defineAnalysis({ label: 'regions', params: ['filters'], compute: (ctx) => computeBreakdown(ctx, 'region') });
