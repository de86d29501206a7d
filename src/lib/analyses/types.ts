/**
 * Types shared by every analysis. Plain, serialisable objects (numbers, strings, booleans, null,
 * arrays, objects): the same object feeds the UI, the report and the command line's JSON.
 * Dates are `YYYY-MM-DD`, months `YYYY-MM`. Money is in the data's own currency.
 */
import type { AnalysisParams } from './params';
import type { ANALYSES } from './registry';

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
