/**
 * The executive summary and the one-line takeaway under each panel: plain sentences, each built
 * from a computed number of the results. A sentence whose analysis is unavailable is left out;
 * no sentence claims more than its numbers support (e.g. "grew" only when a trend test on the
 * complete months finds a rise).
 * Sentences are plain text: user values (product names…) must be escaped wherever they are rendered.
 */
import type { AnalysisName, AnalysisResults, ChurnResult, CohortResult, ForecastAnalysisResult, RfmResult, TrendResult } from '../analyses/index';
import type { PanelId } from '../charts/index';
import { MANN_KENDALL_MIN_N } from '../models/trend/index';
import type { QualitySummary } from '../ingest/types';
import {
	formatChange,
	formatCount,
	formatDate,
	formatMoney,
	formatMonth,
	formatNumber,
	formatPercent,
	listJoin,
	monthName,
	plural
} from './format';
import { realGroups } from './buckets';
import { feedbackChurnSentence, feedbackHeadline, feedbackMonthlySentence } from './feedback';

export interface Sentence {
	id: string;
	text: string;
	/** The analysis the number comes from. */
	analysis: AnalysisName;
	/** The headline number of the sentence (money in the data's currency, ratios as 0…1). */
	value: number;
}

export interface InsightOptions {
	/** Currency symbol or code for money ("£"). */
	currency?: string;
	/** The import's data-quality summary (for the data-quality takeaway). */
	quality?: QualitySummary | null;
}

/** Segments whose customers used to be valuable and are slipping away (both RFM schemes). */
export const AT_RISK_SEGMENTS = ['At Risk', "Can't Lose Them"] as const;

/* ───────────────────────── per-analysis facts, shared by the summary and the takeaways ───────────────────────── */

function revenueSentence(r: AnalysisResults, c?: string): Sentence | null {
	const k = r.kpis;
	if (!k.available) return null;
	const who = k.customers === null ? '' : ` from ${plural(k.customers, 'customer')}`;
	return {
		id: 'revenue',
		analysis: 'kpis',
		value: k.revenue,
		text: `Net revenue was ${formatMoney(k.revenue, c)} from ${formatDate(k.period.from)} to ${formatDate(k.period.to)} (${plural(k.period.days, 'day')}), across ${plural(k.orders, 'order')}${who}.`
	};
}

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

function peakSentence(trend: TrendResult, c?: string): Sentence | null {
	if (!trend.peak || trend.completeMonths < 2) return null;
	const mean = trend.months.filter((m) => !m.partial).reduce((s, m) => s + m.revenue, 0) / trend.completeMonths;
	const ratio = mean > 0 ? ` (${formatNumber(trend.peak.revenue / mean, 1)}× the average complete month)` : '';
	return {
		id: 'peak',
		analysis: 'trend',
		value: trend.peak.revenue,
		text: `The best month was ${formatMonth(trend.peak.month)} with ${formatMoney(trend.peak.revenue, c)}${ratio}.`
	};
}

function segmentSentences(rfm: RfmResult, c?: string): Sentence[] {
	if (rfm.segments.length === 0) return [];
	const largest = rfm.segments.reduce((a, b) => (b.customers > a.customers ? b : a));
	const valuable = rfm.segments.reduce((a, b) => (b.revenue > a.revenue ? b : a));
	const out: Sentence[] = [
		{
			id: 'largestSegment',
			analysis: 'rfm',
			value: largest.share,
			text: `The largest customer segment is ${largest.segment}: ${plural(largest.customers, 'customer')} (${formatPercent(largest.share)} of ${formatCount(rfm.customers)}).`
		}
	];
	if (valuable.revenueShare !== null && valuable.revenue > 0) {
		out.push({
			id: 'valuableSegment',
			analysis: 'rfm',
			value: valuable.revenueShare,
			text: `The ${valuable.segment} segment brings in the most revenue: ${formatMoney(valuable.revenue, c)} (${formatPercent(valuable.revenueShare)} of revenue) from ${formatPercent(valuable.share)} of customers.`
		});
	}
	const risk = rfm.segments.filter((s) => (AT_RISK_SEGMENTS as readonly string[]).includes(s.segment) && s.customers > 0);
	const customers = risk.reduce((s, x) => s + x.customers, 0);
	const revenue = risk.reduce((s, x) => s + x.revenue, 0);
	if (customers > 0) {
		out.push({
			id: 'atRisk',
			analysis: 'rfm',
			value: revenue,
			text: `${plural(customers, 'once-valuable customer')} (${listJoin(risk.map((s) => s.segment))}) have not ordered recently; together they have spent ${formatMoney(revenue, c)} and are worth a personalised win-back.`
		});
	}
	return out;
}

