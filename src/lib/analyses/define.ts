/** What a slice tells the registry about its analysis. */
import type { AnalysisContext } from './context';
import type { AnalysisParams } from './params';
import type { Unavailable } from './types';

export interface Analysis<R extends { available: true } | Unavailable> {
	/** Plain name for progress messages ("Analysing: churn risk"). */
	label: string;
	/** Parameters whose change recomputes this analysis; `filters` (and through it the as-of date) affects everything. */
	params: readonly (keyof AnalysisParams)[];
	/** Computed in the first batch, so the headline numbers appear before the slow models finish. */
	early?: boolean;
	/** Pure apart from the run's temp tables: the run context (engine, params, shared tables) → the result. */
	compute(ctx: AnalysisContext): Promise<R>;
}

export function defineAnalysis<R extends { available: true } | Unavailable>(analysis: Analysis<R>): Analysis<R> {
	return analysis;
}
