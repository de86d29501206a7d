/**
 * Tables and facts about the whole `transactions` table, kept between runs on the same data, so a
 * filter change does not redo work that does not depend on the filter: the order table of every
 * line (a filter on order-level columns selects whole rows of it), the per-customer-day table, and
 * small facts such as which order-level columns hold any value. One cache per engine; the data is
 * identified by the identity and size of `transactions`/`customers` (ingest replaces the tables when
 * new files are loaded), and a cache of other data is dropped by the first run that sees the change.
 */
import type { Engine } from '../engine/index';
import { TRANSACTIONS_TABLE } from '../ingest/index';

interface Cache {
	identity: string;
	id: number;
	/** Built tables and computed facts, by key. */
	entries: Map<string, Promise<unknown>>;
	tables: string[];
}

const caches = new WeakMap<Engine, Cache>();
let cacheCounter = 0;

/** What identifies the loaded data: a rebuilt `transactions` or `customers` reads a new table. */
export async function dataIdentity(engine: Engine): Promise<string> {
	const rows = await engine.query<{ table_name: string; table_oid: number; estimated_size: number }>(
		"SELECT table_name, table_oid, estimated_size FROM duckdb_tables() WHERE table_name IN (?, 'customers') AND schema_name = 'main' ORDER BY table_name",
		[TRANSACTIONS_TABLE]
	);
	return JSON.stringify(rows);
}

/** The whole-data cache of the engine's current data (a cache of earlier data is dropped). */
export class WholeData {
	private constructor(
		private readonly engine: Engine,
		private readonly cache: Cache
	) {}

	static async of(engine: Engine): Promise<WholeData> {
		const identity = await dataIdentity(engine);
		let cache = caches.get(engine);
		if (!cache || cache.identity !== identity) {
			const stale = cache;
			cache = { identity, id: ++cacheCounter, entries: new Map(), tables: [] };
			caches.set(engine, cache);
			if (stale) await dropCache(engine, stale);
		}
		return new WholeData(engine, cache);
	}

	/** A fact computed once per data (a failure is not kept: the next run tries again). */
	value<T>(key: string, compute: () => Promise<T>): Promise<T> {
		let p = this.cache.entries.get(key) as Promise<T> | undefined;
		if (!p) {
			p = compute();
			this.cache.entries.set(key, p);
			p.catch(() => {
				if (this.cache.entries.get(key) === p) this.cache.entries.delete(key);
			});
		}
		return p;
	}

	/**
	 * A table built once per data from `select`; its name. `engine` is the lane to build it in: a
	 * model fit's input is built in the urgent one (`Engine.urgent`), not behind the other analyses.
	 */
	table(key: string, select: string, engine: Engine = this.engine): Promise<string> {
		return this.value(`table:${key}`, async () => {
			const name = `cl_data${this.cache.id}_${key}`;
			await engine.exec(`CREATE OR REPLACE TEMP TABLE ${name} AS ${select}`);
			this.cache.tables.push(name);
			return name;
		});
	}

	/** The table if it is built or being built, else null (a run that would not pay for building it). */
	existing(key: string): Promise<string> | null {
		return (this.cache.entries.get(`table:${key}`) as Promise<string> | undefined) ?? null;
	}

	/** The table once built, or null when it is not being built or its build failed. */
	async built(key: string): Promise<string | null> {
		return (await this.existing(key)?.catch(() => null)) ?? null;
	}
}

/** Drops the engine's whole-data tables now, for data thrown away rather than replaced. */
export async function dropWholeData(engine: Engine): Promise<void> {
	const cache = caches.get(engine);
	if (!cache) return;
	caches.delete(engine);
	await dropCache(engine, cache);
}

async function dropCache(engine: Engine, cache: Cache): Promise<void> {
	await Promise.allSettled([...cache.entries.values()]);
	for (const name of cache.tables) await engine.exec(`DROP TABLE IF EXISTS ${name}`).catch(() => {});
}
