/** The dashboard panel of this slice: chart and table views, takeaway, dictionary entry. */
import { dataQualityChart } from '../../charts/index';
import { qualityReasons } from '../../charts/profile';
import { formatMoney, plural } from '../../insights/index';
import { takeawayFrom } from '../../panels/insights';
import { kit } from '../../panels/helpers';
import type { PanelDefinition, PanelView } from '../../panels/types';

export const qualityPanel: PanelDefinition = {
	name: 'quality',
	title: 'Data quality',
	analyses: ['dataQuality'],
	dictionary: ['cancellation', 'line-revenue'],
	takeaway: takeawayFrom(['dataQuality'], (input) => {
		const r = input.results;
		const q = r.dataQuality;
		if (!q?.available) return null;
		const sentences = [
			`${plural(q.lines, 'order line')} from ${q.firstDate ?? '?'} to ${q.lastDate ?? '?'}; ${plural(q.returnLines, 'return line')}, ${plural(q.cancelledOrders, 'cancelled order')} and ${plural(q.linesWithoutCustomer, 'line')} without a customer kept and flagged.`
		];
		const lo = q.leftOutCancelled;
		if (lo.orders > 0) {
			sentences.push(`${plural(lo.orders, 'cancelled order')} worth ${formatMoney(lo.revenue, input.currency)} ${lo.orders === 1 ? 'is' : 'are'} left out of revenue, units and every customer value.`);
		}
		const ov = q.overlappingOrders;
		if (ov.orders > 0) {
			const ids = ov.examples.map((e) => `${e.orderId} (${e.files.join(', ')})`).join('; ');
			sentences.push(
				`${plural(ov.orders, 'order id')} ${ov.orders === 1 ? 'appears' : 'appear'} in more than one file, e.g. ${ids}: overlapping exports count the same orders twice.`
			);
		}
		return sentences.join(' ');
	}),
	views(input): PanelView[] {
		const { count } = kit(input);
		const { quality, currency } = input;
		if (!quality) return [];
		const q = quality;
		return [
			{
				id: 'quality',
				label: 'Data quality',
				title: 'Rows flagged at import',
				chart: ({ width, dark }) => dataQualityChart(q, { width, dark, currency }),
				table: {
					caption: 'Rows flagged at import, by reason',
					columns: [
						{ key: 'reason', label: 'Reason' },
						{ key: 'rows', label: 'Rows', numeric: true, format: count },
						{ key: 'excluded', label: 'Excluded', format: (v) => (v ? 'yes' : 'no, kept') }
					],
					rows: qualityReasons(q)
				}
			}
		];
	
	}
};
