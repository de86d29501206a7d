/** The shared customer scoring other slices read: RFM scores and segments, CLTV tiers, churn flags. */
export { customerBase, customerScores } from './scores';
export { firstPurchases } from './first-purchases';
export * from './segments';
export type * from './types';
