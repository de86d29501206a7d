/**
 * Client state and orchestration: the engine, the loaded data, the settings, the results and the
 * page's `data-state`. Every user action goes through `action()`, which catches everything and turns
 * it into a polite message while the previous data and results stay on screen.
 *
 * Concurrency (engine queue, generations, aborting superseded runs, committing only fresh results)
 * is one story, told and tested in `./scheduler.ts`; `jobs` only counts work in flight for `data-state`.
 */
import { SvelteSet } from 'svelte/reactivity';
import { memoryShare, type Engine } from '$lib/engine/index';
import {
	ANALYSES,
	ANALYSIS_NAMES,
	affectedAnalyses,
	awaitedNext,
	filterValues,
	presetModels,
	runAnalyses,
	startWholeData,
	withDefaults,
	type AnalysisName,
	type AnalysisParams,
	type AnalysisResults,
	type PresetModels
} from '$lib/analyses/index';
import { IngestError, type BuildResult, type IngestErrorInfo, type LoadedFile, type Mapping, type MappingSuggestion, type ReadOptions } from '$lib/ingest/index';
import { toUserError, type UserError } from './errors';
import { NO_OPTIONS, type FilterOptions } from './filter-options';
import { ingest } from './ingest-adapter';
import { mergeStoredMappings, rememberMapping, retable } from './mapping';
import { Scheduler, commit, replaceOnSuccess } from './scheduler';
import { chartDraws } from './chart-draws.svelte';
import { frameBatch } from './frame-batch';
import type { ViewSettings } from './url-settings';
import { workerModels } from './models-worker';
import { warmUp } from './warm-up';

export type AppState = 'loading' | 'ready' | 'error';

export interface Progress {
	phase: string;
	startedAt: number;
	loaded?: number | null;
	total?: number | null;
	rows?: number | null;
	fraction?: number | null;
	step?: number;
	steps?: number;
}

/** Files that are read and mapped (maybe not yet built, when the build failed). */
export interface Loaded {
	id: number;
	label: string;
	/** The original files, kept so they can be re-read with other reading options. */
	sources: File[];
	files: LoadedFile[];
	suggestion: MappingSuggestion;
	mapping: Mapping;
	/** Signatures whose mapping came from the user's earlier choice (localStorage). */
	restored: string[];
	failures: IngestErrorInfo[];
}

/** The data the dashboard shows: loaded and successfully built. */
export interface Dataset extends Loaded {
	build: BuildResult;
}

/** A mapping the user chose for files read before (`files`), to apply once they are read again. */
interface Remap {
	mapping: Mapping;
	files: LoadedFile[];
}

/** Each file's reading options, by file name, to read the same files again the same way. */
const readOptionsOf = (loaded: Loaded): Record<string, ReadOptions> => Object.fromEntries(loaded.files.map((f) => [f.name, f.readOptions]));

const KEPT_RESULTS = 'The data and results you had before are still shown and can be used.';

let nextLoadId = 0;

export class Session {
	engine: Engine | null = $state.raw(null);
	engineFailed = $state(false);
	progress: Progress | null = $state(null);
	error: UserError | null = $state(null);
	/** Non-blocking notes about the last load (e.g. one of several files could not be read). */
	notices: string[] = $state([]);
	/** Set while files are read and built: until the new tables replace the old ones, a load can be cancelled. */
	private loadAbort: AbortController | null = $state(null);
	/** The data on screen. */
	dataset: Dataset | null = $state.raw(null);
	/** Files read whose build failed: the column review offers to fix their mapping. */
	pending: Loaded | null = $state.raw(null);
	params: AnalysisParams = $state(withDefaults());
	currency = $state('');
	results: Partial<AnalysisResults> = $state.raw({});
	/** The as-of date the analyses resolved (the day after the last order when automatic). */
	resolvedAsOf: string | null = $state(null);
	filterOptions: FilterOptions = $state.raw(NO_OPTIONS);
	/** Analyses whose newest computation has not finished. */
	readonly computing = new SvelteSet<AnalysisName>();
	/** Other work in flight (loading, building, drill-down pages). */
	jobs = $state(0);
	/** The last action failed (and nothing has succeeded since). */
	failed = $state(false);
	/**
	 * Raw tables of data built and shown: they are dropped once its duplicates are counted (only a
	 * new column mapping would read them again), so a mapping applied to them reads the files again.
	 */
	private readonly released = new Set<string>();
	/**
	 * The duplicate-line count a load left for later, with the release of its raw tables: run once,
	 * when it is first asked for ({@link countDuplicates}).
	 */
	private uncounted: { dataset: Dataset; count: () => Promise<void>; running: Promise<void> | null } | null = $state.raw(null);
	/** Set while the engine is warmed up (see `./warm-up.ts`); a load stops it. */
	private warming: AbortController | null = null;
	/** The page's `data-warm-up`: the bench waits for `done` to time a load on a warmed-up engine. */
	warmUpState = $state<'waiting' | 'running' | 'done'>('waiting');

