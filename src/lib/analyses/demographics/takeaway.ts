/** The demographics panel's sentence: the largest real group of the first dimension the data has, and its best average order value. */
import { formatMoney, plural, realGroups } from '../../format/index';
import type { Takeaway } from '../types';
import type { DemographicsResult } from './types';

const NOUNS = { age: 'age band', gender: 'gender group', city: 'city', channel: 'acquisition channel' } as const;

function largestGroup(d: DemographicsResult, dimension: keyof typeof NOUNS, currency?: string): string | null {
	const rows = realGroups(d.dimensions.find((x) => x.dimension === dimension)?.rows ?? [], (x) => x.label);
	const top = <T>(xs: T[], by: (x: T) => number) => xs.reduce<T | null>((a, b) => (a === null || by(b) > by(a) ? b : a), null);
	const most = top(rows, (x) => x.customers);
	if (!most) return null;
	const aov = top(
		rows.filter((x) => x.aov !== null),
		(x) => x.aov ?? 0
	);
	const tail = aov ? `; the highest average order value is ${aov.label} at ${formatMoney(aov.aov, currency)}` : '';
	return `The largest ${NOUNS[dimension]} is ${most.label} with ${plural(most.customers, 'customer')}${tail}.`;
}

export const demographicsTakeaway: Takeaway = ({ demographics: d }, { currency }) => {
	if (!d?.available) return null;
	const dimensions = Object.keys(NOUNS) as (keyof typeof NOUNS)[];
	const text = dimensions.map((x) => largestGroup(d, x, currency)).find((t) => t !== null) ?? `${plural(d.customersMatched, 'customer')} with details matched to their orders.`;
	return { id: 'demographics', analysis: 'demographics', value: d.customersMatched, text };
};
