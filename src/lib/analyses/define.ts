/** What a slice tells the registry about its analysis. */
import type { AnalysisContext } from './context';
import type { AnalysisParams } from './params';
import type { Unavailable } from './types';

export interface Analysis<R extends { available: true } | Unavailable> {
	/** Plain name for progress messages ("Analysing: churn risk"). */
	label: string;
	/** Parameters whose change recomputes this analysis; `filters` (and through it the as-of date) affects everything. */
	params: readonly (keyof AnalysisParams)[];
	/**
	 * Waits on a model fit (the models worker in the browser): a run starts it and goes on with the
	 * next analyses, so the database works while the fit runs beside it.
	 */
	background?: boolean;
	/** Pure apart from the run's temp tables: the run context (engine, params, shared tables) → the result. */
	compute(ctx: AnalysisContext): Promise<R>;
}

export function defineAnalysis<R extends { available: true } | Unavailable>(analysis: Analysis<R>): Analysis<R> {
	return analysis;
}