	readonly state: AppState = $derived.by(() => {
		if (!this.engine) return this.engineFailed ? 'error' : 'loading';
		if (this.jobs > 0 || this.computing.size > 0 || chartDraws.pending > 0) return 'loading';
		return this.failed ? 'error' : 'ready';
	});

	private readonly scheduler = new Scheduler<AnalysisName>();
	private engineReady: Promise<Engine>;
	private resolveEngine!: (e: Engine) => void;
	private rejectEngine!: (e: unknown) => void;

	constructor(settings?: ViewSettings) {
		if (settings) {
			this.params = settings.params;
			this.currency = settings.currency;
		}
		this.engineReady = new Promise<Engine>((resolve, reject) => {
			this.resolveEngine = resolve;
			this.rejectEngine = reject;
		});
		// Nobody may be awaiting yet; the failure is reported through `engineFailed`.
		this.engineReady.catch(() => {});
	}

	/** Starts DuckDB (≈1 s), then warms it up; call once at page load. */
	async start(create: () => Promise<Engine>): Promise<void> {
		this.progress = { phase: 'Starting the analysis engine…', startedAt: performance.now() };
		try {
			const engine = await create();
			this.engine = engine;
			this.resolveEngine(engine);
		} catch (e) {
			this.engineFailed = true;
			this.rejectEngine(e);
			this.error = {
				title: 'The analysis engine could not start.',
				message:
					'This browser could not start DuckDB (WebAssembly in a Web Worker). Please use a current version of Chrome, Edge, Firefox or Safari, and make sure WebAssembly is not disabled.',
				detail: e instanceof Error ? e.message.split('\n')[0] : undefined
			};
		} finally {
			this.progress = null;
		}
		if (this.engine) await this.warmUp(this.engine);
	}

	/**
	 * Runs the warm-up before any other engine work. The page is `ready` meanwhile: nothing the user
	 * asked for is pending, and a file chosen stops it. A failure is only logged (the real load will tell).
	 */
	private async warmUp(engine: Engine): Promise<void> {
		// A file chosen (or reopened from the device) while the engine started is already waiting for it.
		if (this.jobs > 0) {
			this.warmUpState = 'done';
			return;
		}
		const abort = new AbortController();
		this.warming = abort;
		this.warmUpState = 'running';
		try {
			await this.scheduler.exclusive(() => warmUp(engine, abort.signal, workerModels));
		} catch (e) {
			if (!abort.signal.aborted) console.warn('The engine warm-up failed:', e);
		} finally {
			this.warming = null;
			this.warmUpState = 'done';
		}
	}

	get params$(): AnalysisParams {
		return $state.snapshot(this.params) as AnalysisParams;
	}

	/** Views and tables that show this analysis: is a newer result on its way? */
	isComputing(...names: AnalysisName[]): boolean {
		return names.some((n) => this.computing.has(n));
	}

	get canCancel(): boolean {
		return this.loadAbort !== null;
	}

	/** Stops the file being read or built; the data on screen stays. */
	cancelLoad(): void {
		this.loadAbort?.abort(new DOMException('The load was cancelled', 'AbortError'));
	}

	dismissError(): void {
		this.error = null;
		this.failed = false;
	}

