/**
 * The session's one concurrency story. The single DuckDB instance runs one unit of work at a
 * time, so all engine work queues behind one FIFO (`exclusive`): an analysis never reads
 * `transactions` halfway through a rebuild. Each computation is a `Run` holding a generation
 * number per analysis it covers; starting a newer run for an analysis makes the older one stale,
 * and a run none of whose analyses is still current is aborted. Results are committed only
 * through `commit`, which takes just the analyses the run is still newest for, so a slow stale
 * run can never overwrite a fresh one. Plain TypeScript so the rules are unit-tested.
 */

export interface Run<K extends string> {
	readonly signal: AbortSignal;
	/** This run is still the newest for `name` (and the caller's extra condition, e.g. same dataset, holds). */
	isCurrent(name: K): boolean;
}

export class Scheduler<K extends string> {
	private tail: Promise<unknown> = Promise.resolve();
	private readonly generation = new Map<K, number>();
	private readonly runs = new Set<{ controller: AbortController; tokens: Map<K, number> }>();

	/** Runs `fn` after every unit of engine work queued before it; a failure does not block the queue. */
	exclusive<T>(fn: () => Promise<T>): Promise<T> {
		const result = this.tail.then(fn, fn);
		this.tail = result.then(
			() => undefined,
			() => undefined
		);
		return result;
	}

	/**
	 * Starts a run for `names`: each becomes the newest generation, and older runs left with no
	 * current analysis are aborted. `stillValid` adds a condition every current check must meet.
	 */
	begin(names: readonly K[], stillValid: () => boolean = () => true): Run<K> & { finish(): void } {
		const tokens = new Map<K, number>();
		for (const n of names) {
			const g = (this.generation.get(n) ?? 0) + 1;
			this.generation.set(n, g);
			tokens.set(n, g);
		}
		for (const run of this.runs) {
			if ([...run.tokens].every(([n, t]) => this.generation.get(n) !== t)) run.controller.abort();
		}
		const entry = { controller: new AbortController(), tokens };
		this.runs.add(entry);
		return {
			signal: entry.controller.signal,
			isCurrent: (name) => this.generation.get(name) === tokens.get(name) && stillValid(),
			finish: () => void this.runs.delete(entry)
		};
	}
}

/**
 * The results after a run delivers `out`: only the analyses the run is still current for are
 * taken; everything else keeps its value. Returns the names taken (empty = nothing changed).
 */
export function commit<K extends string, V>(current: Partial<Record<K, V>>, out: Partial<Record<K, V>>, names: readonly K[], run: Run<K>): { next: Partial<Record<K, V>>; taken: K[] } {
	const taken = names.filter((n) => run.isCurrent(n) && n in out);
	if (taken.length === 0) return { next: current, taken };
	const next = { ...current };
	for (const n of taken) next[n] = out[n];
	return { next, taken };
}

/**
 * Replaces what is shown only when `attempt` succeeds: on failure the previous value stays and the
 * error is handed back (the caller shows it beside the old data).
 */
export async function replaceOnSuccess<T>(previous: T, attempt: () => Promise<T>): Promise<{ value: T; error: unknown | null }> {
	try {
		return { value: await attempt(), error: null };
	} catch (error) {
		return { value: previous, error };
	}
}
