/** The predicted customer value's sentence (the executive summary's, and the value panel's when the tiers say nothing). */
import { formatCount, formatMoney, plural } from '../../format/index';
import type { Takeaway } from '../types';
import type { ClvResult } from './types';

/** Says that the parameters come from a sample of the customers, or null when they come from all of them. */
export function fitSampleSentence({ fitSample }: Pick<ClvResult, 'fitSample'>): string | null {
	return fitSample ? `Fitted on a random sample of ${formatCount(fitSample.customers)} of ${plural(fitSample.of, 'customer')}.` : null;
}

export const clvSentence: Takeaway = ({ clv: v }, { currency }) => {
	if (!v?.available || v.totals.predictedClv === null || v.customers === 0) return null;
	return {
		id: 'clv',
		analysis: 'clv',
		value: v.totals.predictedClv,
		text: [
			`Existing customers are predicted to be worth ${formatMoney(v.totals.predictedClv, currency)} over the next ${plural(v.horizonMonths, 'month')} (${formatMoney(v.totals.predictedClv / v.customers, currency)} per customer on average).`,
			fitSampleSentence(v)
		]
			.filter(Boolean)
			.join(' ')
	};
};