function churnSentence(churn: ChurnResult, c?: string): Sentence {
	const churned = churn.groups.find((g) => g.group === 'Churned');
	const total = churn.groups.reduce((s, g) => s + g.revenue, 0);
	const rev = churned && churned.revenue !== 0 ? `; they had spent ${formatMoney(churned.revenue, c)}${total > 0 ? ` (${formatPercent(churned.revenue / total)} of customer revenue)` : ''}` : '';
	return {
		id: 'churn',
		analysis: 'churn',
		value: churn.churnRate,
		text: `${formatPercent(churn.churnRate)} of customers (${formatCount(churn.churned)} of ${formatCount(churn.customers)}) have churned, with no order in the last ${churn.churnDays} days${rev}.`
	};
}

/** The cohort with the highest share ordering again one month after its first, among cohorts large enough to compare. */
export function bestCohort(c: CohortResult): { cohort: string; customers: number; share: number } | null {
	const candidates = c.cohorts
		.map((k) => ({ cohort: k.cohort, customers: k.customers, share: k.cells.find((x) => x.monthsSince === 1)?.share }))
		.filter((k): k is { cohort: string; customers: number; share: number } => k.share !== undefined);
	const big = candidates.filter((k) => k.customers >= 10);
	const pool = big.length >= 2 ? big : candidates;
	if (pool.length < 2) return null;
	return pool.reduce((a, b) => (b.share > a.share ? b : a));
}

function cohortSentence(c: CohortResult): Sentence | null {
	const best = bestCohort(c);
	if (!best) return null;
	return {
		id: 'bestCohort',
		analysis: 'cohorts',
		value: best.share,
		text: `The best-retaining cohort is ${formatMonth(best.cohort)}: ${formatPercent(best.share)} of its ${plural(best.customers, 'customer')} ordered again the month after their first order.`
	};
}

function periodName(f: ForecastAnalysisResult, i: number): string {
	return f.granularity === 'month' ? formatMonth(f.labels[i]) : `the week of ${formatDate(f.labels[i])}`;
}

function forecastSentences(f: ForecastAnalysisResult, c?: string): Sentence[] {
	if (f.forecast.length === 0) return [];
	const unit = f.granularity === 'month' ? 'month' : 'week';
	const total = f.forecast.reduce((s, v) => s + v, 0);
	const first = `${periodName(f, 0)}${f.partialLast ? ' (in progress)' : ''}`;
	const out: Sentence[] = [
		{
			id: 'forecast',
			analysis: 'forecast',
			value: f.forecast[0],
			text: `Forecast for ${first}: ${formatMoney(f.forecast[0], c)} (80% interval ${formatMoney(f.lo80[0], c)} to ${formatMoney(f.hi80[0], c)}); ${formatMoney(total, c)} in total over the next ${plural(f.forecast.length, unit)}.`
		}
	];
	const b = f.backtest;
	if (b) {
		const beats = b.mase < b.naiveMase;
		out.push({
			id: 'forecastBacktest',
			analysis: 'forecast',
			value: b.mase,
			text: beats
				? `In backtests the forecast was more accurate than a seasonal naive forecast (MASE ${formatNumber(b.mase, 2)} vs ${formatNumber(b.naiveMase, 2)}).`
				: `In backtests the forecast was not more accurate than a seasonal naive forecast (MASE ${formatNumber(b.mase, 2)} vs ${formatNumber(b.naiveMase, 2)}): treat it with caution.`
		});
	}
	return out;
}

