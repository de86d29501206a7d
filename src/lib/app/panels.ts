/** The dashboard's panels: their names (the `data-panel` attribute), titles and the analyses behind them. */
import type { AnalysisName } from '$lib/analyses/index';

export const PANEL_NAMES = [
	'kpis',
	'trend',
	'seasonality',
	'products',
	'countries',
	'dealsize',
	'status',
	'rfm',
	'rfm-heatmap',
	'rfm-scatter',
	'cltv',
	'churn',
	'engagement',
	'cohorts',
	'demographics',
	'quality',
	'insights'
] as const;

export type PanelName = (typeof PANEL_NAMES)[number];

export const PANEL_TITLES: Record<PanelName, string> = {
	kpis: 'Headline numbers',
	trend: 'Sales trend',
	seasonality: 'Seasonality',
	products: 'Products',
	countries: 'Countries and regions',
	dealsize: 'Deal sizes',
	status: 'Order statuses',
	rfm: 'RFM segments',
	'rfm-heatmap': 'RFM heatmap',
	'rfm-scatter': 'Recency and frequency',
	cltv: 'Customer lifetime value',
	churn: 'Churn risk',
	engagement: 'Engagement',
	cohorts: 'Cohort retention',
	demographics: 'Demographics',
	quality: 'Data quality',
	insights: 'Insights and actions'
};

/** Analyses each panel shows; a panel is "updating" while any of them recomputes. */
export const PANEL_ANALYSES: Record<PanelName, AnalysisName[]> = {
	kpis: ['kpis'],
	trend: ['trend', 'forecast', 'unusualDays'],
	seasonality: ['trend'],
	products: ['products', 'categories'],
	countries: ['countries', 'regions'],
	dealsize: ['dealSize'],
	status: ['status'],
	rfm: ['rfm'],
	'rfm-heatmap': ['rfm'],
	'rfm-scatter': ['rfm'],
	cltv: ['cltv', 'clv'],
	churn: ['churn'],
	engagement: ['engagement'],
	cohorts: ['cohorts'],
	demographics: ['demographics'],
	quality: ['dataQuality'],
	insights: []
};
