/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { demographicsChart } from '../../charts/index';
import { DIMENSION_LABELS } from '../../charts/profile';
import { plural } from '../../insights/index';
import { takeawayFrom } from '../../panels/insights';
import { kit } from '../../panels/helpers';
import type { PanelDefinition, PanelView } from '../../panels/types';

export const demographicsPanel: PanelDefinition = {
	name: 'demographics',
	group: 'customers',
	title: 'Demographics',
	analyses: ['demographics'],
	dictionary: ['demographics'],
	unlockedBy: ['demographics'],
	takeaway: takeawayFrom(['demographicsAge', 'demographicsGender', 'demographicsCity', 'demographicsChannel'], (input) => {
		const r = input.results;
		const d = r.demographics;
		if (!d?.available) return null;
		return `${plural(d.customersMatched, 'customer')} with details matched to their orders.`;
	}),
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