	/**
	 * The boundary: runs one user action, counts it as work in flight, and turns anything thrown
	 * into a message. Returns false when it failed.
	 */
	private async action(what: string, fn: () => Promise<void>): Promise<boolean> {
		this.jobs++;
		this.error = null;
		this.failed = false;
		try {
			await fn();
			return true;
		} catch (e) {
			if (!(e instanceof DOMException && e.name === 'AbortError')) {
				console.warn(`Could not ${what}:`, e);
				this.error = toUserError(e, what, this.dataset ? KEPT_RESULTS : undefined);
				this.failed = true;
			}
			return false;
		} finally {
			this.jobs--;
			if (this.jobs === 0) this.progress = null;
		}
	}

	/** Reads, maps and builds files (uploads and samples take this same path), then analyses them. */
	async loadFiles(
		files: File[],
		options: { label?: string; read?: Record<string, ReadOptions>; fetch?: () => Promise<File[]>; remap?: Remap } = {}
	): Promise<boolean> {
		const what = options.remap ? 'apply this column mapping' : files.length === 1 || options.fetch ? 'load this file' : 'load these files';
		return this.action(what, async () => {
			this.notices = [];
			const startedAt = performance.now();
			this.warming?.abort();
			if (options.fetch) files = await options.fetch();
			if (files.length === 0) throw new Error('No file was chosen.');
			if (!this.engine) this.progress = { phase: 'Starting the analysis engine…', startedAt };
			const engine = await this.engineReady;
			await this.releaseUncounted(engine);
			const label = options.label ?? files.map((f) => f.name).join(' + ');
			const abort = new AbortController();
			this.loadAbort = abort;
			try {
				await this.readAndBuild(engine, files, label, options.read, startedAt, abort.signal, options.remap);
			} catch (e) {
				if (!abort.signal.aborted) throw e;
				this.notices = ['Loading was cancelled. The data you had before is still shown.'];
			} finally {
				if (this.loadAbort === abort) this.loadAbort = null;
			}
		});
	}

	/**
	 * Reads and maps the files, then builds their tables; `signal` stops it before the tables are
	 * replaced. With `remap`, the files are ones read before and the user's mapping is applied.
	 */
	private async readAndBuild(
		engine: Engine,
		files: File[],
		label: string,
		read: Record<string, ReadOptions> | undefined,
		startedAt: number,
		signal: AbortSignal,
		remap?: Remap
	): Promise<void> {
		const loaded = await this.scheduler.exclusive(() =>
			ingest.load(engine, files, {
				read,
				signal,
				onProgress: (p) => {
					this.progress = {
						phase: `${phaseLabel(p.phase)} ${p.file}`,
						startedAt,
						loaded: p.bytesDone,
						total: p.bytesTotal,
						rows: p.rows ?? null
					};
				}
			})
		);
		const { mapping, restored } = remap
			? { mapping: retable(remap.mapping, remap.files, loaded.files), restored: [] }
			: mergeStoredMappings(loaded.suggestion.mapping, loaded.files);
		const candidate: Loaded = {
			id: ++nextLoadId,
			label,
			sources: files,
			files: loaded.files,
			suggestion: loaded.suggestion,
			mapping,
			restored,
			failures: loaded.failures
		};
		this.notices = [
			...loaded.failures.map((f) => `${f.message}${f.message.includes(f.hint) ? '' : ` ${f.hint}`}`),
			...(restored.length ? ['The column choices you applied before for files with these columns were used again.'] : [])
		];
		await this.build(candidate, startedAt, !!remap, signal);
	}

	/** Applies an edited mapping (from the column review) to the data on screen or to the pending files. */
	async applyMapping(mapping: Mapping): Promise<boolean> {
		const base = this.pending ?? this.dataset;
		if (!base) return false;
		if (base.files.some((f) => this.released.has(f.table)))
			return this.loadFiles(base.sources, { label: base.label, read: readOptionsOf(base), remap: { mapping, files: base.files } });
		return this.action('apply this column mapping', async () => {
			await this.build({ ...base, id: ++nextLoadId, mapping, restored: [] }, performance.now(), true);
		});
	}

	/** Re-reads one file with explicit reading options (header, delimiter, column names). */
	async reread(fileName: string, read: ReadOptions): Promise<boolean> {
		const base = this.pending ?? this.dataset;
		if (!base) return false;
		return this.loadFiles(base.sources, { label: base.label, read: { ...readOptionsOf(base), [fileName]: read } });
	}

