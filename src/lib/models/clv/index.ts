/**
 * Predictive customer lifetime value: BG/NBD or Pareto/NBD (how many purchases, and is the customer
 * still active) and Gamma-Gamma (how much per purchase), fitted by maximum likelihood in the browser.
 */
export type {
	BgnbdFit,
	BgnbdParams,
	CustomerSummary,
	FitOutcome,
	GammaGammaFit,
	GammaGammaParams,
	ParetoNbdFit,
	ParetoNbdParams,
	PurchaseModelName,
	SpendSummary,
	TimeUnit
} from './types';
export { summariseObservation } from './observation';
export { fitBgnbd } from './bgnbd-fit';
export { bgnbdLogLikelihood } from './bgnbd-likelihood';
export { conditionalExpectedPurchases, expectedPurchasesIfAlive, expectedPurchasesNewCustomer, probabilityAlive } from './bgnbd';
export { fitParetoNbd } from './pareto-nbd-fit';
export { paretoNbdLogLikelihood } from './pareto-nbd-likelihood';
export { paretoNbdConditionalExpectedPurchases, paretoNbdExpectedPurchasesIfAlive, paretoNbdProbabilityAlive } from './pareto-nbd';
export { aliveProbability, expectedFuturePurchases, purchaseModelName, purchasesIfAlive } from './purchase-model';
export type { PurchaseModelParams } from './purchase-model';
export { PURCHASE_MODEL_LABEL, chooseModel } from './model-choice';
export type { HoldoutCustomer, ModelChoice } from './model-choice';
export { MIN_DROPOUT_SHARE, P_ALIVE_RISK_THRESHOLDS, aliveRisk, paretoNbdDropoutShare } from './risk';
export type { AliveRisk, AliveRiskGroup } from './risk';
export { expectedAverageOrderValue, fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma';
export { CLV_DEFINITION, UNITS_PER_MONTH, customerLifetimeValue, predictCustomers, predictPurchases } from './clv';
export type { ClvOptions, CustomerPrediction, PredictionOptions, PurchaseModelFit } from './clv';
export { holdoutComparison } from './diagnostics';
export type { HoldoutRow } from './diagnostics';
export { summariseSegments } from './segments';
export type { SegmentSummary, SegmentedPrediction } from './segments';
