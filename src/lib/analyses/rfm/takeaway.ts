/**
 * The RFM panels' sentences, and the segment facts the executive summary adds: the largest
 * segment, the one bringing the most revenue, and the once-valuable customers slipping away.
 */
import { formatCount, formatMoney, formatPercent, listJoin, plural } from '../../format/index';
import type { Sentence, Takeaway } from '../types';

/** Segments whose customers used to be valuable and are slipping away (both RFM schemes). */
const AT_RISK_SEGMENTS = ['At Risk', "Can't Lose Them"] as const;

export const largestSegmentSentence: Takeaway = ({ rfm }) => {
	if (!rfm?.available || rfm.segments.length === 0) return null;
	const largest = rfm.segments.reduce((a, b) => (b.customers > a.customers ? b : a));
	return {
		id: 'largestSegment',
		analysis: 'rfm',
		value: largest.share,
		text: `The largest customer segment is ${largest.segment}: ${plural(largest.customers, 'customer')} (${formatPercent(largest.share)} of ${formatCount(rfm.customers)}).`
	};
};

export const valuableSegmentSentence: Takeaway = ({ rfm }, { currency }) => {
	if (!rfm?.available || rfm.segments.length === 0) return null;
	const valuable = rfm.segments.reduce((a, b) => (b.revenue > a.revenue ? b : a));
	if (valuable.revenueShare === null || valuable.revenue <= 0) return null;
	return {
		id: 'valuableSegment',
		analysis: 'rfm',
		value: valuable.revenueShare,
		text: `The ${valuable.segment} segment brings in the most revenue: ${formatMoney(valuable.revenue, currency)} (${formatPercent(valuable.revenueShare)} of revenue) from ${formatPercent(valuable.share)} of customers.`
	};
};

export const atRiskSentence: Takeaway = ({ rfm }, { currency }) => {
	if (!rfm?.available) return null;
	const risk = rfm.segments.filter((s) => (AT_RISK_SEGMENTS as readonly string[]).includes(s.segment) && s.customers > 0);
	const customers = risk.reduce((s, x) => s + x.customers, 0);
	const revenue = risk.reduce((s, x) => s + x.revenue, 0);
	if (customers === 0) return null;
	return {
		id: 'atRisk',
		analysis: 'rfm',
		value: revenue,
		text: `${plural(customers, 'once-valuable customer')} (${listJoin(risk.map((s) => s.segment))}) have not ordered recently; together they have spent ${formatMoney(revenue, currency)} and are worth a personalised win-back.`
	};
};

export const rfmTakeaway: Takeaway = (r, o) => valuableSegmentSentence(r, o) ?? largestSegmentSentence(r, o);

export const rfmHeatmapTakeaway: Takeaway = ({ rfm }, { currency }) => {
	if (!rfm?.available || rfm.segments.length === 0) return null;
	const best = rfm.heatmap.find((x) => x.r === rfm.bins && x.f === rfm.bins);
	const worst = rfm.heatmap.find((x) => x.r === 1 && x.f === 1);
	const sentence = (value: number, text: string): Sentence => ({ id: 'rfmHeatmap', analysis: 'rfm', value, text });
	if (!best || !worst) return sentence(rfm.customers, `${plural(rfm.customers, 'customer')} scored on recency and frequency; darker cells spend more per customer.`);
	return sentence(
		best.meanMonetary,
		`The ${plural(best.customers, 'customer')} with the top recency and frequency scores spend ${formatMoney(best.meanMonetary, currency)} on average, against ${formatMoney(worst.meanMonetary, currency)} for the ${formatCount(worst.customers)} with the lowest.`
	);
};

export const rfmScatterTakeaway: Takeaway = ({ rfm }) => {
	if (!rfm?.available || rfm.customers === 0) return null;
	const once = rfm.scatter.cells.filter((x) => x.frequencyTo === 1).reduce((s, x) => s + x.customers, 0);
	const recent = rfm.scatter.cells.filter((x) => x.recencyFrom === 0).reduce((s, x) => s + x.customers, 0);
	return {
		id: 'rfmScatter',
		analysis: 'rfm',
		value: once / rfm.customers,
		text: `${formatPercent(once / rfm.customers)} of customers have ordered only once, and ${formatPercent(recent / rfm.customers)} ordered in the last ${rfm.scatter.recencyBinDays} days.`
	};
};