function unusualSentence(r: AnalysisResults, c?: string): Sentence | null {
	const u = r.unusualDays;
	// Sparse data (most weekdays without sales) leaves nothing to score: no claim either way.
	if (!u.available || u.daysScored === 0) return null;
	if (u.unusual.length === 0) {
		return { id: 'unusualDays', analysis: 'unusualDays', value: 0, text: `No unusual days among the ${plural(u.daysScored, 'day')} scored.` };
	}
	const top = u.unusual.reduce((a, b) => (Math.abs(b.z) > Math.abs(a.z) ? b : a));
	const high = u.unusual.filter((d) => d.direction === 'high').length;
	return {
		id: 'unusualDays',
		analysis: 'unusualDays',
		value: u.unusual.length,
		text: `${plural(u.unusual.length, 'unusual day')} (${formatCount(high)} high, ${formatCount(u.unusual.length - high)} low); the most extreme, ${formatDate(top.date)}, had ${formatMoney(top.revenue, c)} against ${formatMoney(top.expected, c)} expected.`
	};
}

function stickinessSentence(r: AnalysisResults): Sentence | null {
	const e = r.engagement;
	if (!e.available || e.stickiness === null) return null;
	return {
		id: 'stickiness',
		analysis: 'engagement',
		value: e.stickiness,
		text: `Stickiness is ${formatPercent(e.stickiness)}: customers ordering on an average day against the ${formatNumber(e.avgMau ?? 0, 1)} active in the last 30 days, over the ${plural(e.completeDays, 'day')} whose 30-day window lies within the data.`
	};
}

function clvSentence(r: AnalysisResults, c?: string): Sentence | null {
	const v = r.clv;
	if (!v.available || v.totals.predictedClv === null || v.customers === 0) return null;
	return {
		id: 'clv',
		analysis: 'clv',
		value: v.totals.predictedClv,
		text: `Existing customers are predicted to be worth ${formatMoney(v.totals.predictedClv, c)} over the next ${plural(v.horizonMonths, 'month')} (${formatMoney(v.totals.predictedClv / v.customers, c)} per customer on average).`
	};
}

/** The executive summary: every sentence built from a computed number; unavailable analyses give none. */
export function executiveSummary(r: AnalysisResults, opts: InsightOptions = {}): Sentence[] {
	const c = opts.currency;
	const out: (Sentence | null)[] = [revenueSentence(r, c)];
	if (r.trend.available) out.push(trendSentence(r.trend), peakSentence(r.trend, c));
	if (r.rfm.available) out.push(...segmentSentences(r.rfm, c));
	if (r.churn.available) out.push(churnSentence(r.churn, c));
	out.push(clvSentence(r, c), stickinessSentence(r));
	if (r.cohorts.available) out.push(cohortSentence(r.cohorts));
	out.push(unusualSentence(r, c));
	if (r.feedback.available) out.push({ id: 'feedback', analysis: 'feedback', value: r.feedback.avgRating, text: feedbackHeadline(r.feedback) });
	if (r.forecast.available) out.push(...forecastSentences(r.forecast, c));
	return out.filter((s): s is Sentence => s !== null);
}

/* ───────────────────────── takeaways ───────────────────────── */

type Takeaway = (r: AnalysisResults, o: InsightOptions) => string | null;

const top = <T>(rows: T[], by: (x: T) => number): T | undefined => rows.reduce<T | undefined>((a, b) => (a === undefined || by(b) > by(a) ? b : a), undefined);

function breakdownTakeaway(key: 'products' | 'categories' | 'countries' | 'regions', noun: string): Takeaway {
	return (r, o) => {
		const b = r[key];
		if (!b.available) return null;
		const named = realGroups(b.rows, (x) => x.label);
		if (named.length === 0 || named[0].share === null) return null;
		const first = named[0];
		const top3 = named.slice(0, 3);
		const share3 = top3.reduce((s, x) => s + (x.share ?? 0), 0);
		const rest = top3.length > 1 ? `; the top ${top3.length} together bring ${formatPercent(share3)}` : '';
		return `The leading ${noun}, ${first.label}, brings ${formatMoney(first.revenue, o.currency)} (${formatPercent(first.share)} of net revenue)${rest}.`;
	};
}

function demographicTakeaway(dimension: 'age' | 'gender' | 'city' | 'channel', noun: string): Takeaway {
	return (r, o) => {
		const d = r.demographics;
		if (!d.available) return null;
		const rows = realGroups(d.dimensions.find((x) => x.dimension === dimension)?.rows ?? [], (x) => x.label);
		const most = top(rows, (x) => x.customers);
		const aov = top(
			rows.filter((x) => x.aov !== null),
			(x) => x.aov ?? 0
		);
		if (!most) return null;
		const tail = aov ? `; the highest average order value is ${aov.label} at ${formatMoney(aov.aov, o.currency)}` : '';
		return `The largest ${noun} is ${most.label} with ${plural(most.customers, 'customer')}${tail}.`;
	};
}

