/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { churnChart, pAliveChart } from '../../charts/index';
import { kit, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
import { formatNumber } from '../../format/index';
import { PURCHASE_MODEL_LABEL } from '../../models/clv/index';
import { churnTakeaway } from './takeaway';

export const churnPanel: PanelDefinition = {
	name: 'churn',
	group: 'churn',
	title: 'Churn risk',
	analyses: ['churn'],
	dictionary: ['churn'],
	unlockedBy: ['churn'],
	takeaway: takeawayText(churnTakeaway),
	views(input): PanelView[] {
		const { r, money, pct, share, count, chart, resultView, drillOnClick, drillLabel } = kit(input);
		const c = r.churn;
		const views: PanelView[] = [
			resultView(c, {
				id: 'groups',
				label: 'Risk groups',
				title: 'Churn risk groups',
				draw: churnChart,
				table: (x) => ({
					caption: 'Customers per churn risk group. Choose a group to list its customers.',
					columns: [
						{ key: 'group', label: 'Group' },
						{ key: 'customers', label: 'Customers', numeric: true, format: count },
						{ key: 'share', label: 'Share', numeric: true, format: pct },
						{ key: 'revenue', label: 'Revenue', numeric: true, format: money },
						{ key: 'avgRecency', label: 'Avg days since last order', numeric: true, format: (v) => (v === null ? '' : formatNumber(v, 0)) }
					],
					rows: x.groups,
					onactivate: (row) => input.ondrill({ kind: 'churnRisk', value: row.group }),
					activateLabel: drillLabel('churn group')
				}),
				tableOpen: true,
				hint: 'Choose a group in the table (or click its bar) to list its customers.',
				onchartclick: drillOnClick('churnRisk')
			})
		];
		if (c?.available) {
			const model = r.clv?.available ? PURCHASE_MODEL_LABEL[r.clv.model.chosen] : 'the purchase model';
			views.push({
				id: 'palive',
				label: 'P(active) model',
				title: `Probability still active (${model})`,
				chart: c.pAlive.available ? chart(c, (x, o) => pAliveChart(x, o)) : null,
				unavailable: c.pAlive.available ? null : c.pAlive.reason,
				table: c.pAlive.available
					? {
							caption: `Customers per P(active) risk group, from ${model}${r.clv?.available ? `. ${r.clv.model.reason}` : ''}`,
							columns: [
								{ key: 'group', label: 'Risk' },
								{ key: 'customers', label: 'Customers', numeric: true, format: count },
								{ key: 'share', label: 'Share', numeric: true, format: pct },
								{ key: 'meanPAlive', label: 'Mean P(active)', numeric: true, format: share }
							],
							rows: c.pAlive.groups
						}
					: null
			});
		}
		return views;
	}
};
