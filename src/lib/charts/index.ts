/**
 * Every chart, and the panel list that the UI and the report share: which chart draws which result,
 * under which heading, and why a panel is unavailable.
 */
import type { AnalysisName, AnalysisResults, Maybe, Unavailable } from '../analyses/index';
import type { QualitySummary } from '../ingest/types';
import { engagementChart, stickinessChart, cohortChart } from './activity';
import { breakdownChart, dealSizeChart, statusChart } from './breakdowns';
import { churnChart, cltvChart, clvHistogramChart, holdoutChart, pAliveChart, rfmHeatmapChart, rfmScatterChart, rfmSegmentsChart } from './customers';
import type { Chart, ChartOptions } from './helpers';
import { dataQualityChart, demographicsChart, type DemographicDimension } from './profile';
import { churnByBandChart, feedbackMonthlyChart, ratingDistributionChart } from './feedback';
import { forecastChart, salesTrendChart, seasonalityChart, unusualDaysChart } from './sales';

export * from './activity';
export * from './breakdowns';
export * from './customers';
export * from './profile';
export * from './sales';
export * from './feedback';
export { palette, type Chart, type ChartOptions } from './helpers';
export * from './groups';
import type { PanelGroup } from './groups';

export type PanelId =
	| 'trend'
	| 'forecast'
	| 'seasonality'
	| 'unusualDays'
	| 'products'
	| 'categories'
	| 'countries'
	| 'regions'
	| 'dealSize'
	| 'status'
	| 'rfmSegments'
	| 'rfmHeatmap'
	| 'rfmScatter'
	| 'cltv'
	| 'clvHistogram'
	| 'holdout'
	| 'churn'
	| 'pAlive'
	| 'engagement'
	| 'stickiness'
	| 'cohorts'
	| 'demographicsAge'
	| 'demographicsGender'
	| 'demographicsCity'
	| 'demographicsChannel'
	| 'feedbackRatings'
	| 'feedbackMonthly'
	| 'feedbackChurn'
	| 'dataQuality';


/** What a panel is drawn from: the analysis results and the import's data-quality summary. */
export interface PanelInput {
	results: AnalysisResults;
	quality?: QualitySummary | null;
}

export interface Panel {
	id: PanelId;
	group: PanelGroup;
	heading: string;
	/** The analysis behind the panel (`quality` = the import summary). */
	analysis: AnalysisName | 'quality';
	/** The chart, or why there is none. */
	render(input: PanelInput, opts?: ChartOptions): Chart | Unavailable;
}

const missing = (reason: string): Unavailable => ({ available: false, reason });

/** Draw `fn` on an available result; pass on the reason otherwise (and turn a null chart into `reason`). */
function from<T extends { available: true }>(m: Maybe<T>, fn: (r: T) => Chart | null, reason = 'not enough data for this chart'): Chart | Unavailable {
	if (!m.available) return m;
	return fn(m) ?? missing(reason);
}

function demographics(id: PanelId, dimension: DemographicDimension, heading: string): Panel {
	return {
		id,
		group: 'customers',
		heading,
		analysis: 'demographics',
		render: ({ results }, o) => from(results.demographics, (d) => demographicsChart(d, dimension, o), `the customer data has no ${dimension} column`)
	};
}

