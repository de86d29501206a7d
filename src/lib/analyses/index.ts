/**
 * The analyses layer's public face: the registry, the runners, the parameters, the customer list
 * and every result type. Other layers import from here, never from a slice's files.
 */
export { ANALYSES } from './registry';
export { ANALYSIS_NAMES, affectedAnalyses, awaitedNext, runAll, runAnalyses, runAnalysis } from './run';
export { dropWholeData } from './whole-data';
export type { RunOptions } from './run';
export { fitClvOnTwo, inProcessModels, inProcessParts, type ClvFitParts, type ModelRunner, type ModelWorkerApi } from './model-runner';
export { packFitInput, packHoldoutInput, type WireFitInput } from './clv/fit-wire';
export type { ClvFitInput } from './clv/fit';
export type { Analysis } from './define';
export { AnalysisContext, AnalysisError, startWholeData, withContext } from './context';
export { withDefaults, DEFAULT_PARAMS } from './params';
export type { AnalysisParams, AnalysisFilters, ClvModelSetting, RfmScheme } from './params';
export { isIsoDate, dateLiteral } from './scope';
export { filterValues } from './filter-options';
export { allCustomersQuery, customerPage, exportAllCustomers, exportCustomers, customerWhere, clearCustomerCache } from './customers/index';
export { CUSTOMER_COLUMNS, CUSTOMER_FEEDBACK_COLUMNS, customerExportColumns } from './customers/types';
export type { CustomerQuery } from './customers/index';
export { presetModels } from './clv/model';
export type { PresetModels } from './clv/model';

// Definition constants the data dictionary quotes, so its words and the SQL cannot drift apart.
export { OVERLAYS, SIMPLE_GRID, SIMPLE_SEGMENTS, STANDARD_GRID, STANDARD_SEGMENTS, segmentRules, segmentOrder } from './customerScoring/segments';
export { TOP } from './breakdowns/compute';
export { DEAL_BANDS } from './dealSize/compute';
export { MAD_SCALE, MEANAD_SCALE, Z_THRESHOLD } from './unusualDays/compute';
export { P_ALIVE_RISK_THRESHOLDS } from '../models/clv/index';
export { FIT_SAMPLE_CUSTOMERS, HOLDOUT_SHARE } from './clv/model';
export { MONTHLY_MIN_MONTHS, WEEKS_PER_MONTH } from './forecast/compute';
export { MAU_WINDOW_DAYS, MAX_SERIES_POINTS } from './engagement/compute';
export { AGE_BANDS } from './demographics/compute';
export { LAPSING_SEGMENTS, MIN_GROUP, RATING_SCALES, customerFeedbackSql } from './feedback/compute';
export { reviewsWithTerm, REVIEWS_SHOWN, type TermReview } from './feedback/reviews';

export type * from './types';
export type * from './registry';
export type * from './customerScoring/types';
export type * from './customers/types';

// The slices' sentences that the executive summary composes (pure, formatting only: no drawing).
// Each panel imports its own slice's `takeaway.ts`.
export { kpisTakeaway } from './kpis/takeaway';
export { trendTakeaway, peakSentence } from './trend/takeaway';
export { forecastSentence, backtestSentence } from './forecast/takeaway';
export { unusualDaysSentence } from './unusualDays/takeaway';
export { largestSegmentSentence, valuableSegmentSentence, atRiskSentence } from './rfm/takeaway';
export { clvSentence, fitSampleSentence } from './clv/takeaway';
export { churnTakeaway } from './churn/takeaway';
export { stickinessSentence } from './engagement/takeaway';
export { cohortsTakeaway } from './cohorts/takeaway';
export { feedbackTakeaway } from './feedback/takeaway';
