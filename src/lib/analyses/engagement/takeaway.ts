/** The engagement panel's sentence (daily and 30-day active customers) and the stickiness the executive summary states. */
import { formatNumber, formatPercent, plural } from '../../format/index';
import type { Takeaway } from '../types';

export const engagementTakeaway: Takeaway = ({ engagement: e }) => {
	if (!e?.available) return null;
	const perDay = `On average ${formatNumber(e.avgDau, 1)} customers order per day`;
	return {
		id: 'engagement',
		analysis: 'engagement',
		value: e.avgDau,
		text: e.avgMau === null ? `${perDay}; the data covers less than 30 days, so no 30-day window is complete yet.` : `${perDay} and ${formatNumber(e.avgMau, 1)} in any complete 30-day window.`
	};
};

export const stickinessSentence: Takeaway = ({ engagement: e }) => {
	if (!e?.available || e.stickiness === null) return null;
	return {
		id: 'stickiness',
		analysis: 'engagement',
		value: e.stickiness,
		text: `Stickiness is ${formatPercent(e.stickiness)}: customers ordering on an average day against the ${formatNumber(e.avgMau ?? 0, 1)} active in the last 30 days, over the ${plural(e.completeDays, 'day')} whose 30-day window lies within the data.`
	};
};
