/** The deal-size panel's sentence. */
import { formatMoney, formatPercent, realGroups } from '../../format/index';
import type { Takeaway } from '../types';

export const dealSizeTakeaway: Takeaway = ({ dealSize: d }, { currency }) => {
	if (!d?.available) return null;
	// Ranked by revenue, as the panel's bars are: the band that matters most, not the most frequent.
	const most = realGroups(d.rows, (x) => x.label).reduce<(typeof d.rows)[number] | null>((a, b) => (a === null || b.revenue > a.revenue ? b : a), null);
	if (!most) return null;
	return {
		id: 'dealSize',
		analysis: 'dealSize',
		value: most.revenue,
		text: `${most.label} deals bring the most revenue: ${formatMoney(most.revenue, currency)}${most.share === null ? '' : ` (${formatPercent(most.share)})`}.`
	};
};
