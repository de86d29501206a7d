/** The headline-numbers panel: drawn as KPI cards by the dashboard, so it has no chart views. */
import { takeawayText, type PanelDefinition } from '../../panels/kit';
import { kpisTakeaway } from './takeaway';

export const kpisPanel: PanelDefinition = {
	name: 'kpis',
	group: 'overview',
	title: 'Headline numbers',
	analyses: ['kpis'],
	wide: true,
	dictionary: ['net-revenue'],
	takeaway: takeawayText(kpisTakeaway),
	views: () => []
};
