/** The dashboard panels of this slice: chart and table views, takeaway, dictionary entry. */
import { rfmHeatmapChart, rfmScatterChart, rfmSegmentsChart } from '../../charts/index';
import { kit, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
import { formatNumber } from '../../format/index';
import { rfmHeatmapTakeaway, rfmScatterTakeaway, rfmTakeaway } from './takeaway';

export const rfmPanel: PanelDefinition = {
	name: 'rfm',
	group: 'customers',
	title: 'RFM segments',
	analyses: ['rfm'],
	wide: true,
	dictionary: ['rfm-segments-standard', 'rfm'],
	unlockedBy: ['rfm'],
	takeaway: takeawayText(rfmTakeaway),
	views(input): PanelView[] {
		const { r, money, pct, share, count, resultView, drillOnClick, drillLabel } = kit(input);
		return [
			resultView(r.rfm, {
				id: 'segments',
				label: 'Segments',
				title: 'RFM segments: share of customers and of revenue',
				draw: rfmSegmentsChart,
				table: (x) => ({
					caption: 'RFM segments: customers, averages and revenue. Choose a segment to list its customers.',
					columns: [
						{ key: 'segment', label: 'Segment' },
						{ key: 'customers', label: 'Customers', numeric: true, format: count },
						{ key: 'share', label: 'Share', numeric: true, format: pct },
						{ key: 'avgRecency', label: 'Avg days since last order', numeric: true, format: (v) => formatNumber(v, 0) },
						{ key: 'avgFrequency', label: 'Avg orders', numeric: true, format: (v) => formatNumber(v, 1) },
						{ key: 'avgMonetary', label: 'Avg spend', numeric: true, format: money },
						{ key: 'revenueShare', label: 'Revenue share', numeric: true, format: share }
					],
					rows: x.segments,
					limit: 20,
					onactivate: (row) => input.ondrill({ kind: 'segment', value: String(row.segment) }),
					activateLabel: drillLabel('segment')
				}),
				tableOpen: true,
				hint: 'Choose a segment in the table (or click its bar) to list its customers.',
				onchartclick: drillOnClick('segment')
			})
		];
	}
};

export const rfmHeatmapPanel: PanelDefinition = {
	name: 'rfm-heatmap',
	group: 'customers',
	title: 'RFM heatmap',
	analyses: ['rfm'],
	dictionary: ['rfm-scores', 'rfm'],
	unlockedBy: ['rfm'],
	takeaway: takeawayText(rfmHeatmapTakeaway),
	views(input): PanelView[] {
		const { r, money, count, resultView } = kit(input);
		return [
			resultView(r.rfm, {
				id: 'heatmap',
				label: 'Heatmap',
				title: 'RFM heatmap',
				draw: rfmHeatmapChart,
				table: (x) => ({
					caption: 'Customers and mean spend per recency (R) and frequency (F) score',
					columns: [
						{ key: 'r', label: 'R score' },
						{ key: 'f', label: 'F score' },
						{ key: 'customers', label: 'Customers', numeric: true, format: count },
						{ key: 'meanMonetary', label: 'Mean spend', numeric: true, format: money }
					],
					rows: x.heatmap,
					limit: 25
				})
			})
		];
	}
};

export const rfmScatterPanel: PanelDefinition = {
	name: 'rfm-scatter',
	group: 'customers',
	title: 'Recency and frequency',
	analyses: ['rfm'],
	dictionary: ['rfm'],
	unlockedBy: ['rfm'],
	takeaway: takeawayText(rfmScatterTakeaway),
	views(input): PanelView[] {
		const { r, money, count, resultView } = kit(input);
		return [
			resultView(r.rfm, {
				id: 'scatter',
				label: 'Scatter',
				title: 'Recency and frequency of customers',
				draw: rfmScatterChart,
				table: (x) => ({
					caption: 'Customers per recency and frequency bin',
					columns: [
						{ key: 'recency', label: 'Days since last order' },
						{ key: 'frequency', label: 'Orders' },
						{ key: 'customers', label: 'Customers', numeric: true, format: count },
						{ key: 'meanMonetary', label: 'Mean spend', numeric: true, format: money }
					],
					rows: x.scatter.cells.map((c) => ({
						recency: `${c.recencyFrom}–${c.recencyTo - 1}`,
						frequency: c.frequencyFrom === c.frequencyTo ? String(c.frequencyFrom) : `${c.frequencyFrom}–${c.frequencyTo}`,
						customers: c.customers,
						meanMonetary: c.meanMonetary
					}))
				})
			})
		];
	}
};
