/**
 * Types shared by every analysis. Plain, serialisable objects (numbers, strings, booleans, null,
 * arrays, objects): the same object feeds the UI, the report and the command line's JSON.
 * Dates are `YYYY-MM-DD`, months `YYYY-MM`. Money is in the data's own currency.
 */
import type { AnalysisParams } from './params';
import type { ANALYSES } from './registry';
import type { QualitySummary } from '../ingest/index';

/** An analysis the data cannot support (a missing column, no customers…), with the reason in plain English. */
export interface Unavailable {
	available: false;
	reason: string;
}

/** Either the result or why it is not there. */
export type Maybe<T extends { available: true }> = T | Unavailable;

export interface Period {
	/** First and last order date in scope. */
	from: string;
	to: string;
	/** Calendar days from `from` to `to`, both included. */
	days: number;
}

/** Every analysis id: the registry's keys (camelCase, the same in results, JSON and code). */
export type AnalysisName = keyof typeof ANALYSES;

/** All results of a run: one field per analysis, `{ available: false, reason }` where the data cannot support it. */
export type AnalysisResults = {
	/** The parameters used, with the as-of date resolved. */
	params: AnalysisParams;
	asOf: string | null;
	engine: string;
} & { [K in AnalysisName]: Awaited<ReturnType<(typeof ANALYSES)[K]['compute']>> };

/**
 * One plain-text sentence about the results (a panel's takeaway, a line of the executive summary).
 * User values in `text` (product names…) are not escaped: escape wherever it is rendered.
 */
export interface Sentence {
	id: string;
	/** The analysis the number comes from. */
	analysis: AnalysisName;
	/** The headline number of the sentence (money in the data's currency, ratios as 0…1). */
	value: number;
	text: string;
}

export interface TakeawayOptions {
	/** Currency symbol or code for money ("£"). */
	currency?: string;
	/** The import's data-quality summary (the data-quality takeaway reads it). */
	quality?: QualitySummary | null;
}

/**
 * A slice's sentence: pure, from the results (complete or still arriving) to a sentence, or null
 * when its analysis is unavailable or has nothing to say. Never draws (the command line may load it).
 */
export type Takeaway = (results: Partial<AnalysisResults>, options: TakeawayOptions) => Sentence | null;
