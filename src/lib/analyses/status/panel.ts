/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { statusChart } from '../../charts/index';
import { kit, reason, takeawayText } from '../../panels/helpers';
import type { PanelDefinition, PanelView } from '../../panels/types';
import { statusTakeaway } from './takeaway';

export const statusPanel: PanelDefinition = {
	name: 'status',
	group: 'products',
	title: 'Order statuses',
	analyses: ['status'],
	dictionary: ['order-status'],
	unlockedBy: ['status'],
	takeaway: takeawayText(statusTakeaway),
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
