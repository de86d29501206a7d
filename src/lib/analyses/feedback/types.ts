/** Result of the customer-feedback analysis: ratings, NPS, rating by segment, churn by feedback band. */

/** The rating scales the data can be on (detected from the values, see `detectRatingScale`). */
export type RatingScaleId = '1-5' | '0-10' | '1-10' | '0-100';

export interface RatingScale {
	id: RatingScaleId;
	min: number;
	max: number;
	/** A customer whose average rating is at most this is "unhappy". */
	unhappyAtMost: number;
	/** A customer whose average rating is at least this is "happy". */
	happyAtLeast: number;
}

/** Feedback band of a customer, from the mean of their ratings. */
export type FeedbackBand = 'Unhappy' | 'Neutral' | 'Happy';

export interface RatingCount {
	/** A rating value (rounded to a whole number for the distribution). */
	rating: number;
	orders: number;
	share: number;
}

export interface FeedbackMonth {
	/** `YYYY-MM` of the review (else the order) date. */
	month: string;
	/** Rated orders in the month. */
	answers: number;
	avgRating: number;
	/** 0–10 scale only: % promoters − % detractors, −100…100. */
	nps: number | null;
}

export interface SegmentFeedback {
	segment: string;
	/** Customers of the segment with at least one rating. */
	rated: number;
	customers: number;
	/** Mean over the segment's rated customers of their average rating. */
	avgRating: number | null;
	unhappy: number;
}

export interface BandChurn {
	band: FeedbackBand;
	customers: number;
	churned: number;
	churnRate: number;
	/** 95 % Wilson score interval of the churn rate. */
	low: number;
	high: number;
	revenue: number;
}

/** A word or two-word phrase of the reviews, with how many unhappy and happy reviews contain it. */
export interface ReviewTerm {
	term: string;
	/** 1 = word, 2 = two-word phrase. */
	words: number;
	unhappyReviews: number;
	happyReviews: number;
	/** ln of (share of unhappy reviews with the term) / (share of happy reviews with it), each smoothed by ½. */
	score: number;
}

export interface FeedbackResult {
	available: true;
	scale: RatingScale;
	/** The scale was chosen in "Review columns" rather than read from the data. */
	scaleChosen: boolean;
	/** Orders with a rating (each order once). */
	ratedOrders: number;
	/** Orders in scope. */
	orders: number;
	/** Mean rating over rated orders. */
	avgRating: number;
	/** 0–10 scale only. */
	nps: { score: number; promoters: number; passives: number; detractors: number } | null;
	distribution: RatingCount[];
	months: FeedbackMonth[];
	/** Customers with at least one rated order. */
	ratedCustomers: number;
	bySegment: SegmentFeedback[];
	churnByBand: BandChurn[];
	/**
	 * Do unhappy customers churn more than the others (two-proportion z-test at 5 %)?
	 * `unknown` when a group is too small (under 10 customers) or the difference is not significant.
	 */
	unhappyChurnMore: 'yes' | 'less' | 'unknown';
	/** Net revenue of unhappy customers over net revenue of all scored customers. */
	unhappyRevenueShare: number;
	unhappyRevenue: number;
	/** Behaviour × feedback: lapsing RFM segments whose customers are unhappy on average. */
	discontent: { customers: number; revenue: number; bySegment: { segment: string; customers: number; revenue: number }[] };
	/** Orders with review text. */
	reviews: number;
	/** The most distinctive terms of unhappy and of happy reviews; null without review text. */
	terms: { unhappy: ReviewTerm[]; happy: ReviewTerm[]; unhappyReviews: number; happyReviews: number } | null;
}
