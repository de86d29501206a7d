/**
 * Which analyses a mapping turns off, and why (DESIGN.md: "the UI says which analyses a missing
 * field turns off and why"). The ids are ingest's own names for what is switched off (some, like
 * 'sales' or 'anomalies', name several analyses at once); a dashboard panel lists the ids that
 * switch it off in its definition (`unlockedBy` in `src/lib/analyses/<name>/panel.ts`).
 */
import type { CanonicalField } from './canonical-fields';
import type { DisabledAnalysis } from './types';

/** Analyses that need order lines with dates (all of them but demographics). */
export const ORDER_ANALYSES = ['sales', 'trend', 'forecast', 'anomalies', 'orders', 'products', 'categories', 'countries', 'status', 'deal-size', 'rfm', 'cltv', 'clv', 'churn', 'engagement', 'cohorts', 'feedback'] as const;

/** Plain names of what is off without orders, for messages. */
export const NEEDS_ORDERS = ['sales and trend', 'forecast', 'anomalies', 'RFM', 'CLTV', 'churn', 'engagement', 'cohorts', 'products', 'countries'];

const CUSTOMER_ANALYSES = ['rfm', 'cltv', 'clv', 'churn', 'engagement', 'cohorts', 'demographics'] as const;

export function disabledAnalyses(hasOrders: boolean, fields: Set<CanonicalField>, hasCustomerAttributes: boolean): DisabledAnalysis[] {
	if (!hasOrders) {
		const out: DisabledAnalysis[] = ORDER_ANALYSES.map((analysis) => ({
			analysis,
			reason: 'needs order lines with dates and amounts; the data has none (for example one row per customer)'
		}));
		out.push({ analysis: 'demographics', reason: 'needs order lines to relate customer details to purchases' });
		return out;
	}
	const out: DisabledAnalysis[] = [];
	const off = (analysis: string, reason: string) => {
		if (!out.some((o) => o.analysis === analysis)) out.push({ analysis, reason });
	};
	if (!fields.has('customer_id')) for (const a of CUSTOMER_ANALYSES) off(a, 'needs a customer id column');
	if (!fields.has('product')) off('products', 'needs a product column');
	if (!fields.has('category')) off('categories', 'needs a category (product line) column');
	if (!fields.has('country')) off('countries', 'needs a country column');
	if (!fields.has('status')) off('status', 'needs an order status column');
	if (!fields.has('rating')) off('feedback', 'needs a rating column (review score, stars, NPS or CSAT answer)');
	if (!hasCustomerAttributes) off('demographics', 'needs customer details (age, gender, city…) in the orders file or in a customers file');
	return out;
}
