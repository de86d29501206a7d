/**
 * Every analysis behind one door: `runAll` for the whole set on one shared run context (the
 * intermediate tables are built once), `runAnalysis`/`runAnalyses` for recomputing only what a
 * parameter change affects (see {@link PARAM_DEPENDENCIES}).
 */
import type { Engine } from '../engine/engine';
import { AnalysisContext } from './context';
import { withDefaults, type AnalysisParams } from './params';
import type { AnalysisName, AnalysisResults, Unavailable } from './types';
import { computeKpis } from './kpis';
import { computeTrend } from './trend';
import { computeForecast } from './forecast';
import { computeRfm } from './rfm';
import { computeCltv } from './cltv';
import { computeChurn } from './churn';
import { computeEngagement } from './engagement';
import { computeCohorts } from './cohorts';
import { computeClv } from './clv';
import { computeUnusualDays } from './unusual-days';
import { computeBreakdown, computeDealSize, computeStatus } from './breakdowns';
import { computeDemographics } from './demographics';
import { computeDataQuality } from './data-quality';

export type * from './types';
export { CUSTOMER_COLUMNS } from './types';
export { customerPage, exportCustomers, customerWhere, clearCustomerCache } from './customers';
export type { CustomerQuery } from './customers';
export { AnalysisContext, AnalysisError, withContext } from './context';
export type { PresetModels } from './context';
export { withDefaults, DEFAULT_PARAMS } from './params';
export type { AnalysisParams, AnalysisFilters, RfmScheme } from './params';

type Computers = { [K in AnalysisName]: (ctx: AnalysisContext) => Promise<AnalysisResults[K]> };

const COMPUTE: Computers = {
	dataQuality: computeDataQuality,
	kpis: computeKpis,
	trend: computeTrend,
	forecast: computeForecast,
	products: (c) => computeBreakdown(c, 'product'),
	categories: (c) => computeBreakdown(c, 'category'),
	countries: (c) => computeBreakdown(c, 'country'),
	regions: (c) => computeBreakdown(c, 'region'),
	dealSize: computeDealSize,
	status: computeStatus,
	unusualDays: computeUnusualDays,
	engagement: computeEngagement,
	cohorts: computeCohorts,
	rfm: computeRfm,
	cltv: computeCltv,
	clv: computeClv,
	churn: computeChurn,
	demographics: computeDemographics
};

/** Every analysis, in the order `runAll` computes them. */
export const ANALYSIS_NAMES = Object.keys(COMPUTE) as AnalysisName[];

/**
 * Which parameters each analysis depends on: when a parameter changes, recompute exactly the
 * analyses listing it. `filters` (and through it the default as-of date) affects everything.
 */
export const PARAM_DEPENDENCIES: Readonly<Record<AnalysisName, readonly (keyof AnalysisParams)[]>> = {
	dataQuality: ['filters'],
	kpis: ['filters', 'asOf'],
	trend: ['filters'],
	forecast: ['filters', 'forecastHorizon'],
	products: ['filters'],
	categories: ['filters'],
	countries: ['filters'],
	regions: ['filters'],
	dealSize: ['filters'],
	status: ['filters'],
	unusualDays: ['filters'],
	engagement: ['filters'],
	cohorts: ['filters'],
	rfm: ['filters', 'asOf', 'rfmBins', 'rfmScheme'],
	cltv: ['filters', 'asOf', 'margin'],
	clv: ['filters', 'asOf', 'margin', 'clvMonths', 'monthlyDiscount', 'clvTimeUnit', 'rfmScheme'],
	churn: ['filters', 'asOf', 'churnDays', 'clvTimeUnit'],
	demographics: ['filters']
};

/** Analyses affected by a change from `before` to `after`. */
export function affectedAnalyses(before: AnalysisParams, after: AnalysisParams): AnalysisName[] {
	const changed = (Object.keys(after) as (keyof AnalysisParams)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
	return ANALYSIS_NAMES.filter((n) => PARAM_DEPENDENCIES[n].some((p) => changed.includes(p)));
}

export interface RunOptions {
	onProgress?: (progress: { name: AnalysisName; done: number; total: number }) => void;
	signal?: AbortSignal;
}

function abortError(signal: AbortSignal): unknown {
	return signal.reason ?? new DOMException('The analysis was cancelled', 'AbortError');
}

async function computeOne<K extends AnalysisName>(ctx: AnalysisContext, name: K): Promise<AnalysisResults[K]> {
	try {
		return await COMPUTE[name](ctx);
	} catch (e) {
		const unavailable: Unavailable = { available: false, reason: `could not be computed: ${e instanceof Error ? e.message : String(e)}` };
		return unavailable as AnalysisResults[K];
	}
}

/** Runs the named analyses on one shared context. */
export async function runAnalyses<K extends AnalysisName>(
	engine: Engine,
	params: Partial<AnalysisParams>,
	names: readonly K[],
	options: RunOptions = {}
): Promise<Pick<AnalysisResults, K | 'params' | 'asOf' | 'engine'>> {
	const { signal, onProgress } = options;
	if (signal?.aborted) throw abortError(signal);
	const ctx = await AnalysisContext.create(engine, withDefaults(params));
	try {
		const out = { params: ctx.params, asOf: ctx.asOf, engine: engine.name } as Pick<AnalysisResults, K | 'params' | 'asOf' | 'engine'>;
		const ordered = ANALYSIS_NAMES.filter((n) => (names as readonly string[]).includes(n)) as K[];
		let done = 0;
		for (const name of ordered) {
			if (signal?.aborted) throw abortError(signal);
			(out as Record<string, unknown>)[name] = await computeOne(ctx, name);
			onProgress?.({ name, done: ++done, total: ordered.length });
		}
		return out;
	} finally {
		await ctx.dispose();
	}
}

/** All analyses; one field per analysis, `{ available: false, reason }` where the data cannot support it. */
export async function runAll(engine: Engine, params: Partial<AnalysisParams> = {}, options: RunOptions = {}): Promise<AnalysisResults> {
	return (await runAnalyses(engine, params, ANALYSIS_NAMES, options)) as AnalysisResults;
}

/** One analysis (its own context). */
export async function runAnalysis<K extends AnalysisName>(name: K, engine: Engine, params: Partial<AnalysisParams> = {}, options: RunOptions = {}): Promise<AnalysisResults[K]> {
	return (await runAnalyses(engine, params, [name], options))[name];
}
