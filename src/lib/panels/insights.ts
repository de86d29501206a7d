/**
 * The panels' door to `$lib/insights` (insight sentences, executive summary, recommended actions,
 * data dictionary). Those functions take a complete `AnalysisResults`; while some analyses are still
 * computing, the missing ones are passed as unavailable so nothing reads an undefined result.
 */
import { ANALYSIS_NAMES, type AnalysisResults, type Unavailable } from '../analyses/index';
import type { PanelId } from '../charts/index';
import type { QualitySummary } from '../ingest/types';
import { actionTables, type ActionRow, DICTIONARY, type DictionaryEntry, executiveSummary, takeaway } from '../insights/index';
import type { PanelInput } from './types';

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

/** A panel's takeaway: the insight sentence of the first of its charts that has one, else `fallback`. */
export function takeawayFrom(charts: readonly PanelId[], fallback: (input: PanelInput) => string | null = () => null): (input: PanelInput) => string | null {
	return (input) => {
		const full = complete(input.results);
		try {
			for (const id of charts) {
				const text = takeaway(id, full, { currency: input.currency, quality: input.quality });
				if (text) return text;
			}
		} catch (e) {
			console.warn(`No takeaway for ${charts.join(', ')}:`, e);
		}
		return fallback(input);
	};
}

/** The executive summary's sentence from one analysis (the headline numbers' takeaway). */
export function summarySentence(input: PanelInput, analysis: keyof AnalysisResults): string | null {
	try {
		return executiveSummary(complete(input.results), { currency: input.currency, quality: input.quality }).find((s) => s.analysis === analysis)?.text ?? null;
	} catch (e) {
		console.warn(`No summary sentence for ${analysis}:`, e);
		return null;
	}
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
