/** The churn panel's sentence: the churn rate and what the churned customers had spent. */
import { formatCount, formatMoney, formatPercent } from '../../format/index';
import type { Takeaway } from '../types';

export const churnTakeaway: Takeaway = ({ churn }, { currency: c }) => {
	if (!churn?.available) return null;
	const churned = churn.groups.find((g) => g.group === 'Churned');
	const total = churn.groups.reduce((s, g) => s + g.revenue, 0);
	const rev = churned && churned.revenue !== 0 ? `; they had spent ${formatMoney(churned.revenue, c)}${total > 0 ? ` (${formatPercent(churned.revenue / total)} of customer revenue)` : ''}` : '';
	return {
		id: 'churn',
		analysis: 'churn',
		value: churn.churnRate,
		text: `${formatPercent(churn.churnRate)} of customers (${formatCount(churn.churned)} of ${formatCount(churn.customers)}) have churned, with no order in the last ${churn.churnDays} days${rev}.`
	};
};
