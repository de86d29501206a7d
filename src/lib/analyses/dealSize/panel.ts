/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { dealSizeChart } from '../../charts/index';
import { kit, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
import { dealSizeTakeaway } from './takeaway';

export const dealSizePanel: PanelDefinition = {
	name: 'dealsize',
	group: 'products',
	title: 'Deal sizes',
	analyses: ['dealSize'],
	dictionary: ['deal-size'],
	unlockedBy: ['deal-size'],
	takeaway: takeawayText(dealSizeTakeaway),
	views(input): PanelView[] {
		const { r, money, share, count, resultView } = kit(input);
		return [
			resultView(r.dealSize, {
				id: 'dealsize',
				label: 'Deal size',
				title: 'Orders and revenue by deal size',
				draw: dealSizeChart,
				table: (d) => ({
					caption: 'Orders and revenue by deal size',
					columns: [
						{ key: 'label', label: 'Deal size' },
						{ key: 'orders', label: 'Orders', numeric: true, format: count },
						{ key: 'revenue', label: 'Net revenue', numeric: true, format: money },
						{ key: 'share', label: 'Share', numeric: true, format: share }
					],
					rows: d.rows
				})
			})
		];
	}
};
