/**
 * The UI's door to `$lib/insights` (takeaways, executive summary, recommended actions, data
 * dictionary). Those functions take a complete `AnalysisResults`; while some analyses are still
 * computing, the missing ones are passed as unavailable so nothing reads an undefined result.
 */
import type { AnalysisName, AnalysisResults, Unavailable } from '$lib/analyses/index';
import type { PanelId } from '$lib/charts/index';
import type { QualitySummary } from '$lib/ingest/types';
import { actionTables, type ActionRow } from '$lib/insights/actions';
import { DICTIONARY, type DictionaryEntry } from '$lib/insights/dictionary';
import { executiveSummary, takeaway } from '$lib/insights/summary';
import type { PanelName } from './panels';

export type { DictionaryEntry };

const PENDING: Unavailable = { available: false, reason: 'still computing' };

const NAMES: AnalysisName[] = [
	'kpis',
	'trend',
	'forecast',
	'rfm',
	'cltv',
	'churn',
	'engagement',
	'cohorts',
	'clv',
	'unusualDays',
	'products',
	'categories',
	'countries',
	'regions',
	'dealSize',
	'status',
	'demographics',
	'dataQuality'
];

export function complete(r: Partial<AnalysisResults>): AnalysisResults {
	const out: Record<string, unknown> = { params: r.params ?? null, asOf: r.asOf ?? null, engine: r.engine ?? '' };
	for (const n of NAMES) out[n] = r[n] ?? PENDING;
	return out as unknown as AnalysisResults;
}

export function dictionaryEntries(): DictionaryEntry[] {
	return DICTIONARY;
}

/** Which dictionary entry explains each panel (the first id that exists wins). */
const DICTIONARY_CANDIDATES: Record<PanelName, string[]> = {
	kpis: ['net-revenue'],
	trend: ['sales-trend'],
	seasonality: ['sales-trend'],
	products: ['breakdowns'],
	countries: ['breakdowns'],
	dealsize: ['deal-size'],
	status: ['order-status'],
	rfm: ['rfm-segments-standard', 'rfm'],
	'rfm-heatmap': ['rfm-scores', 'rfm'],
	'rfm-scatter': ['rfm'],
	cltv: ['cltv'],
	churn: ['churn'],
	engagement: ['stickiness', 'dau'],
	cohorts: ['cohorts'],
	demographics: ['demographics'],
	quality: ['cancellation', 'line-revenue'],
	insights: ['rfm-segments-standard', 'rfm']
};

const KNOWN_IDS = new Set(DICTIONARY.map((e) => e.id));

export function dictionaryId(panel: PanelName): string | null {
	return DICTIONARY_CANDIDATES[panel].find((c) => KNOWN_IDS.has(c)) ?? null;
}

/** The chart panels of `$lib/charts` whose takeaway stands for each dashboard panel, in order of preference. */
const TAKEAWAY_PANELS: Partial<Record<PanelName, PanelId[]>> = {
	trend: ['trend'],
	seasonality: ['seasonality'],
	products: ['products', 'categories'],
	countries: ['countries', 'regions'],
	dealsize: ['dealSize'],
	status: ['status'],
	rfm: ['rfmSegments'],
	'rfm-heatmap': ['rfmHeatmap'],
	'rfm-scatter': ['rfmScatter'],
	cltv: ['cltv', 'clvHistogram'],
	churn: ['churn', 'pAlive'],
	engagement: ['engagement', 'stickiness'],
	cohorts: ['cohorts'],
	demographics: ['demographicsAge', 'demographicsGender', 'demographicsCity', 'demographicsChannel'],
	quality: ['dataQuality']
};

/** The insights module's sentence for a panel, or null (then the caller falls back to its own). */
export function takeawayFor(panel: PanelName, results: Partial<AnalysisResults>, currency: string, quality: QualitySummary | null = null): string | null {
	const full = complete(results);
	try {
		if (panel === 'kpis') return executiveSummary(full, { currency, quality }).find((s) => s.analysis === 'kpis')?.text ?? null;
		for (const id of TAKEAWAY_PANELS[panel] ?? []) {
			const text = takeaway(id, full, { currency, quality });
			if (text) return text;
		}
	} catch (e) {
		console.warn(`No takeaway for ${panel}:`, e);
	}
	return null;
}

export interface Insights {
	summary: string[];
	/** Recommended action per RFM segment (else per churn-risk group). */
	actions: ActionRow[] | null;
	actionsBy: 'segment' | 'churn' | null;
}

export function insightsFor(results: Partial<AnalysisResults>, currency: string, quality: QualitySummary | null = null): Insights {
	const full = complete(results);
	try {
		const summary = executiveSummary(full, { currency, quality }).map((s) => s.text);
		const t = actionTables(full);
		const actions = t.segments ?? t.churn;
		return { summary, actions, actionsBy: t.segments ? 'segment' : t.churn ? 'churn' : null };
	} catch (e) {
		console.warn('No insights:', e);
		return { summary: [], actions: null, actionsBy: null };
	}
}
