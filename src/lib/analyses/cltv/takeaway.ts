/** The customer-value panel's sentence: the High tier's share of historical profit, else the predicted value. */
import { formatMoney, formatPercent, plural } from '../../format/index';
import { clvSentence } from '../clv/takeaway';
import type { Takeaway } from '../types';

export const cltvTakeaway: Takeaway = (r, o) => {
	const c = r.cltv;
	const high = c?.available ? c.segments.find((x) => x.segment === 'High') : undefined;
	if (high && high.profitShare !== null) {
		return {
			id: 'cltv',
			analysis: 'cltv',
			value: high.profitShare,
			text: `The High value tier (${plural(high.customers, 'customer')}, ${formatPercent(high.share)}) accounts for ${formatPercent(high.profitShare)} of historical profit.`
		};
	}
	const predicted = clvSentence(r, o);
	if (predicted || !c?.available) return predicted;
	return { id: 'cltv', analysis: 'cltv', value: c.profit, text: `Historical profit ${formatMoney(c.profit, o.currency)} over ${plural(c.customers, 'customer')}.` };
};
