/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { DIMENSION_LABELS, demographicsChart } from '../../charts/index';
import { kit, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
import { demographicsTakeaway } from './takeaway';

export const demographicsPanel: PanelDefinition = {
	name: 'demographics',
	group: 'customers',
	title: 'Demographics',
	analyses: ['demographics'],
	dictionary: ['demographics'],
	unlockedBy: ['demographics'],
	takeaway: takeawayText(demographicsTakeaway),
	views(input): PanelView[] {
		const { r, money, count, chart } = kit(input);
		const d = r.demographics;
		if (!d?.available) return [];
		return d.dimensions.map((dim) => ({
			id: dim.dimension,
			label: DIMENSION_LABELS[dim.dimension].replace(/^./, (ch) => ch.toUpperCase()),
			title: `Customers by ${DIMENSION_LABELS[dim.dimension]}`,
			chart: chart(d, (x, o) => demographicsChart(x, dim.dimension, o)),
			table: {
				caption: `Customers, orders and revenue by ${DIMENSION_LABELS[dim.dimension]}`,
				columns: [
					{ key: 'label', label: DIMENSION_LABELS[dim.dimension].replace(/^./, (ch) => ch.toUpperCase()) },
					{ key: 'customers', label: 'Customers', numeric: true, format: count },
					{ key: 'orders', label: 'Orders', numeric: true, format: count },
					{ key: 'aov', label: 'AOV', numeric: true, format: money },
					{ key: 'revenue', label: 'Revenue', numeric: true, format: money },
					{ key: 'top', label: 'Top products' }
				],
				rows: dim.rows.map((row) => ({ ...row, top: row.topProducts.map((p) => p.product).join(', ') }))
			}
		}));
	
	}
};
