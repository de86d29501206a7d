/** The products and countries panels: each shows two breakdowns (product/category, country/region) as views. */
import type { BreakdownResult, Maybe } from '../index';
import { breakdownChart } from '../../charts/index';
import { formatCount, formatMoney, formatPercent, realGroups } from '../../insights/index';
import { takeawayFrom } from '../../panels/insights';
import { kit, reason } from '../../panels/helpers';
import type { PanelDefinition, PanelInput, PanelView } from '../../panels/types';

function breakdownView(input: PanelInput, id: string, label: string, m: Maybe<BreakdownResult> | undefined): PanelView {
	const { money, pct, count, chart } = kit(input);
	return {
		id,
		label,
		title: `Net revenue by ${label.toLowerCase()}`,
		chart: chart(m, (x, o) => breakdownChart(x, o)),
		unavailable: reason(m),
		table: m?.available
			? {
					caption: `Net revenue by ${label.toLowerCase()}`,
					columns: [
						{ key: 'label', label },
						{ key: 'revenue', label: 'Net revenue', numeric: true, format: money },
						{ key: 'share', label: 'Share', numeric: true, format: (v) => (v === null ? '' : pct(v)) },
						{ key: 'orders', label: 'Orders', numeric: true, format: count },
						{ key: 'units', label: 'Units', numeric: true, format: count }
					],
					rows: m.rows
				}
			: null
	};
}

export const productsPanel: PanelDefinition = {
	name: 'products',
	group: 'products',
	title: 'Products',
	analyses: ['products', 'categories'],
	dictionary: ['breakdowns'],
	unlockedBy: ['products'],
	takeaway: takeawayFrom(['products', 'categories'], ({ results: r, currency }) => {
		const b = r.products?.available ? r.products : r.categories?.available ? r.categories : null;
		const top = b ? realGroups(b.rows, (x) => x.label)[0] : undefined;
		if (!b || !top) return null;
		return `“${top.label}” leads with ${formatMoney(top.revenue, currency)}${top.share === null ? '' : ` (${formatPercent(top.share)} of revenue)`}, out of ${formatCount(b.distinct)} ${b.dimension === 'product' ? 'products' : 'categories'}.`;
	}),
	views: (input) => [breakdownView(input, 'products', 'Product', input.results.products), breakdownView(input, 'categories', 'Category', input.results.categories)]
};

export const countriesPanel: PanelDefinition = {
	name: 'countries',
	group: 'products',
	title: 'Countries and regions',
	analyses: ['countries', 'regions'],
	dictionary: ['breakdowns'],
	unlockedBy: ['countries'],
	takeaway: takeawayFrom(['countries', 'regions'], ({ results: r, currency }) => {
		const b = r.countries?.available ? r.countries : r.regions?.available ? r.regions : null;
		const top = b ? realGroups(b.rows, (x) => x.label)[0] : undefined;
		if (!b || !top) return null;
		return `${top.label} brings ${top.share === null ? formatMoney(top.revenue, currency) : formatPercent(top.share)} of revenue; ${formatCount(b.distinct)} ${b.dimension === 'country' ? 'countries' : 'regions'} in total.`;
	}),
	views: (input) => [breakdownView(input, 'countries', 'Country', input.results.countries), breakdownView(input, 'regions', 'Region', input.results.regions)]
};
