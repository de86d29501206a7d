/**
 * One-sentence takeaways per panel. The insight rules proper live in `$lib/insights/summary.ts`
 * (another engineer's module); when it exists and has a sentence for a panel, that sentence wins
 * (see `Dashboard.svelte`). These are plain fallbacks computed from the results alone.
 */
import type { AnalysisResults } from '$lib/analyses/index';
import { formatCount, formatMoney, formatMonth, formatNumber, formatPercent, plural } from '$lib/insights/format';

type R = Partial<AnalysisResults>;

export function fallbackTakeaway(panel: string, r: R, currency: string): string | null {
	const money = (v: number) => formatMoney(v, currency);
	switch (panel) {
		case 'kpis': {
			const k = r.kpis;
			if (!k?.available) return null;
			const perCustomer = k.customers ? ` from ${plural(k.customers, 'customer')}` : '';
			return `${money(k.revenue)} net revenue over ${plural(k.orders, 'order')}${perCustomer} in ${formatCount(k.period.days)} days.`;
		}
		case 'trend': {
			const t = r.trend;
			if (!t?.available) return null;
			if (t.peak && t.lowest && t.lowest.month !== t.peak.month)
				return `Best complete month: ${formatMonth(t.peak.month)} (${money(t.peak.revenue)}); weakest: ${formatMonth(t.lowest.month)} (${money(t.lowest.revenue)}).`;
			if (t.peak) return `Best complete month: ${formatMonth(t.peak.month)} (${money(t.peak.revenue)}).`;
			return `${plural(t.months.length, 'month')} of sales, none of them complete yet.`;
		}
		case 'seasonality': {
			const t = r.trend;
			if (!t?.available) return null;
			const known = t.seasonality.filter((s) => s.index !== null) as { month: number; index: number }[];
			if (known.length < 2) return 'Seasonality needs complete months of several calendar months.';
			const hi = known.reduce((a, b) => (b.index > a.index ? b : a));
			const lo = known.reduce((a, b) => (b.index < a.index ? b : a));
			const name = (m: number) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
			return `${name(hi.month)} is the strongest month (${formatPercent(hi.index - 1, 0)} vs average), ${name(lo.month)} the weakest (${formatPercent(lo.index - 1, 0)}).`;
		}
		case 'products': {
			const b = r.products?.available ? r.products : r.categories?.available ? r.categories : null;
			const top = b?.rows.find((x) => !x.isOther && !x.isMissing);
			if (!b || !top) return null;
			return `“${top.label}” leads with ${money(top.revenue)}${top.share === null ? '' : ` (${formatPercent(top.share)} of revenue)`}, out of ${formatCount(b.distinct)} ${b.dimension === 'product' ? 'products' : 'categories'}.`;
		}
		case 'countries': {
			const b = r.countries?.available ? r.countries : r.regions?.available ? r.regions : null;
			const top = b?.rows.find((x) => !x.isOther && !x.isMissing);
			if (!b || !top) return null;
			return `${top.label} brings ${top.share === null ? money(top.revenue) : formatPercent(top.share)} of revenue; ${formatCount(b.distinct)} ${b.dimension === 'country' ? 'countries' : 'regions'} in total.`;
		}
		case 'dealsize': {
			const d = r.dealSize;
			if (!d?.available || d.rows.length === 0) return null;
			const top = d.rows.reduce((a, b) => (b.revenue > a.revenue ? b : a));
			return `${top.label} deals bring the most revenue: ${money(top.revenue)}${top.share === null ? '' : ` (${formatPercent(top.share)})`}.`;
		}
		case 'status': {
			const s = r.status;
			if (!s?.available || s.rows.length === 0) return null;
			const top = s.rows.reduce((a, b) => (b.orders > a.orders ? b : a));
			return `Most orders are “${top.status}” (${plural(top.orders, 'order')}); ${plural(s.rows.length, 'status', 'statuses')} in total.`;
		}
		case 'rfm':
		case 'rfm-heatmap':
		case 'rfm-scatter': {
			const x = r.rfm;
			if (!x?.available || x.segments.length === 0) return null;
			const top = x.segments.reduce((a, b) => ((b.revenueShare ?? 0) > (a.revenueShare ?? 0) ? b : a));
			if (panel === 'rfm')
				return `${top.segment} (${formatPercent(top.share)} of customers) bring ${top.revenueShare === null ? money(top.revenue) : formatPercent(top.revenueShare)} of revenue.`;
			if (panel === 'rfm-heatmap') return `${plural(x.customers, 'customer')} scored on recency and frequency; darker cells spend more per customer.`;
			return `Each cell groups customers by days since their last order and number of orders (as of ${x.asOf}).`;
		}
		case 'cltv': {
			const c = r.cltv;
			if (!c?.available) return null;
			const high = c.segments.find((s) => s.segment === 'High');
			return high && high.profitShare !== null
				? `The top third of customers earn ${formatPercent(high.profitShare)} of historical profit (${money(high.profit)}).`
				: `Historical profit ${money(c.profit)} over ${plural(c.customers, 'customer')}.`;
		}
		case 'churn': {
			const c = r.churn;
			if (!c?.available) return null;
			const high = c.groups.find((g) => g.group === 'High');
			return `${formatPercent(c.churnRate)} of customers have not ordered in ${c.churnDays} days${high ? `; ${plural(high.customers, 'customer')} are at high risk` : ''}.`;
		}
		case 'engagement': {
			const e = r.engagement;
			if (!e?.available) return null;
			return `On average ${formatNumber(e.avgDau, e.avgDau < 10 ? 1 : 0)} customers order on a day and ${formatNumber(e.avgMau, e.avgMau < 10 ? 1 : 0)} in 30 days${e.stickiness === null ? '' : ` (stickiness ${formatPercent(e.stickiness)})`}.`;
		}
		case 'cohorts': {
			const c = r.cohorts;
			if (!c?.available || c.cohorts.length === 0) return null;
			const m1 = c.cohorts.map((k) => k.cells.find((x) => x.monthsSince === 1)).filter((x) => !!x);
			if (m1.length === 0) return `${plural(c.cohorts.length, 'cohort')}; none is old enough to show a second month yet.`;
			const avg = m1.reduce((s, x) => s + x.share, 0) / m1.length;
			return `On average ${formatPercent(avg)} of a cohort order again in the month after their first order.`;
		}
		case 'demographics': {
			const d = r.demographics;
			if (!d?.available) return null;
			return `${plural(d.customersMatched, 'customer')} with details matched to their orders.`;
		}
		case 'quality': {
			const q = r.dataQuality;
			if (!q?.available) return null;
			return `${plural(q.lines, 'order line')} from ${q.firstDate ?? '?'} to ${q.lastDate ?? '?'}; ${plural(q.returnLines, 'return line')}, ${plural(q.cancelledOrders, 'cancelled order')} and ${plural(q.linesWithoutCustomer, 'line')} without a customer kept and flagged.`;
		}
		default:
			return null;
	}
}