	private async build(candidate: Loaded, startedAt: number, remember = false, signal?: AbortSignal): Promise<void> {
		const engine = await this.engineReady;
		const previous = this.dataset;
		const outcome = await replaceOnSuccess<Dataset | null>(previous, async () => ({
			...candidate,
			build: await this.scheduler.exclusive(() =>
				ingest.build(engine, candidate.files, candidate.mapping, {
					onProgress: (p) => {
						this.progress = { phase: `Building the tables from ${p.file}`, startedAt, loaded: p.bytesDone, total: p.bytesTotal, rows: p.rows ?? null };
					},
					suggestion: candidate.suggestion,
					signal,
					duplicates: 'later'
				})
			)
		}));
		// A cancelled build, or one too large for memory (another mapping would not help), keeps
		// nothing of the new files: their raw tables would only hold the memory the data on screen needs.
		if (outcome.error && (signal?.aborted || (outcome.error instanceof IngestError && outcome.error.problem === 'too-large'))) {
			const keep = new Set([...(previous?.files ?? []), ...(this.pending?.files ?? [])].map((f) => f.table));
			const drop = candidate.files.map((f) => f.table).filter((t) => !keep.has(t));
			if (drop.length) await this.scheduler.exclusive(() => ingest.drop(engine, drop)).catch(() => {});
			throw outcome.error;
		}
		if (outcome.error) {
			// The build is atomic (the previous tables stay); keep the new files so their mapping can be fixed.
			const stale = this.pending;
			this.pending = candidate;
			if (stale) {
				const keep = new Set([...candidate.files, ...(previous?.files ?? [])].map((f) => f.table));
				const drop = stale.files.map((f) => f.table).filter((t) => !keep.has(t));
				if (drop.length) await this.scheduler.exclusive(() => ingest.drop(engine, drop)).catch(() => {});
			}
			throw outcome.error;
		}
		if (remember) for (const f of candidate.mapping.files) rememberMapping(f, candidate.files);
		const old = [previous, this.pending].filter((d): d is Loaded => !!d && d !== candidate);
		// The new tables are in: from here on, cancelling would lose both the old data and the new.
		this.loadAbort = null;
		// The order table every panel starts from is built while the page draws the new data (about
		// 45 ms on Online Retail, while the database would wait); the run below finds it built.
		await this.scheduler.exclusive(() => startWholeData(engine, this.params$)).catch(() => {});
		// The build left the duplicate lines uncounted. They are counted when first asked for (the quality
		// panel comes near the screen, a report is made): the count scans every column of every raw
		// line (on Online Retail 0.12-0.27 s of CPU), and during a load it took that from the model fits
		// on the two cores. Then the raw tables go: nothing else reads them, and on large files they are
		// a third of the memory (10.3 M rows: 1.3 GB beside `transactions`), which a filter change needs.
		const countAndRelease = async () => {
			const dataset = outcome.value;
			if (!dataset) return;
			if (dataset.build.quality.flagged.duplicateLines === null) {
				try {
					const build = await ingest.countDuplicates(engine, dataset.files, dataset.mapping, dataset.build);
					if (this.dataset === dataset) this.dataset = { ...dataset, build };
				} catch (e) {
					// Only the count and its note are missing; the data and every analysis are in place.
					console.warn('Customer Lens: the duplicate lines could not be counted:', e);
				}
			}
			await ingest.drop(engine, dataset.files.map((f) => f.table)).catch(() => {});
		};
		this.pending = null;
		this.dataset = outcome.value;
		this.uncounted = outcome.value ? { dataset: outcome.value, count: countAndRelease, running: null } : null;
		// Said now, in the same step that shows the data: a mapping applied from here on reads the
		// files again, even while the run below has not dropped the raw tables yet.
		for (const f of outcome.value?.files ?? []) this.released.add(f.table);
		// Raw tables of files no longer on screen are dropped (their memory is the user's RAM).
		const keep = new Set(candidate.files.map((f) => f.table));
		const drop = old.flatMap((d) => d.files.map((f) => f.table)).filter((t) => !keep.has(t));
		if (drop.length) await this.scheduler.exclusive(() => ingest.drop(engine, drop)).catch(() => {});
		// What the data holds decides when the duplicates are counted. Over half of DuckDB-WASM's 3.2 GiB
		// (10.3 M rows: raw 1.3 GB and `transactions` 1.6 GB) the count's sort does not fit beside the
		// raw tables and the analyses' tables: it runs first, and the analyses start without the raw
		// tables; the headline numbers wait for it. Over a quarter, the raw tables are not kept for a
		// count that may never be asked for (a filter change needs that memory for its own tables): it
		// runs while the run waits for its model fits, when the database is idle, and they are dropped.
		const held = await this.scheduler.exclusive(() => memoryShare(engine)).catch(() => 0);
		if (held > 1 / 2) await this.countDuplicates();
		const countBeside = held > 1 / 4;
		// The old results stay on screen, dimmed, until the new ones replace them. The filter choices
		// are read while the run waits for its model fits too: they hold back neither the headline
		// numbers nor the end of the load.
		let read = false;
		const readFilterOptions = async () => {
			this.filterOptions = await filterValues(engine).catch(() => NO_OPTIONS);
			read = true;
		};
		try {
			await this.compute([...ANALYSIS_NAMES], startedAt, async () => {
				await readFilterOptions();
				if (countBeside) await this.countNow();
			});
		} finally {
			if (!read) await this.scheduler.exclusive(readFilterOptions);
		}
	}

