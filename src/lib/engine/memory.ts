import type { Engine } from './engine';

/**
 * DuckDB's out-of-memory error: a statement needed more than the database's memory limit. DuckDB-WASM
 * has no disk to spill to, so on large data this is where a load or an analysis stops; the database
 * stays usable, with every table it had.
 */
export function isOutOfMemory(e: unknown): boolean {
	for (let x = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
		const text = x instanceof Error ? x.message : typeof x === 'string' ? x : '';
		// DuckDB's own forms: its error class, or the exception type DuckDB-WASM's reader reports.
		if (/Out of Memory Error|"exception_type":\s*"Out of Memory"/.test(text)) return true;
	}
	return false;
}

/** Bytes DuckDB holds now (tables, caches, buffers), by its own count. */
export async function memoryInUse(engine: Engine): Promise<number> {
	const [row] = await engine.query<{ bytes: number | bigint | null }>('SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()');
	return Number(row?.bytes ?? 0);
}

/** The share of the engine's memory budget in use; 0 for engines without a budget (native DuckDB spills to disk). */
export async function memoryShare(engine: Engine): Promise<number> {
	return engine.memoryBudget === undefined ? 0 : (await memoryInUse(engine)) / engine.memoryBudget;
}

/** More than half of the engine's memory budget is in use: the next large statement may not fit beside what is held. */
export async function memoryTight(engine: Engine): Promise<boolean> {
	return (await memoryShare(engine)) > 1 / 2;
}
