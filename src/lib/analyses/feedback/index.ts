/** Customer feedback: ratings, NPS, rating by segment, churn by feedback band, discontent overlay. */
import { defineAnalysis } from '../define';
import { computeFeedback } from './compute';

export type * from './types';
export { reviewsWithTerm, REVIEWS_SHOWN, type TermReview } from './reviews';
export { customerFeedbackSql, detectRatingScale, LAPSING_SEGMENTS, RATING_SCALES } from './compute';

export const feedback = defineAnalysis({ label: 'customer feedback', params: ['filters', 'asOf', 'churnDays', 'rfmBins', 'rfmScheme', 'ratingScale'], compute: computeFeedback });
