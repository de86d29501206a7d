/**
 * The UI's door to ingest: load (read + profile + suggest a mapping), build the canonical tables
 * (atomically: a failed build leaves the previous tables in place), and drop raw tables no longer shown.
 */
import type { Engine } from '$lib/engine/index';
import { IngestError, buildCanonical, dropCanonical, dropRawTables, inputFromBlob, loadFiles, suggestMapping, withDuplicateLines } from '$lib/ingest/index';
import type { BuildOptions, BuildResult, IngestErrorInfo, LoadedFile, LoadProgress, Mapping, MappingSuggestion, ReadOptions } from '$lib/ingest/index';

export interface LoadOutcome {
	files: LoadedFile[];
	failures: IngestErrorInfo[];
	suggestion: MappingSuggestion;
}

function errorFromInfo(info: IngestErrorInfo): IngestError {
	return new IngestError({ ...info, file: info.file, message: info.message });
}

/** Problems more telling than "no orders", most specific first. */
const SPECIFIC = ['bad-dates', 'no-date', 'no-revenue'] as const;

export const ingest = {
	async load(engine: Engine, files: File[], opts: { read?: Record<string, ReadOptions>; onProgress?: (p: LoadProgress) => void; signal?: AbortSignal }): Promise<LoadOutcome> {
		const inputs = files.map((f) => inputFromBlob(f));
		const result = await loadFiles(engine, inputs, { onProgress: opts.onProgress, read: opts.read, signal: opts.signal });
		if (result.files.length === 0) {
			if (result.failures.length > 0) throw errorFromInfo(result.failures[0]);
			throw new Error('No file could be read.');
		}
		const suggestion = suggestMapping(result.files);
		return { files: result.files, failures: result.failures, suggestion };
	},

	/**
	 * Builds the canonical tables. When the build fails only because no file has order lines, the
	 * suggestion's more specific problem (e.g. "no column looks like an order date") is reported instead.
	 */
	async build(
		engine: Engine,
		files: LoadedFile[],
		mapping: Mapping,
		opts: { onProgress?: (p: LoadProgress) => void; suggestion?: MappingSuggestion; signal?: AbortSignal; duplicates?: BuildOptions['duplicates'] } = {}
	): Promise<BuildResult> {
		const { onProgress, suggestion, signal, duplicates } = opts;
		try {
			return await buildCanonical(engine, files, mapping, { onProgress, signal, duplicates });
		} catch (e) {
			if (e instanceof IngestError && e.problem === 'no-transactions' && suggestion) {
				const specific = SPECIFIC.map((p) => suggestion.problems.find((x) => x.problem === p)).find((x) => !!x);
				if (specific) throw errorFromInfo(specific);
			}
			throw e;
		}
	},

	/** The build's quality summary with the duplicate lines it left for later counted (see `duplicates.ts`). */
	countDuplicates(engine: Engine, files: LoadedFile[], mapping: Mapping, build: BuildResult): Promise<BuildResult> {
		return withDuplicateLines(engine, files, mapping, build.quality).then((quality) => ({ ...build, quality }));
	},

	/** Frees the raw tables of files no longer on screen. */
	drop(engine: Engine, tables: string[]): Promise<void> {
		return dropRawTables(engine, tables);
	},

	/** Drops what `build` made (`transactions`, `customers`). */
	dropBuilt(engine: Engine): Promise<void> {
		return dropCanonical(engine);
	}
};
