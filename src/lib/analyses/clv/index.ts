/** Predicted customer value (BG/NBD or Pareto/NBD + Gamma-Gamma, fitted in model.ts) with a holdout check. */
import { defineAnalysis } from '../define';
import { computeClv } from './compute';

export type * from './types';

export const clv = defineAnalysis({ label: 'predicted customer value', params: ['filters', 'asOf', 'margin', 'clvMonths', 'monthlyDiscount', 'clvTimeUnit', 'clvModel', 'rfmScheme'], background: true, compute: computeClv });