export const PANELS: readonly Panel[] = [
	{
		id: 'trend',
		group: 'sales',
		heading: 'Sales trend',
		analysis: 'trend',
		render: ({ results: r }, o) =>
			from(r.trend, (t) =>
				salesTrendChart(t, { ...o, forecast: r.forecast.available ? r.forecast : null, unusualDays: r.unusualDays.available ? r.unusualDays : null })
			)
	},
	{ id: 'forecast', group: 'sales', heading: 'Forecast', analysis: 'forecast', render: ({ results: r }, o) => from(r.forecast, (f) => forecastChart(f, o)) },
	{ id: 'seasonality', group: 'sales', heading: 'Seasonality', analysis: 'trend', render: ({ results: r }, o) => from(r.trend, (t) => (t.seasonality.some((s) => s.index !== null) ? seasonalityChart(t, o) : null), 'no complete month yet') },
	{ id: 'unusualDays', group: 'sales', heading: 'Unusual days', analysis: 'unusualDays', render: ({ results: r }, o) => from(r.unusualDays, (u) => unusualDaysChart(u, o)) },
	{ id: 'products', group: 'products', heading: 'Products', analysis: 'products', render: ({ results: r }, o) => from(r.products, (b) => breakdownChart(b, o)) },
	{ id: 'categories', group: 'products', heading: 'Categories and product lines', analysis: 'categories', render: ({ results: r }, o) => from(r.categories, (b) => breakdownChart(b, o)) },
	{ id: 'countries', group: 'products', heading: 'Top countries', analysis: 'countries', render: ({ results: r }, o) => from(r.countries, (b) => breakdownChart(b, o)) },
	{ id: 'regions', group: 'products', heading: 'Regions', analysis: 'regions', render: ({ results: r }, o) => from(r.regions, (b) => breakdownChart(b, o)) },
	{ id: 'dealSize', group: 'products', heading: 'Deal sizes', analysis: 'dealSize', render: ({ results: r }, o) => from(r.dealSize, (d) => dealSizeChart(d, o)) },
	{ id: 'status', group: 'products', heading: 'Order statuses', analysis: 'status', render: ({ results: r }, o) => from(r.status, (s) => statusChart(s, o)) },
	{ id: 'rfmSegments', group: 'customers', heading: 'RFM segments', analysis: 'rfm', render: ({ results: r }, o) => from(r.rfm, (x) => rfmSegmentsChart(x, o)) },
	{ id: 'rfmHeatmap', group: 'customers', heading: 'RFM heatmap', analysis: 'rfm', render: ({ results: r }, o) => from(r.rfm, (x) => rfmHeatmapChart(x, o)) },
	{ id: 'rfmScatter', group: 'customers', heading: 'Recency and frequency', analysis: 'rfm', render: ({ results: r }, o) => from(r.rfm, (x) => rfmScatterChart(x, o)) },
	{ id: 'cltv', group: 'value', heading: 'Customer value tiers', analysis: 'cltv', render: ({ results: r }, o) => from(r.cltv, (x) => cltvChart(x, o)) },
	{
		id: 'clvHistogram',
		group: 'value',
		heading: 'Predicted customer value',
		analysis: 'clv',
		render: ({ results: r }, o) => from(r.clv, (x) => (x.totals.predictedClv === null ? null : clvHistogramChart(x, o)), r.clv.available ? (r.clv.gammaGammaRefusal ?? 'the spend model could not be fitted') : undefined)
	},
	{ id: 'holdout', group: 'value', heading: 'Model check (holdout)', analysis: 'clv', render: ({ results: r }, o) => from(r.clv, (x) => holdoutChart(x, o), r.clv.available && !r.clv.holdout.available ? r.clv.holdout.reason : undefined) },
	{ id: 'churn', group: 'churn', heading: 'Churn risk', analysis: 'churn', render: ({ results: r }, o) => from(r.churn, (x) => churnChart(x, o)) },
	{ id: 'pAlive', group: 'churn', heading: 'Probability still active', analysis: 'churn', render: ({ results: r }, o) => from(r.churn, (x) => pAliveChart(x, o), r.churn.available && !r.churn.pAlive.available ? r.churn.pAlive.reason : undefined) },
	demographics('demographicsAge', 'age', 'Customers by age'),
	demographics('demographicsGender', 'gender', 'Customers by gender'),
	demographics('demographicsCity', 'city', 'Customers by city'),
	demographics('demographicsChannel', 'channel', 'Customers by acquisition channel'),
	{ id: 'engagement', group: 'churn', heading: 'Active customers', analysis: 'engagement', render: ({ results: r }, o) => from(r.engagement, (x) => engagementChart(x, o)) },
	{ id: 'stickiness', group: 'churn', heading: 'Stickiness', analysis: 'engagement', render: ({ results: r }, o) => from(r.engagement, (x) => stickinessChart(x, o)) },
	{ id: 'cohorts', group: 'cohorts', heading: 'Cohort retention', analysis: 'cohorts', render: ({ results: r }, o) => from(r.cohorts, (x) => cohortChart(x, o)) },
	{ id: 'feedbackRatings', group: 'customers', heading: 'Customer ratings', analysis: 'feedback', render: ({ results: r }, o) => from(r.feedback, (x) => ratingDistributionChart(x, o)) },
	{ id: 'feedbackMonthly', group: 'customers', heading: 'Ratings by month', analysis: 'feedback', render: ({ results: r }, o) => from(r.feedback, (x) => feedbackMonthlyChart(x, o)) },
	{ id: 'feedbackChurn', group: 'customers', heading: 'Churn by feedback', analysis: 'feedback', render: ({ results: r }, o) => from(r.feedback, (x) => churnByBandChart(x, o), 'no rated customer has an order before the as-of date') },
	{
		id: 'dataQuality',
		group: 'quality',
		heading: 'Data quality',
		analysis: 'quality',
		render: ({ quality }, o) => (quality ? dataQualityChart(quality, o) : missing('no import summary'))
	}
];

export function panel(id: PanelId): Panel {
	const p = PANELS.find((x) => x.id === id);
	if (!p) throw new RangeError(`Unknown panel ${id}`);
	return p;
}

/** True when `x` is a chart element rather than an "unavailable" note. */
export function isChart(x: Chart | Unavailable): x is Chart {
	return !('available' in x && (x as Unavailable).available === false);
}
