/** Sentences about customer feedback: the panel's takeaway (also the executive summary's) and the churn view's hint. */
import { formatCount, formatNumber, formatPercent, plural } from '../../format/index';
import type { Takeaway } from '../types';
import type { FeedbackResult } from './types';

/** Churn of unhappy customers against everyone else with a rating. */
function unhappyChurnComparison(f: FeedbackResult): { unhappy: number; others: number; unhappyCustomers: number; otherCustomers: number } | null {
	const u = f.churnByBand.find((b) => b.band === 'Unhappy');
	const rest = f.churnByBand.filter((b) => b.band !== 'Unhappy');
	const n = rest.reduce((s, b) => s + b.customers, 0);
	if (!u || n === 0) return null;
	return { unhappy: u.churnRate, others: rest.reduce((s, b) => s + b.churned, 0) / n, unhappyCustomers: u.customers, otherCustomers: n };
}

/** Whether unhappy customers churn more, in words that claim no more than the test supports. */
export function churnVerdict(f: FeedbackResult): string {
	const c = unhappyChurnComparison(f);
	if (!c) return f.churnByBand.length ? 'no customer is unhappy, so there is no churn comparison' : 'no rated customer has an order before the as-of date';
	const figures = `${formatPercent(c.unhappy)} of ${plural(c.unhappyCustomers, 'unhappy customer')} churned against ${formatPercent(c.others)} of ${formatCount(c.otherCustomers)} others`;
	if (f.unhappyChurnMore === 'yes') return `unhappy customers churn more: ${figures}`;
	if (f.unhappyChurnMore === 'less') return `unhappy customers churn less here: ${figures}`;
	return `the data cannot tell whether unhappy customers churn more (${figures}; the difference is within chance)`;
}

function upperFirst(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The headline: average rating (and NPS), then the churn verdict. */
export const feedbackTakeaway: Takeaway = ({ feedback: f }) => {
	if (!f?.available) return null;
	const nps = f.nps ? `, NPS ${formatNumber(f.nps.score, 0)}` : '';
	return {
		id: 'feedback',
		analysis: 'feedback',
		value: f.avgRating,
		text: `Customers rate ${formatNumber(f.avgRating, 2)} on the ${f.scale.id} scale on average (${plural(f.ratedOrders, 'rated order')}${nps}); ${churnVerdict(f)}.`
	};
};

export function feedbackChurnSentence(f: FeedbackResult): string {
	const share = f.unhappyRevenueShare > 0 ? ` Unhappy customers brought ${formatPercent(f.unhappyRevenueShare)} of revenue.` : '';
	return `${upperFirst(churnVerdict(f))}.${share}`;
}
