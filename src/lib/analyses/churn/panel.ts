/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { churnChart, pAliveChart } from '../../charts/index';
import { selectionFromDatum } from '../../app/drill';
import { formatNumber } from '../../format/index';
import { kit, reason, takeawayText } from '../../panels/helpers';
import type { PanelDefinition, PanelView } from '../../panels/types';
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
		const { r, money, pct, count, chart, drillLabel } = kit(input);
		const { ondrill } = input;
		const c = r.churn;
		const views: PanelView[] = [
			{
				id: 'groups',
				label: 'Risk groups',
				title: 'Churn risk groups',
				chart: chart(c, (x, o) => churnChart(x, o)),
				unavailable: reason(c),
				table: c?.available
					? {
							caption: 'Customers per churn risk group. Choose a group to list its customers.',
							columns: [
								{ key: 'group', label: 'Group' },
								{ key: 'customers', label: 'Customers', numeric: true, format: count },
								{ key: 'share', label: 'Share', numeric: true, format: pct },
								{ key: 'revenue', label: 'Revenue', numeric: true, format: money },
								{ key: 'avgRecency', label: 'Avg days since last order', numeric: true, format: (x) => (x === null ? '' : formatNumber(x, 0)) }
							],
							rows: c.groups as unknown as Record<string, unknown>[],
							onactivate: (row) => ondrill({ kind: 'churnRisk', value: row.group as 'Churned' | 'High' | 'Medium' | 'Low' }),
							activateLabel: drillLabel('churn group')
						}
					: null,
				tableOpen: true,
				hint: 'Choose a group in the table (or click its bar) to list its customers.',
				onchartclick: (d) => {
					const s = selectionFromDatum('churnRisk', d);
					if (s) ondrill(s);
				}
			}
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
								{ key: 'meanPAlive', label: 'Mean P(active)', numeric: true, format: (x) => (x === null ? '' : pct(x)) }
							],
							rows: c.pAlive.groups
						}
					: null
			});
		}
		return views;
	
	}
};
