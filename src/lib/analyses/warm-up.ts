/**
 * Optional warm-up for a fresh DuckDB-WASM instance. The first run of every analysis pays for
 * compiling the engine's code paths (wasm functions are compiled lazily on first use), which on
 * 1M rows more than doubles the first `runAll`. Running all analyses once on a tiny synthetic
 * table while the user is still choosing a file moves that cost out of the way.
 * Does nothing (returns false) when a `transactions` table already exists.
 */
import type { Engine } from '../engine/engine';
import { runAll } from './index';

const TABLE_EXISTS = "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name IN ('transactions', 'customers') OR table_name LIKE 'cl_warm_up%'";

export async function warmUpAnalyses(engine: Engine, options: { lines?: number } = {}): Promise<boolean> {
	const lines = Math.max(400, Math.floor(options.lines ?? 40_000));
	const [{ n }] = await engine.query<{ n: number }>(TABLE_EXISTS);
	if (n > 0) return false;
	// `lines` lines (default 40,000: enough for the hot loops to be optimised, still ~2 s), 60 customers over ~14 months, every canonical column filled, some cancellations.
	await engine.exec(`CREATE TABLE transactions AS
		WITH g AS (SELECT range AS i FROM range(${lines}))
		SELECT CASE WHEN i % 97 = 0 THEN 'C' || (i // 4) ELSE 'W' || (i // 4) END AS order_id,
			'c' || ((i // 4) % 60) AS customer_id,
			TIMESTAMP '2023-01-01 09:00:00' + to_days(CAST(((i // 4) * 37 + (i // 4) % 11) % 430 AS INTEGER)) AS order_ts,
			'p' || (i % 30) AS product, 'cat' || (i % 5) AS category,
			CAST(CASE WHEN i % 97 = 0 THEN -1 ELSE 1 + i % 3 END AS DOUBLE) AS quantity,
			CAST(2 + (i * 7919) % 50 AS DOUBLE) AS unit_price,
			CAST(CASE WHEN i % 97 = 0 THEN -1 ELSE 1 + i % 3 END * (2 + (i * 7919) % 50) AS DOUBLE) AS revenue,
			CAST((2 + (i * 7919) % 50) * 0.6 AS DOUBLE) AS cost,
			'k' || ((i // 4) % 12) AS country, 'r' || ((i // 4) % 3) AS region,
			CASE WHEN i % 53 = 0 THEN 'Cancelled' ELSE 'Shipped' END AS status, 'Small' AS deal_size, 'web' AS channel,
			i + 1 AS row_no, 'warm-up' AS source_file
		FROM g`);
	try {
		await engine.exec(`CREATE OR REPLACE TABLE transactions AS
			SELECT *, CAST(order_ts AS DATE) AS order_date, quantity < 0 OR revenue < 0 AS is_return,
				order_id LIKE 'C%' OR status = 'Cancelled' OR bool_and(quantity < 0) OVER (PARTITION BY order_id) AS is_cancelled
			FROM transactions`);
		await runAll(engine, {});
	} finally {
		await engine.exec('DROP TABLE IF EXISTS transactions');
	}
	return true;
}
