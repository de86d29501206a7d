/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { engagementChart, stickinessChart } from '../../charts/index';
import { kit, reason, takeawayText, type PanelDefinition, type PanelView, type TableSpec } from '../../panels/kit';
import { engagementTakeaway } from './takeaway';

export const engagementPanel: PanelDefinition = {
	name: 'engagement',
	group: 'churn',
	title: 'Engagement',
	analyses: ['engagement'],
	dictionary: ['stickiness', 'dau'],
	unlockedBy: ['engagement'],
	takeaway: takeawayText(engagementTakeaway),
	views(input): PanelView[] {
		const { r, pct, count, chart } = kit(input);
		const e = r.engagement;
		const table: TableSpec | null = e?.available
			? {
					caption: 'Daily and 30-day active customers',
					columns: [
						{ key: 'date', label: 'Date' },
						{ key: 'dau', label: 'Active that day', numeric: true, format: count },
						{ key: 'mau', label: 'Active in 30 days', numeric: true, format: count },
						{ key: 'ratio', label: 'Ratio', numeric: true, format: (x) => (x === null ? '' : pct(x)) },
						{ key: 'complete', label: 'Full 30-day window', format: (x) => (x ? 'yes' : 'no (before the data starts)') }
					],
					rows: e.series as unknown as Record<string, unknown>[]
				}
			: null;
		return [
			{ id: 'active', label: 'Active customers', title: 'Active customers', chart: chart(e, (x, o) => engagementChart(x, o)), unavailable: reason(e), table },
			{ id: 'stickiness', label: 'Stickiness', title: 'Stickiness (DAU/MAU)', chart: chart(e, (x, o) => stickinessChart(x, o)), unavailable: reason(e), table }
		];
	}
};
