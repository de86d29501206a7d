/** The products and countries panels: each shows two breakdowns (product/category, country/region) as views. */
import type { BreakdownResult, Maybe } from '../index';
import { breakdownChart } from '../../charts/index';
import { countriesTakeaway, productsTakeaway } from './takeaway';
import { kit, takeawayText, type PanelDefinition, type PanelInput, type PanelView } from '../../panels/kit';

function breakdownView(input: PanelInput, id: string, label: string, m: Maybe<BreakdownResult> | undefined): PanelView {
	const { money, share, count, resultView } = kit(input);
	const title = `Net revenue by ${label.toLowerCase()}`;
	return resultView(m, {
		id,
		label,
		title,
		draw: breakdownChart,
		table: (b) => ({
			caption: title,
			columns: [
				{ key: 'label', label },
				{ key: 'revenue', label: 'Net revenue', numeric: true, format: money },
				{ key: 'share', label: 'Share', numeric: true, format: share },
				{ key: 'orders', label: 'Orders', numeric: true, format: count },
				{ key: 'units', label: 'Units', numeric: true, format: count }
			],
			rows: b.rows
		})
	});
}

export const productsPanel: PanelDefinition = {
	name: 'products',
	group: 'products',
	title: 'Products',
	analyses: ['products', 'categories'],
	dictionary: ['breakdowns'],
	unlockedBy: ['products'],
	takeaway: takeawayText(productsTakeaway),
	views: (input) => [breakdownView(input, 'products', 'Product', input.results.products), breakdownView(input, 'categories', 'Category', input.results.categories)]
};

export const countriesPanel: PanelDefinition = {
	name: 'countries',
	group: 'products',
	title: 'Countries and regions',
	analyses: ['countries', 'regions'],
	dictionary: ['breakdowns'],
	unlockedBy: ['countries'],
	takeaway: takeawayText(countriesTakeaway),
	views: (input) => [breakdownView(input, 'countries', 'Country', input.results.countries), breakdownView(input, 'regions', 'Region', input.results.regions)]
};
