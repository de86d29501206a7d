/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { statusChart } from '../../charts/index';
import { kit, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
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
		const { r, money, share, count, resultView } = kit(input);
		return [
			resultView(r.status, {
				id: 'status',
				label: 'Status',
				title: 'Orders by status',
				draw: statusChart,
				table: (s) => ({
					caption: 'Orders and revenue by order status',
					columns: [
						{ key: 'status', label: 'Status' },
						{ key: 'orders', label: 'Orders', numeric: true, format: count },
						{ key: 'lines', label: 'Lines', numeric: true, format: count },
						{ key: 'revenue', label: 'Net revenue', numeric: true, format: money },
						{ key: 'share', label: 'Share', numeric: true, format: share }
					],
					rows: s.rows
				})
			})
		];
	}
};
