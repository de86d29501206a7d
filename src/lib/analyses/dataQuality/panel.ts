/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { dataQualityChart, qualityReasons } from '../../charts/index';
import { kit, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
import { dataQualityTakeaway } from './takeaway';

export const qualityPanel: PanelDefinition = {
	name: 'quality',
	group: 'quality',
	title: 'Data quality',
	analyses: ['dataQuality'],
	dictionary: ['cancellation', 'line-revenue'],
	takeaway: takeawayText(dataQualityTakeaway),
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
				chart: (ctx) => dataQualityChart(q, { ...ctx, currency }),
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
