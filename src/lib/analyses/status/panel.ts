/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { statusChart } from '../../charts/index';
import { plural, realGroups } from '../../insights/index';
import { takeawayFrom } from '../../panels/insights';
import { kit, reason } from '../../panels/helpers';
import type { PanelDefinition, PanelView } from '../../panels/types';

export const statusPanel: PanelDefinition = {
	name: 'status',
	group: 'products',
	title: 'Order statuses',
	analyses: ['status'],
	dictionary: ['order-status'],
	unlockedBy: ['status'],
	takeaway: takeawayFrom(['status'], (input) => {
		const r = input.results;
		const s = r.status;
		if (!s?.available || s.rows.length === 0) return null;
		const named = realGroups(s.rows, (x) => x.status);
		if (named.length === 0) return null;
		const top = named.reduce((a, b) => (b.orders > a.orders ? b : a));
		return `The most common status is “${top.status}” (${plural(top.orders, 'order')}); ${plural(s.rows.length, 'status', 'statuses')} in total.`;
	}),
	views(input): PanelView[] {
		const { r, money, pct, count, chart } = kit(input);
		const s = r.status;
		return [
			{
				id: 'status',
				label: 'Status',
				title: 'Orders by status',
				chart: chart(s, (x, o) => statusChart(x, o)),
				unavailable: reason(s),
				table: s?.available
					? {
							caption: 'Orders and revenue by order status',
							columns: [
								{ key: 'status', label: 'Status' },
								{ key: 'orders', label: 'Orders', numeric: true, format: count },
								{ key: 'lines', label: 'Lines', numeric: true, format: count },
								{ key: 'revenue', label: 'Net revenue', numeric: true, format: money },
								{ key: 'share', label: 'Share', numeric: true, format: (v) => (v === null ? '' : pct(v)) }
							],
							rows: s.rows
						}
					: null
			}
		];
	
	}
};
