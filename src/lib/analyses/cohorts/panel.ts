/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { cohortChart } from '../../charts/index';
import { selectionFromDatum } from '../../app/drill';
import { formatMonth } from '../../format/index';
import { kit, reason, takeawayText } from '../../panels/helpers';
import type { PanelDefinition, PanelView } from '../../panels/types';
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
		const { r, pct, count, chart } = kit(input);
		const { ondrill } = input;
		const c = r.cohorts;
		const cols = [1, 2, 3, 6, 12].filter((m) => c?.available && m <= c.maxMonthsSince);
		return [
			{
				id: 'cohorts',
				label: 'Retention',
				title: 'Cohort retention',
				chart: chart(c, (x, o) => cohortChart(x, o)),
				unavailable: reason(c),
				table: c?.available
					? {
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
							onactivate: (row) => ondrill({ kind: 'cohort', value: String(row.cohort) }),
							activateLabel: (row) => `Show the customers of the ${formatMonth(String(row.cohort))} cohort`
						}
					: null,
				hint: 'Click a cohort’s cells, or open the data table and choose a cohort, to list its customers.',
				onchartclick: (d) => {
					const s = selectionFromDatum('cohort', d);
					if (s) ondrill(s);
				}
			}
		];
	
	}
};
