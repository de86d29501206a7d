/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { dataQualityChart } from '../../charts/index';
import { qualityReasons } from '../../charts/profile';
import { dataQualityFindings, plural } from '../../insights/index';
import { takeawayFrom } from '../../panels/insights';
import { kit } from '../../panels/helpers';
import type { PanelDefinition, PanelView } from '../../panels/types';

export const qualityPanel: PanelDefinition = {
	name: 'quality',
	group: 'quality',
	title: 'Data quality',
	analyses: ['dataQuality'],
	dictionary: ['cancellation', 'line-revenue'],
	takeaway: takeawayFrom(['dataQuality'], (input) => {
		const r = input.results;
		const q = r.dataQuality;
		if (!q?.available) return null;
		return [
			`${plural(q.lines, 'order line')} from ${q.firstDate ?? '?'} to ${q.lastDate ?? '?'}; ${plural(q.returnLines, 'return line')}, ${plural(q.cancelledOrders, 'cancelled order')} and ${plural(q.linesWithoutCustomer, 'line')} without a customer kept and flagged.`,
			...dataQualityFindings(r, input.currency)
		].join(' ');
	}),
	views(input): PanelView[] {
		const { count } = kit(input);
		const { quality, currency } = input;
		if (!quality) return [];
		const q = quality;
		return [
			{
				id: 'quality',
				label: 'Data quality',
				title: 'Rows flagged at import',
				chart: ({ width, dark }) => dataQualityChart(q, { width, dark, currency }),
				table: {
					caption: 'Rows flagged at import, by reason',
					columns: [
						{ key: 'reason', label: 'Reason' },
						{ key: 'rows', label: 'Rows', numeric: true, format: count },
						{ key: 'excluded', label: 'Excluded', format: (v) => (v ? 'yes' : 'no, kept') }
					],
					rows: qualityReasons(q)
				}
			}
		];
	
	}
};
