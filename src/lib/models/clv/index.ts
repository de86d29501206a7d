/**
 * Predictive customer lifetime value: BG/NBD (how many purchases, and is the customer still active)
 * and Gamma-Gamma (how much per purchase), fitted by maximum likelihood in the browser.
 */
export type {
	BgnbdFit,
	BgnbdParams,
	CustomerSummary,
	FitOutcome,
	GammaGammaFit,
	GammaGammaParams,
	SpendSummary,
	TimeUnit
} from './types';
export { fitBgnbd } from './bgnbd-fit';
export { bgnbdLogLikelihood } from './bgnbd-likelihood';
export { conditionalExpectedPurchases, expectedPurchasesIfAlive, expectedPurchasesNewCustomer, probabilityAlive } from './bgnbd';
export { expectedAverageOrderValue, fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma';
export { CLV_DEFINITION, UNITS_PER_MONTH, customerLifetimeValue, predictCustomers } from './clv';
export type { ClvOptions, CustomerPrediction, PredictionOptions } from './clv';
export { holdoutComparison } from './diagnostics';
export type { HoldoutRow } from './diagnostics';
export { summariseSegments } from './segments';
export type { SegmentSummary, SegmentedPrediction } from './segments';