	/** The data on screen has exact duplicate lines still to count ({@link countDuplicates}). */
	get duplicatesUncounted(): boolean {
		return this.uncounted !== null && this.uncounted.dataset === this.dataset;
	}

	/**
	 * Counts the exact duplicate lines of the data on screen if its load left them for later, once
	 * (see `build`); resolves when they are counted. Engine work, so the page shows it as loading.
	 */
	async countDuplicates(): Promise<void> {
		if (this.duplicatesUncounted) await this.withEngine(() => this.countNow());
	}

	/** The count of {@link countDuplicates}, for a caller whose turn on the engine it is. */
	private countNow(): Promise<void> {
		const pending = this.uncounted;
		if (!pending || !this.duplicatesUncounted) return Promise.resolve();
		pending.running ??= pending.count().finally(() => {
			if (this.uncounted === pending) this.uncounted = null;
		});
		return pending.running;
	}

	/**
	 * A new load first frees the raw tables the data on screen still holds for a duplicate count
	 * nobody asked for; that data then shows no count. Read beside them, the new file raised
	 * DuckDB-WASM's memory for good (it never gives memory back: five loads of a 1 M-row file,
	 * 1.24× the first load's against 1.14×), and they counted against what the new file may use.
	 */
	private async releaseUncounted(engine: Engine): Promise<void> {
		const pending = this.uncounted;
		if (!pending || pending.running) return;
		this.uncounted = null;
		await this.scheduler.exclusive(() => ingest.drop(engine, pending.dataset.files.map((f) => f.table))).catch(() => {});
	}

	/** Forgets files whose build failed (the column review closes). */
	async discardPending(): Promise<void> {
		const stale = this.pending;
		if (!stale) return;
		this.pending = null;
		const keep = new Set((this.dataset?.files ?? []).map((f) => f.table));
		const drop = stale.files.map((f) => f.table).filter((t) => !keep.has(t));
		if (drop.length && this.engine) {
			const engine = this.engine;
			await this.scheduler.exclusive(() => ingest.drop(engine, drop)).catch(() => {});
		}
	}

	/** Changes settings; recomputes only the analyses that depend on what changed. */
	async setParams(patch: Partial<AnalysisParams>): Promise<boolean> {
		const before = this.params$;
		const after = withDefaults({ ...before, ...patch, filters: { ...before.filters, ...(patch.filters ?? {}) } });
		this.params = after;
		if (!this.dataset) return true;
		const names = affectedAnalyses(before, after);
		if (names.length === 0) return true;
		return this.action('update the results', () => this.compute(names, performance.now()));
	}

	resetParams(): Promise<boolean> {
		const before = this.params$;
		this.params = withDefaults();
		if (!this.dataset) return Promise.resolve(true);
		const names = affectedAnalyses(before, this.params$);
		if (names.length === 0) return Promise.resolve(true);
		return this.action('update the results', () => this.compute(names, performance.now()));
	}

