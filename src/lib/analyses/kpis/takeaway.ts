/** The headline numbers' sentence: revenue, period, orders and customers. */
import { formatDate, formatMoney, plural } from '../../format/index';
import type { Takeaway } from '../types';

export const kpisTakeaway: Takeaway = ({ kpis: k }, { currency }) => {
	if (!k?.available) return null;
	const who = k.customers === null ? '' : ` from ${plural(k.customers, 'customer')}`;
	return {
		id: 'revenue',
		analysis: 'kpis',
		value: k.revenue,
		text: `Net revenue was ${formatMoney(k.revenue, currency)} from ${formatDate(k.period.from)} to ${formatDate(k.period.to)} (${plural(k.period.days, 'day')}), across ${plural(k.orders, 'order')}${who}.`
	};
};
