/** The cohort panel's sentence: the best-retaining cohort, else the average month-1 retention. */
import { formatMonth, formatPercent, plural } from '../../format/index';
import type { Takeaway } from '../types';
import type { CohortResult } from './types';

/** The cohort with the highest share ordering again one month after its first, among cohorts large enough to compare. */
function bestCohort(c: CohortResult): { cohort: string; customers: number; share: number } | null {
	const candidates = c.cohorts
		.map((k) => ({ cohort: k.cohort, customers: k.customers, share: k.cells.find((x) => x.monthsSince === 1)?.share }))
		.filter((k): k is { cohort: string; customers: number; share: number } => k.share !== undefined);
	const big = candidates.filter((k) => k.customers >= 10);
	const pool = big.length >= 2 ? big : candidates;
	if (pool.length < 2) return null;
	return pool.reduce((a, b) => (b.share > a.share ? b : a));
}

export const cohortsTakeaway: Takeaway = ({ cohorts: c }) => {
	if (!c?.available || c.cohorts.length === 0) return null;
	const best = bestCohort(c);
	if (best) {
		return {
			id: 'bestCohort',
			analysis: 'cohorts',
			value: best.share,
			text: `The best-retaining cohort is ${formatMonth(best.cohort)}: ${formatPercent(best.share)} of its ${plural(best.customers, 'customer')} ordered again the month after their first order.`
		};
	}
	const m1 = c.cohorts.map((k) => k.cells.find((x) => x.monthsSince === 1)).filter((x) => x !== undefined);
	if (m1.length === 0) return { id: 'bestCohort', analysis: 'cohorts', value: 0, text: `${plural(c.cohorts.length, 'cohort')}; none is old enough to show a second month yet.` };
	const avg = m1.reduce((s, x) => s + x.share, 0) / m1.length;
	return { id: 'bestCohort', analysis: 'cohorts', value: avg, text: `On average ${formatPercent(avg)} of a cohort order again in the month after their first order.` };
};
