/** The predicted customer value's sentence (the executive summary's, and the value panel's when the tiers say nothing). */
import { formatCount, formatMoney, plural } from '../../format/index';
import type { Takeaway } from '../types';
import { MIN_DROPOUT_SHARE } from '../../models/clv/index';
import type { ClvResult } from './types';

/** Says that the parameters come from a sample of the customers, or null when they come from all of them. */
export function fitSampleSentence({ fitSample }: Pick<ClvResult, 'fitSample'>): string | null {
	return fitSample ? `Fitted on a random sample of ${formatCount(fitSample.customers)} of ${plural(fitSample.of, 'customer')}.` : null;
}

/**
 * Says that the purchase model sees no measurable drop-out, so the values rest on purchase rates
 * alone, or null when it does: it expects fewer than the share of customers below which the risk
 * groups call a drop-out unmeasurable ({@link MIN_DROPOUT_SHARE}) to have stopped buying. Fits
 * heading for "nobody drops out" stop there (see `mle.ts`).
 */
function noDropOutSentence({ totals }: Pick<ClvResult, 'totals'>): string | null {
	return totals.meanPAlive >= 1 - MIN_DROPOUT_SHARE
		? 'The purchase histories show no measurable drop-out over this period, so these values assume almost every customer keeps buying at their own pace; the churn rule still flags customers who have gone quiet.'
		: null;
}

export const clvSentence: Takeaway = ({ clv: v }, { currency }) => {
	if (!v?.available || v.totals.predictedClv === null || v.customers === 0) return null;
	return {
		id: 'clv',
		analysis: 'clv',
		value: v.totals.predictedClv,
		text: [
			`Existing customers are predicted to be worth ${formatMoney(v.totals.predictedClv, currency)} over the next ${plural(v.horizonMonths, 'month')} (${formatMoney(v.totals.predictedClv / v.customers, currency)} per customer on average).`,
			noDropOutSentence(v),
			fitSampleSentence(v)
		]
			.filter(Boolean)
			.join(' ')
	};
};
