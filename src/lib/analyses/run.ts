/**
 * Every analysis behind one door: `runAll` for the whole set on one shared run context (the
 * intermediate tables are built once), `runAnalysis`/`runAnalyses` for recomputing only what a
 * parameter change affects (each analysis lists its parameters in its slice).
 */
import { isOutOfMemory, type Engine } from '../engine/index';
import { AnalysisContext } from './context';
import { cancellable, rememberingFits, type ModelRunner } from './model-runner';
import { withDefaults, type AnalysisParams } from './params';
import { ANALYSES } from './registry';
import type { AnalysisName, AnalysisResults, Unavailable } from './types';

/** Every analysis, in the order `runAll` computes them. */
export const ANALYSIS_NAMES = Object.keys(ANALYSES) as AnalysisName[];

/** Analyses affected by a change from `before` to `after`. */
export function affectedAnalyses(before: AnalysisParams, after: AnalysisParams): AnalysisName[] {
	const changed = (Object.keys(after) as (keyof AnalysisParams)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
	return ANALYSIS_NAMES.filter((n) => ANALYSES[n].params.some((p) => changed.includes(p)));
}

/**
 * What a run of `names` waits for once `delivered` are in: the next analysis in delivery order (the
 * registry's), else a background one still running; null when all are in.
 */
export function awaitedNext(names: readonly AnalysisName[], delivered: ReadonlySet<AnalysisName>): AnalysisName | null {
	const pending = ANALYSIS_NAMES.filter((n) => names.includes(n) && !delivered.has(n));
	return pending.find((n) => !ANALYSES[n].background) ?? pending[0] ?? null;
}

export interface RunOptions {
	/**
	 * After each result: `name` has just been delivered; `next` is what the run now waits for (the
	 * next analysis in delivery order, else a background one still running; null at the end), which
	 * is what a progress message should name.
	 */
	onProgress?: (progress: { name: AnalysisName; done: number; total: number; next: AnalysisName | null }) => void;
	/** Each result as soon as it is computed, so a dashboard can show panels one by one. */
	onResult?: <K extends AnalysisName>(name: K, result: AnalysisResults[K], asOf: string | null) => void;
	signal?: AbortSignal;
	/** Where the model fits run; in-process by default. */
	models?: ModelRunner;
	/**
	 * Start the background analyses (the model fits) before the others. Wherever they start, their
	 * statements run in the engine's urgent lane (`AnalysisContext.urgently`), so a fit's input does
	 * not wait behind every other analysis and the fit runs while the database computes the rest. The
	 * command line starts them first; a page wants its headline numbers first.
	 */
	backgroundFirst?: boolean;
}

/**
 * Analyses computed at once (besides the background ones): the next one's statements are already
 * queued while a result is handed over and drawn, so the database never waits for the page.
 */
const FOREGROUND_IN_FLIGHT = 3;

function abortError(signal: AbortSignal): unknown {
	return signal.reason ?? new DOMException('The analysis was cancelled', 'AbortError');
}

/** DuckDB's own message is several lines about disks and storage back-ends; this says what to do. */
const OUT_OF_MEMORY = 'the data is too large for the memory this page can use (npm run analyze computes it on the command line)';

async function computeOne<K extends AnalysisName>(ctx: AnalysisContext, name: K): Promise<AnalysisResults[K]> {
	try {
		return (await ANALYSES[name].compute(ctx)) as AnalysisResults[K];
	} catch (e) {
		const unavailable: Unavailable = { available: false, reason: `could not be computed: ${isOutOfMemory(e) ? OUT_OF_MEMORY : e instanceof Error ? e.message : String(e)}` };
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
	const { signal, onProgress, onResult } = options;
	if (signal?.aborted) throw abortError(signal);
	const ctx = await AnalysisContext.create(engine, withDefaults(params));
	ctx.models = rememberingFits(options.models ?? ctx.models);
	if (signal) ctx.models = cancellable(ctx.models, signal);
	const background: Promise<void>[] = [];
	const inFlight = new Set<Promise<void>>();
	try {
		const out = { params: ctx.params, asOf: ctx.asOf, engine: engine.name } as Pick<AnalysisResults, K | 'params' | 'asOf' | 'engine'>;
		const ordered = ANALYSIS_NAMES.filter((n) => (names as readonly string[]).includes(n)) as K[];
		let done = 0;
		let previous: Promise<unknown> = Promise.resolve();
		const { backgroundFirst } = options;
		const isBackground = (name: K) => Boolean(ANALYSES[name].background);
		const delivered = new Set<AnalysisName>();
		const start = backgroundFirst ? [...ordered.filter(isBackground), ...ordered.filter((n) => !isBackground(n))] : ordered;
		for (const name of start) {
			if (signal?.aborted) throw abortError(signal);
			const computed = computeOne(isBackground(name) ? ctx.urgently() : ctx, name);
			const deliver = (result: AnalysisResults[K]) => {
				if (signal?.aborted) return;
				(out as Record<string, unknown>)[name] = result;
				delivered.add(name);
				onResult?.(name, result, ctx.asOf);
				onProgress?.({ name, done: ++done, total: ordered.length, next: awaitedNext(ordered, delivered) });
			};
			if (isBackground(name)) {
				background.push(computed.then(deliver));
				continue;
			}
			// Delivered in the registry's order (the headline numbers first), whichever finishes first.
			const after = previous;
			const job = (async () => {
				await after;
				deliver(await computed);
			})();
			previous = job;
			inFlight.add(job);
			void job.then(
				() => inFlight.delete(job),
				() => inFlight.delete(job)
			);
			if (inFlight.size >= FOREGROUND_IN_FLIGHT) await Promise.race(inFlight);
		}
		await Promise.all([...inFlight, ...background]);
		if (signal?.aborted) throw abortError(signal);
		return out;
	} finally {
		// A fit or statement still running would write its tables after the drop.
		await Promise.allSettled([...inFlight, ...background]);
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
