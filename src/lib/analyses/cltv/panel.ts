/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { cltvChart, clvHistogramChart, holdoutChart } from '../../charts/index';
import { kit, reason, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
import { formatNumber } from '../../format/index';
import { PURCHASE_MODEL_LABEL } from '../../models/clv/index';
import { cltvTakeaway } from './takeaway';
import { fitSampleSentence } from '../clv/takeaway';

export const cltvPanel: PanelDefinition = {
	name: 'cltv',
	group: 'value',
	title: 'Customer lifetime value',
	analyses: ['cltv', 'clv'],
	dictionary: ['cltv'],
	unlockedBy: ['cltv'],
	takeaway: takeawayText(cltvTakeaway),
	views(input): PanelView[] {
		const { r, money, pct, share, count, chart, resultView, drillOnClick, drillLabel } = kit(input);
		const v = r.clv;
		const views: PanelView[] = [
			resultView(r.cltv, {
				id: 'tiers',
				label: 'Value tiers',
				title: 'Customer value tiers (historical CLTV)',
				draw: cltvChart,
				table: (c) => ({
					caption: 'Historical value tiers. Choose a tier to list its customers.',
					columns: [
						{ key: 'segment', label: 'Tier' },
						{ key: 'customers', label: 'Customers', numeric: true, format: count },
						{ key: 'revenue', label: 'Revenue', numeric: true, format: money },
						{ key: 'profit', label: 'Profit', numeric: true, format: money },
						{ key: 'avgProfit', label: 'Avg profit', numeric: true, format: money },
						{ key: 'profitShare', label: 'Profit share', numeric: true, format: share }
					],
					rows: [...c.segments].reverse(),
					onactivate: (row) => input.ondrill({ kind: 'cltvSegment', value: row.segment }),
					activateLabel: drillLabel('value tier')
				}),
				tableOpen: true,
				hint: 'Choose a tier in the table (or click its bar) to list its customers.',
				onchartclick: drillOnClick('cltvSegment')
			})
		];
		if (v) {
			views.push({
				id: 'predicted',
				label: 'Predicted value',
				title: v.available ? `Predicted customer value (${PURCHASE_MODEL_LABEL[v.model.chosen]} + Gamma-Gamma)` : 'Predicted customer value',
				chart: v.available && v.totals.predictedClv !== null ? chart(v, (x, o) => clvHistogramChart(x, o)) : null,
				unavailable: v.available ? (v.totals.predictedClv === null ? (v.gammaGammaRefusal ?? 'the spend model could not be fitted') : null) : reason(v),
				table: v.available
					? {
							caption: [`Predicted purchases and value per RFM segment. ${v.model.reason}`, fitSampleSentence(v)].filter(Boolean).join(' '),
							columns: [
								{ key: 'segment', label: 'Segment' },
								{ key: 'customers', label: 'Customers', numeric: true, format: count },
								{ key: 'meanPAlive', label: 'Mean P(active)', numeric: true, format: pct },
								{ key: 'expectedPurchases', label: 'Expected purchases', numeric: true, format: (x) => formatNumber(x, 1) },
								{ key: 'predictedClv', label: 'Predicted value', numeric: true, format: money }
							],
							rows: v.segments
						}
					: null
			});
			if (v.available) {
				views.push({
					id: 'holdout',
					label: 'Model check',
					title: 'Model check on a holdout period',
					chart: v.holdout.available ? chart(v, (x, o) => holdoutChart(x, o)) : null,
					unavailable: v.holdout.available ? null : v.holdout.reason
				});
			}
		}
		return views;
	}
};
