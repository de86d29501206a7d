/**
 * The sales trend's sentences. A trend is claimed only when the Mann–Kendall test on the complete
 * months finds one ("grew" / "fell"); seasonality names the strongest and weakest calendar month.
 */
import { formatChange, formatCount, formatMoney, formatMonth, formatNumber, monthName, plural } from '../../format/index';
import { MANN_KENDALL_MIN_N } from '../../models/trend/index';
import type { Sentence, Takeaway } from '../types';
import type { TrendResult } from './types';

function trendSentence(trend: TrendResult): Sentence | null {
	const d = trend.direction;
	const complete = trend.months.filter((m) => !m.partial);
	if (!d || complete.length < 2) return null;
	const span = `the ${formatCount(complete.length)} complete months from ${formatMonth(complete[0].month)} to ${formatMonth(complete[complete.length - 1].month)}`;
	const figures = [
		trend.compoundGrowth ? `compound growth ${formatChange(trend.compoundGrowth.rate)} a month` : '',
		trend.lastTwelveGrowth ? `the last 12 months ${formatChange(trend.lastTwelveGrowth.rate)} on the 12 before` : ''
	].filter(Boolean);
	const tail = figures.length ? `: ${figures.join('; ')}` : '';
	const text =
		d.direction === 'up'
			? `Monthly revenue grew over ${span}${tail}.`
			: d.direction === 'down'
				? `Monthly revenue fell over ${span}${tail}.`
				: complete.length < MANN_KENDALL_MIN_N
					? `Monthly revenue over ${span}${tail}; too few complete months to call a trend.`
					: `Monthly revenue shows no clear trend over ${span}${tail}.`;
	return { id: 'trend', analysis: 'trend', value: trend.compoundGrowth?.rate ?? 0, text };
}

/** With fewer than two complete months there is no trend to test: say what the months hold. */
function bestMonthsSentence(t: TrendResult, currency?: string): Sentence {
	const money = (v: number) => formatMoney(v, currency);
	const text =
		t.peak && t.lowest && t.lowest.month !== t.peak.month
			? `Best complete month: ${formatMonth(t.peak.month)} (${money(t.peak.revenue)}); weakest: ${formatMonth(t.lowest.month)} (${money(t.lowest.revenue)}).`
			: t.peak
				? `Best complete month: ${formatMonth(t.peak.month)} (${money(t.peak.revenue)}).`
				: `${plural(t.months.length, 'month')} of sales, none of them complete yet.`;
	return { id: 'trend', analysis: 'trend', value: t.peak?.revenue ?? 0, text };
}

export const trendTakeaway: Takeaway = ({ trend }, { currency }) => (trend?.available ? (trendSentence(trend) ?? bestMonthsSentence(trend, currency)) : null);

/** The best complete month against the average one (the executive summary adds it to the trend). */
export const peakSentence: Takeaway = ({ trend }, { currency }) => {
	if (!trend?.available || !trend.peak || trend.completeMonths < 2) return null;
	const mean = trend.months.filter((m) => !m.partial).reduce((s, m) => s + m.revenue, 0) / trend.completeMonths;
	const ratio = mean > 0 ? ` (${formatNumber(trend.peak.revenue / mean, 1)}× the average complete month)` : '';
	return {
		id: 'peak',
		analysis: 'trend',
		value: trend.peak.revenue,
		text: `The best month was ${formatMonth(trend.peak.month)} with ${formatMoney(trend.peak.revenue, currency)}${ratio}.`
	};
};

export const seasonalityTakeaway: Takeaway = ({ trend }) => {
	if (!trend?.available) return null;
	const known = trend.seasonality.filter((x): x is { month: number; index: number; completeMonths: number } => x.index !== null);
	if (known.length < 2) return { id: 'seasonality', analysis: 'trend', value: known.length, text: 'Seasonality needs complete months of several calendar months.' };
	const hi = known.reduce((a, b) => (b.index > a.index ? b : a));
	const lo = known.reduce((a, b) => (b.index < a.index ? b : a));
	return {
		id: 'seasonality',
		analysis: 'trend',
		value: hi.index,
		text: `${monthName(hi.month)} is the strongest calendar month (index ${formatNumber(hi.index, 2)}) and ${monthName(lo.month)} the weakest (${formatNumber(lo.index, 2)}).`
	};
};