const find = (sentences: Sentence[], id: string) => sentences.find((s) => s.id === id)?.text ?? null;

const TAKEAWAYS: Record<PanelId, Takeaway> = {
	trend: (r) => (r.trend.available ? (trendSentence(r.trend)?.text ?? null) : null),
	forecast: (r, o) => (r.forecast.available ? (forecastSentences(r.forecast, o.currency)[0]?.text ?? null) : null),
	seasonality: (r) => {
		if (!r.trend.available) return null;
		const s = r.trend.seasonality.filter((x): x is { month: number; index: number; completeMonths: number } => x.index !== null);
		if (s.length < 2) return null;
		const hi = s.reduce((a, b) => (b.index > a.index ? b : a));
		const lo = s.reduce((a, b) => (b.index < a.index ? b : a));
		return `${monthName(hi.month)} is the strongest calendar month (index ${formatNumber(hi.index, 2)}) and ${monthName(lo.month)} the weakest (${formatNumber(lo.index, 2)}).`;
	},
	unusualDays: (r, o) => unusualSentence(r, o.currency)?.text ?? null,
	products: breakdownTakeaway('products', 'product'),
	categories: breakdownTakeaway('categories', 'category'),
	countries: breakdownTakeaway('countries', 'country'),
	regions: breakdownTakeaway('regions', 'region'),
	dealSize: (r, o) => {
		const d = r.dealSize;
		if (!d.available) return null;
		// Ranked by revenue, as the panel's bars are: the band that matters most, not the most frequent.
		const most = top(realGroups(d.rows, (x) => x.label), (x) => x.revenue);
		return most ? `${most.label} deals bring the most revenue: ${formatMoney(most.revenue, o.currency)}${most.share === null ? '' : ` (${formatPercent(most.share)})`}.` : null;
	},
	status: (r) => {
		const s = r.status;
		if (!s.available) return null;
		const orders = s.rows.reduce((n, x) => n + x.orders, 0);
		const most = top(realGroups(s.rows, (x) => x.status), (x) => x.orders);
		return most && orders > 0 ? `${formatPercent(most.orders / orders)} of orders have status ${most.status} (${plural(most.orders, 'order')}).` : null;
	},
	rfmSegments: (r, o) => (r.rfm.available ? (find(segmentSentences(r.rfm, o.currency), 'valuableSegment') ?? find(segmentSentences(r.rfm, o.currency), 'largestSegment')) : null),
	rfmHeatmap: (r, o) => {
		const rfm = r.rfm;
		if (!rfm.available) return null;
		const best = rfm.heatmap.find((x) => x.r === rfm.bins && x.f === rfm.bins);
		const worst = rfm.heatmap.find((x) => x.r === 1 && x.f === 1);
		if (!best || !worst) return null;
		return `The ${plural(best.customers, 'customer')} with the top recency and frequency scores spend ${formatMoney(best.meanMonetary, o.currency)} on average, against ${formatMoney(worst.meanMonetary, o.currency)} for the ${formatCount(worst.customers)} with the lowest.`;
	},
	rfmScatter: (r) => {
		if (!r.rfm.available || r.rfm.customers === 0) return null;
		const once = r.rfm.scatter.cells.filter((x) => x.frequencyTo === 1).reduce((s, x) => s + x.customers, 0);
		const recent = r.rfm.scatter.cells.filter((x) => x.recencyFrom === 0).reduce((s, x) => s + x.customers, 0);
		return `${formatPercent(once / r.rfm.customers)} of customers have ordered only once, and ${formatPercent(recent / r.rfm.customers)} ordered in the last ${r.rfm.scatter.recencyBinDays} days.`;
	},
	cltv: (r) => {
		if (!r.cltv.available) return null;
		const high = r.cltv.segments.find((x) => x.segment === 'High');
		return high && high.profitShare !== null
			? `The High value tier (${plural(high.customers, 'customer')}, ${formatPercent(high.share)}) accounts for ${formatPercent(high.profitShare)} of historical profit.`
			: null;
	},
	clvHistogram: (r, o) => clvSentence(r, o.currency)?.text ?? null,
	holdout: (r) => {
		if (!r.clv.available || !r.clv.holdout.available) return null;
		const rows = r.clv.holdout.rows;
		const n = rows.reduce((s, x) => s + x.customers, 0);
		if (n === 0) return null;
		const actual = rows.reduce((s, x) => s + x.customers * x.actualMean, 0) / n;
		const predicted = rows.reduce((s, x) => s + x.customers * x.predictedMean, 0) / n;
		const err = actual > 0 ? ` (${formatChange(predicted / actual - 1)})` : '';
		return `Over the holdout period the model predicted ${formatNumber(predicted, 2)} purchases per customer against ${formatNumber(actual, 2)} actually made${err}.`;
	},
	churn: (r, o) => (r.churn.available ? churnSentence(r.churn, o.currency).text : null),
	pAlive: (r) => {
		if (!r.churn.available || !r.churn.pAlive.available) return null;
		const p = r.churn.pAlive;
		const high = p.groups.find((g) => g.group === 'High');
		return high ? `${plural(high.customers, 'customer')} (${formatPercent(high.share)}) are probably no longer active (P(alive) below ${p.thresholds.high}).` : null;
	},
	engagement: (r) => {
		const e = r.engagement;
		if (!e.available) return null;
		const perDay = `On average ${formatNumber(e.avgDau, 1)} customers order per day`;
		return e.avgMau === null
			? `${perDay}; the data covers less than 30 days, so no 30-day window is complete yet.`
			: `${perDay} and ${formatNumber(e.avgMau, 1)} in any complete 30-day window.`;
	},
	stickiness: (r) => stickinessSentence(r)?.text ?? null,
	cohorts: (r) => (r.cohorts.available ? (cohortSentence(r.cohorts)?.text ?? null) : null),
	demographicsAge: demographicTakeaway('age', 'age band'),
	demographicsGender: demographicTakeaway('gender', 'gender group'),
	demographicsCity: demographicTakeaway('city', 'city'),
	demographicsChannel: demographicTakeaway('channel', 'acquisition channel'),
	feedbackRatings: (r) => (r.feedback.available ? feedbackHeadline(r.feedback) : null),
	feedbackMonthly: (r) => (r.feedback.available ? feedbackMonthlySentence(r.feedback) : null),
	feedbackChurn: (r) => (r.feedback.available ? feedbackChurnSentence(r.feedback) : null),
	dataQuality: (r, o) => {
		const q = o.quality;
		if (!q) return null;
		const f = q.flagged;
		const excluded = f.badDates.count + f.missingRevenue.count;
		return [
			`Of ${plural(q.rowsRead, 'row')} read, ${formatCount(excluded)} were excluded (unreadable date or no revenue); ${formatCount(f.cancellationLines)} cancellation lines, ${formatCount(f.returnLines)} return lines and ${formatCount(f.missingCustomerId)} lines without a customer id were kept and flagged.`,
			...dataQualityFindings(r, o.currency)
		].join(' ');
	}
};

