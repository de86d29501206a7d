/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { dealSizeChart } from '../../charts/index';
import { kit, reason, takeawayText } from '../../panels/helpers';
import type { PanelDefinition, PanelView } from '../../panels/types';
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
		const { r, money, pct, count, chart } = kit(input);
		const d = r.dealSize;
		return [
			{
				id: 'dealsize',
				label: 'Deal size',
				title: 'Orders and revenue by deal size',
				chart: chart(d, (x, o) => dealSizeChart(x, o)),
				unavailable: reason(d),
				table: d?.available
					? {
							caption: 'Orders and revenue by deal size',
							columns: [
								{ key: 'label', label: 'Deal size' },
								{ key: 'orders', label: 'Orders', numeric: true, format: count },
								{ key: 'revenue', label: 'Net revenue', numeric: true, format: money },
								{ key: 'share', label: 'Share', numeric: true, format: (v) => (v === null ? '' : pct(v)) }
							],
							rows: d.rows
						}
					: null
			}
		];
	
	}
};
