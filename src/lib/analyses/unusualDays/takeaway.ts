/** The unusual days' sentence for the executive summary: how many, and the most extreme one. */
import { formatCount, formatDate, formatMoney, plural } from '../../format/index';
import type { Takeaway } from '../types';

export const unusualDaysSentence: Takeaway = ({ unusualDays: u }, { currency }) => {
	// Sparse data (most weekdays without sales) leaves nothing to score: no claim either way.
	if (!u?.available || u.daysScored === 0) return null;
	if (u.unusual.length === 0) {
		return { id: 'unusualDays', analysis: 'unusualDays', value: 0, text: `No unusual days among the ${plural(u.daysScored, 'day')} scored.` };
	}
	const top = u.unusual.reduce((a, b) => (Math.abs(b.z) > Math.abs(a.z) ? b : a));
	const high = u.unusual.filter((d) => d.direction === 'high').length;
	return {
		id: 'unusualDays',
		analysis: 'unusualDays',
		value: u.unusual.length,
		text: `${plural(u.unusual.length, 'unusual day')} (${formatCount(high)} high, ${formatCount(u.unusual.length - high)} low); the most extreme, ${formatDate(top.date)}, had ${formatMoney(top.revenue, currency)} against ${formatMoney(top.expected, currency)} expected.`
	};
};