	/** Recomputes everything for the current data and settings (e.g. after a failure). */
	retry(): Promise<boolean> {
		if (!this.dataset) return Promise.resolve(false);
		return this.action('update the results', () => this.compute([...ANALYSIS_NAMES], performance.now()));
	}

	/**
	 * Runs the analyses. `beside`: more work for the database in the same turn, started once the run
	 * waits only for its model fits (or at its end), finished before the run counts as done.
	 */
	private async compute(names: AnalysisName[], startedAt: number, beside?: () => Promise<void>): Promise<void> {
		const engine = await this.engineReady;
		const datasetId = this.dataset?.id;
		const params = this.params$;
		const run = this.scheduler.begin(names, () => this.dataset?.id === datasetId);
		for (const n of names) this.computing.add(n);
		const total = names.length;
		const arrived = frameBatch<{ name: AnalysisName; result: unknown; asOf: string | null }>(
			(items) => {
				const { next, taken } = commit(
					this.results as Partial<Record<AnalysisName, unknown>>,
					Object.fromEntries(items.map((i) => [i.name, i.result])),
					items.map((i) => i.name),
					run
				);
				if (!taken.length) return;
				for (const n of taken) this.computing.delete(n);
				this.results = next as Partial<AnalysisResults>;
				const asOf = items[items.length - 1].asOf;
				if (asOf && this.dataset?.id === datasetId) this.resolvedAsOf = asOf;
			},
			{ perFrame: 1 }
		);
		try {
			// One run, one shared context: results arrive panel by panel, the headline numbers first.
			await this.scheduler.exclusive(async () => {
				let besideRun: Promise<void> | null = null;
				const startBeside = () => (besideRun ??= beside?.() ?? Promise.resolve());
				try {
					const live = names.filter(run.isCurrent);
					if (run.signal.aborted || live.length === 0) return null;
					const skipped = total - live.length;
					// Named by what is being waited for, not by what has just finished.
					const analysing = (name: AnalysisName | null, done: number) => {
						if (name) this.progress = { phase: `Analysing: ${ANALYSES[name].label}`, startedAt, step: skipped + done, steps: total, fraction: (skipped + done) / total };
					};
					analysing(awaitedNext(live, new Set()), 0);
					return await runAnalyses(engine, params, live, {
						signal: run.signal,
						models: workerModels,
						onResult: (name, result, asOf) => arrived.push({ name, result, asOf }),
						onProgress: (p) => {
							if (run.isCurrent(p.name)) analysing(p.next ?? p.name, p.done);
							if (!p.next || ANALYSES[p.next].background) void startBeside();
						}
					});
				} finally {
					await startBeside();
				}
			});
		} catch (e) {
			if (e instanceof DOMException && e.name === 'AbortError') return;
			if (names.some(run.isCurrent)) throw e;
		} finally {
			// Everything that arrived is on screen before the run counts as finished (`data-state`).
			arrived.flush();
			run.finish();
			for (const n of names) if (run.isCurrent(n)) this.computing.delete(n);
		}
	}

	/** Models fitted by the last CLV run, so drill-down pages do not refit them. */
	presetModels(): PresetModels | undefined {
		const clv = this.results.clv;
		if (!clv || !clv.available) return undefined;
		return presetModels(clv);
	}

	/** Engine work for other components (drill-down): serialised with everything else, counted as loading. */
	async withEngine<T>(fn: (engine: Engine) => Promise<T>): Promise<T> {
		const engine = await this.engineReady;
		this.jobs++;
		try {
			return await this.scheduler.exclusive(() => fn(engine));
		} finally {
			this.jobs--;
		}
	}

	/** Reports an error that happened outside an action (e.g. an unhandled rejection). */
	reportUnexpected(e: unknown): void {
		this.error = toUserError(e, 'finish that', this.dataset ? KEPT_RESULTS : undefined);
		this.failed = true;
	}
}

function phaseLabel(phase: string): string {
	switch (phase) {
		case 'reading':
			return 'Reading';
		case 'parsing':
			return 'Parsing';
		case 'profiling':
			return 'Profiling the columns of';
		case 'building':
			return 'Building the tables from';
		default:
			return 'Working on';
	}
}
