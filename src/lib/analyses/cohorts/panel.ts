/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { cohortChart } from '../../charts/index';
import { kit, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
import { formatMonth } from '../../format/index';
import { cohortsTakeaway } from './takeaway';

export const cohortsPanel: PanelDefinition = {
	name: 'cohorts',
	group: 'cohorts',
	title: 'Cohort retention',
	analyses: ['cohorts'],
	wide: true,
	dictionary: ['cohorts'],
	unlockedBy: ['cohorts'],
	takeaway: takeawayText(cohortsTakeaway),
	views(input): PanelView[] {
		const { r, pct, count, resultView, drillOnClick } = kit(input);
		return [
			resultView(r.cohorts, {
				id: 'cohorts',
				label: 'Retention',
				title: 'Cohort retention',
				draw: cohortChart,
				table: (c) => {
					const cols = [1, 2, 3, 6, 12].filter((m) => m <= c.maxMonthsSince);
					return {
						caption: 'Cohorts by month of first order: share ordering again n months later. Choose a cohort to list its customers.',
						columns: [
							{ key: 'cohort', label: 'Cohort', format: (v) => formatMonth(String(v)) },
							{ key: 'customers', label: 'Customers', numeric: true, format: count },
							...cols.map((m) => ({ key: `m${m}`, label: `Month ${m}`, numeric: true, format: (v: unknown) => (v === null || v === undefined ? '' : pct(v)) }))
						],
						rows: c.cohorts.map((k) => ({
							cohort: k.cohort,
							customers: k.customers,
							...Object.fromEntries(cols.map((m) => [`m${m}`, k.cells.find((x) => x.monthsSince === m)?.share ?? null]))
						})),
						limit: 36,
						onactivate: (row) => input.ondrill({ kind: 'cohort', value: String(row.cohort) }),
						activateLabel: (row) => `Show the customers of the ${formatMonth(String(row.cohort))} cohort`
					};
				},
				hint: 'Click a cohort’s cells, or open the data table and choose a cohort, to list its customers.',
				onchartclick: drillOnClick('cohort')
			})
		];
	}
};
