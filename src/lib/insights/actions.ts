/**
 * Recommended actions: one table per segmentation (RFM segment, churn-risk group, CLTV tier), each
 * row with its customers, revenue and a plain-words action; and a grouped table that sums one of
 * those tables by kind of action. Every segmentation puts each customer in exactly one row, so the
 * grouped sums count every customer once.
 * Segment names can come from the data's own labels in future schemes: treat all text as plain text.
 */
import type { AnalysisResults, ChurnResult, ChurnRisk, CltvResult, CltvSegment, FeedbackResult, RfmResult } from '../analyses/index';

export const ACTION_CATEGORIES = ['Loyalty & rewards', 'Win-back', 'Onboarding', 'Upsell/cross-sell', 'Low-cost automation', 'Monitor'] as const;
export type ActionCategory = (typeof ACTION_CATEGORIES)[number];

export interface ActionRow {
	/** Segment, risk group or tier name. */
	group: string;
	customers: number;
	/** Net revenue of the group's customers (for CLTV tiers: their revenue; profit is in the CLTV table). */
	revenue: number;
	category: ActionCategory;
	action: string;
}

export interface GroupedAction {
	category: ActionCategory;
	customers: number;
	revenue: number;
	/** The groups of the source table in this category, in table order. */
	groups: string[];
}

export interface ActionTables {
	segments: ActionRow[] | null;
	churn: ActionRow[] | null;
	cltv: ActionRow[] | null;
	/** Behaviour × feedback overlay rows ("Discontent At Risk"…); their customers are also in a segment row, so they are never summed. */
	feedback: ActionRow[] | null;
	/** Grouped by category; summed from the RFM segment table (else the churn table). */
	grouped: GroupedAction[] | null;
	/** The table `grouped` sums. */
	groupedFrom: 'segments' | 'churn' | null;
}

type Advice = { category: ActionCategory; action: string };

/** Both RFM schemes' segments (standard and simple). */
const SEGMENT_ADVICE: Record<string, Advice> = {
	Champions: { category: 'Loyalty & rewards', action: 'Reward them: early access to new products, VIP perks and a referral programme. No discounts needed.' },
	VIPs: { category: 'Loyalty & rewards', action: 'Reward them: early access to new products, VIP perks and a referral programme. No discounts needed.' },
	'Loyal Customers': { category: 'Upsell/cross-sell', action: 'Upsell higher-value products, ask for reviews, and enrol them in the loyalty programme.' },
	'Potential Loyalists': { category: 'Upsell/cross-sell', action: 'Offer membership or loyalty points and recommend products that go with what they bought.' },
	'New Customers': { category: 'Onboarding', action: 'Send an onboarding series: welcome, how to get the most from the purchase, an incentive for a second order.' },
	Promising: { category: 'Onboarding', action: 'Build the relationship: useful content and a limited-time offer on a next purchase.' },
	'Need Attention': { category: 'Upsell/cross-sell', action: 'Re-engage with personalised recommendations and a time-limited offer before they slip further.' },
	'About to Sleep': { category: 'Low-cost automation', action: 'Automated reminder with popular and related products; a small incentive at most.' },
	'At Risk': { category: 'Win-back', action: 'Personalised win-back: messages that refer to past purchases, a renewal offer, ask what went wrong.' },
	"Can't Lose Them": { category: 'Win-back', action: 'Win them back personally: direct contact, the best offer, and a survey on why they stopped.' },
	Hibernating: { category: 'Low-cost automation', action: 'One low-cost automated reactivation campaign; stop if there is no response.' },
	Lost: { category: 'Low-cost automation', action: 'At most one automated reactivation attempt, otherwise suppress them from paid campaigns.' },
	'Lost Customers': { category: 'Low-cost automation', action: 'At most one automated reactivation attempt, otherwise suppress them from paid campaigns.' }
};

const CHURN_ADVICE: Record<ChurnRisk, Advice> = {
	Churned: { category: 'Low-cost automation', action: 'Low-cost automated reactivation, or suppress from campaigns to save budget.' },
	High: { category: 'Win-back', action: 'Act now, before the churn window closes: personalised win-back offer.' },
	Medium: { category: 'Low-cost automation', action: 'Timely automated reminder with recommendations based on past purchases.' },
	Low: { category: 'Monitor', action: 'Active customers: keep the regular communication and watch for slowing down.' }
};

const CLTV_ADVICE: Record<CltvSegment, Advice> = {
	High: { category: 'Loyalty & rewards', action: 'Protect them: priority service, loyalty rewards and early access.' },
	Medium: { category: 'Upsell/cross-sell', action: 'Grow them: bundles, cross-sell and volume incentives.' },
	Low: { category: 'Low-cost automation', action: 'Serve them efficiently through automated, low-cost channels.' }
};

const UNKNOWN: Advice = { category: 'Monitor', action: 'Monitor this group and review it with the segment definitions.' };

export function segmentActions(rfm: RfmResult): ActionRow[] {
	return rfm.segments.map((s) => ({ group: s.segment, customers: s.customers, revenue: s.revenue, ...(SEGMENT_ADVICE[s.segment] ?? UNKNOWN) }));
}

export function churnActions(churn: ChurnResult): ActionRow[] {
	return churn.groups.map((g) => ({
		group: g.group === 'Churned' ? 'Churned' : `${g.group} risk`,
		customers: g.customers,
		revenue: g.revenue,
		...CHURN_ADVICE[g.group]
	}));
}

export function cltvActions(cltv: CltvResult): ActionRow[] {
	return cltv.segments.map((s) => ({ group: `${s.segment} value`, customers: s.customers, revenue: s.revenue, ...CLTV_ADVICE[s.segment] }));
}

const DISCONTENT_ADVICE: Advice = { category: 'Win-back', action: 'Address the complaint before any win-back offer: contact them about what went wrong, fix it, then follow up.' };

/** One row per lapsing RFM segment with unhappy customers ("Discontent At Risk", "Discontent Lost"…). */
export function discontentActions(f: FeedbackResult): ActionRow[] {
	return f.discontent.bySegment.map((s) => ({ group: `Discontent ${s.segment}`, customers: s.customers, revenue: s.revenue, ...DISCONTENT_ADVICE }));
}

/** Sums a table's rows by action category, in the fixed category order (every category listed, zeros included). */
export function groupActions(rows: readonly ActionRow[]): GroupedAction[] {
	return ACTION_CATEGORIES.map((category) => {
		const members = rows.filter((r) => r.category === category);
		return {
			category,
			customers: members.reduce((s, r) => s + r.customers, 0),
			revenue: members.reduce((s, r) => s + r.revenue, 0),
			groups: members.map((r) => r.group)
		};
	});
}

/** Every action table the results support. */
export function actionTables(r: AnalysisResults): ActionTables {
	const segments = r.rfm.available ? segmentActions(r.rfm) : null;
	const churn = r.churn.available ? churnActions(r.churn) : null;
	const cltv = r.cltv.available ? cltvActions(r.cltv) : null;
	const feedback = r.feedback.available && r.feedback.discontent.customers > 0 ? discontentActions(r.feedback) : null;
	const source = segments ?? churn;
	return { segments, churn, cltv, feedback, grouped: source ? groupActions(source) : null, groupedFrom: segments ? 'segments' : churn ? 'churn' : null };
}
