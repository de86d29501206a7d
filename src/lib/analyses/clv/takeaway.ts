/** The predicted customer value's sentence (the executive summary's, and the value panel's when the tiers say nothing). */
import { formatMoney, plural } from '../../format/index';
import type { Takeaway } from '../types';

export const clvSentence: Takeaway = ({ clv: v }, { currency }) => {
	if (!v?.available || v.totals.predictedClv === null || v.customers === 0) return null;
	return {
		id: 'clv',
		analysis: 'clv',
		value: v.totals.predictedClv,
		text: `Existing customers are predicted to be worth ${formatMoney(v.totals.predictedClv, currency)} over the next ${plural(v.horizonMonths, 'month')} (${formatMoney(v.totals.predictedClv / v.customers, currency)} per customer on average).`
	};
};
