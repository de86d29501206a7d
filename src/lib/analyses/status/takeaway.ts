/** The order-status panel's sentence: the most common real status and its share of orders. */
import { formatPercent, plural, realGroups } from '../../format/index';
import type { Takeaway } from '../types';

export const statusTakeaway: Takeaway = ({ status: s }) => {
	if (!s?.available) return null;
	const orders = s.rows.reduce((n, x) => n + x.orders, 0);
	const most = realGroups(s.rows, (x) => x.status).reduce<(typeof s.rows)[number] | null>((a, b) => (a === null || b.orders > a.orders ? b : a), null);
	if (!most || orders === 0) return null;
	return { id: 'status', analysis: 'status', value: most.orders / orders, text: `${formatPercent(most.orders / orders)} of orders have status ${most.status} (${plural(most.orders, 'order')}).` };
};
