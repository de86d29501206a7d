/** The headline-numbers panel: drawn as KPI cards by the dashboard, so it has no chart views. */
import { formatCount, formatMoney, plural } from '../../insights/index';
import { summarySentence } from '../../panels/insights';
import type { PanelDefinition } from '../../panels/types';

export const kpisPanel: PanelDefinition = {
	name: 'kpis',
	group: 'overview',
	title: 'Headline numbers',
	analyses: ['kpis'],
	wide: true,
	dictionary: ['net-revenue'],
	takeaway: (input) => {
		const sentence = summarySentence(input, 'kpis');
		if (sentence) return sentence;
		const k = input.results.kpis;
		if (!k?.available) return null;
		const perCustomer = k.customers ? ` from ${plural(k.customers, 'customer')}` : '';
		return `${formatMoney(k.revenue, input.currency)} net revenue over ${plural(k.orders, 'order')}${perCustomer} in ${formatCount(k.period.days)} days.`;
	},
	views: () => []
};