/**
 * What the scope's data-quality counts add to the import summary: the value of cancelled orders
 * left out of the money, and order ids found in more than one file (overlapping exports double-count).
 */
export function dataQualityFindings(r: Pick<Partial<AnalysisResults>, 'dataQuality'>, currency?: string): string[] {
	const q = r.dataQuality;
	if (!q?.available) return [];
	const out: string[] = [];
	const lo = q.leftOutCancelled;
	if (lo.orders > 0) {
		out.push(`${plural(lo.orders, 'cancelled order')} worth ${formatMoney(lo.revenue, currency)} ${lo.orders === 1 ? 'is' : 'are'} left out of revenue, units and every customer value.`);
	}
	const ov = q.overlappingOrders;
	if (ov.orders > 0) {
		const ids = ov.examples.map((e) => `${e.orderId} (${e.files.join(', ')})`).join('; ');
		out.push(`${plural(ov.orders, 'order id')} ${ov.orders === 1 ? 'appears' : 'appear'} in more than one file, e.g. ${ids}: overlapping exports count the same orders twice.`);
	}
	return out;
}

/** One sentence under a panel's chart, or null when its analysis is unavailable or has nothing to say. */
export function takeaway(panel: PanelId, results: AnalysisResults, opts: InsightOptions = {}): string | null {
	return TAKEAWAYS[panel](results, opts);
}
