/**
 * The panels' door to `$lib/insights` (executive summary, recommended actions, data dictionary).
 * The actions take a complete `AnalysisResults`; while some analyses are still computing, the
 * missing ones are passed as unavailable so nothing reads an undefined result.
 */
import { ANALYSIS_NAMES, type AnalysisResults, type Unavailable } from '../analyses/index';
import type { QualitySummary } from '../ingest/index';
import { actionTables, type ActionRow, DICTIONARY, type DictionaryEntry, executiveSummary } from '../insights/index';

export type { DictionaryEntry };

const PENDING: Unavailable = { available: false, reason: 'still computing' };

export function complete(r: Partial<AnalysisResults>): AnalysisResults {
	const out: Record<string, unknown> = { params: r.params ?? null, asOf: r.asOf ?? null, engine: r.engine ?? '' };
	for (const n of ANALYSIS_NAMES) out[n] = r[n] ?? PENDING;
	return out as unknown as AnalysisResults;
}

export function dictionaryEntries(): DictionaryEntry[] {
	return DICTIONARY;
}

const KNOWN_IDS = new Set(DICTIONARY.map((e) => e.id));

/** The first of `candidates` that the dictionary defines. */
export function firstDictionaryId(candidates: readonly string[]): string | null {
	return candidates.find((c) => KNOWN_IDS.has(c)) ?? null;
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
		const base = t.segments ?? t.churn;
		const actions = base && [...base, ...(t.feedback ?? [])];
		return { summary, actions, actionsBy: t.segments ? 'segment' : t.churn ? 'churn' : null };
	} catch (e) {
		console.warn('No insights:', e);
		return { summary: [], actions: null, actionsBy: null };
	}
}
