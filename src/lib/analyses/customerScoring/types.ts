/** The per-customer labels the scoring assigns, read by the RFM, CLTV, churn and customer-list slices. */

/** Historical value tier: profit below the 33rd percentile, up to the 66th, above. */
export type CltvSegment = 'Low' | 'Medium' | 'High';

/** Recency against the churn window w: Churned (> w), High (> 2w/3), Medium (> w/3, or one order only), Low. */
export type ChurnRisk = 'Churned' | 'High' | 'Medium' | 'Low';

/** Risk from the purchase model's probability of still being active (models/clv `aliveRisk`). */
export type PAliveRisk = 'High' | 'Medium' | 'Low';
