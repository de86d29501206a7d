/** The products and countries panels' sentence: the leading real group and the top three's share. */
import { formatMoney, formatPercent, realGroups } from '../../format/index';
import type { AnalysisName, Maybe, Sentence, Takeaway } from '../types';
import type { BreakdownResult } from './types';

function leaderSentence(analysis: AnalysisName, b: Maybe<BreakdownResult> | undefined, noun: string, currency?: string): Sentence | null {
	if (!b?.available) return null;
	const named = realGroups(b.rows, (x) => x.label);
	if (named.length === 0) return null;
	const first = named[0];
	const top3 = named.slice(0, 3);
	const share3 = top3.reduce((s, x) => s + (x.share ?? 0), 0);
	const share = first.share === null ? '' : ` (${formatPercent(first.share)} of net revenue)`;
	const rest = top3.length > 1 && first.share !== null ? `; the top ${top3.length} together bring ${formatPercent(share3)}` : '';
	return { id: analysis, analysis, value: first.revenue, text: `The leading ${noun}, ${first.label}, brings ${formatMoney(first.revenue, currency)}${share}${rest}.` };
}

export const productsTakeaway: Takeaway = (r, { currency }) => leaderSentence('products', r.products, 'product', currency) ?? leaderSentence('categories', r.categories, 'category', currency);

export const countriesTakeaway: Takeaway = (r, { currency }) => leaderSentence('countries', r.countries, 'country', currency) ?? leaderSentence('regions', r.regions, 'region', currency);
