/**
 * DuckDB-WASM's code is compiled lazily by the browser: the first CSV read, regex, sort or window
 * function of a page costs compile time on top of the work (seconds in all, measured on a first
 * load). While the page waits for a file, a small generated file goes through the same load, build
 * and analyses, so that this cost is paid before the user's file arrives; then DuckDB's memory is
 * filled and freed ({@link FILL_BYTES}). Nothing of it is kept. The analyses include the model fits,
 * on the models the page uses: its workers are then started, their bundle loaded and compiled (on
 * Online Retail the forecast, the first fit a load sends them, took 20–38 ms instead of 108–169 ms).
 * It does not make the first Pareto/NBD fit of a real file as fast as the next: in Node that fit
 * took 300 ms after the warm-up's fits as without them, and 265 ms the second time (its search
 * takes other branches of the likelihood than the generated customers').
 */
import type { Engine } from '$lib/engine/index';
import { ANALYSIS_NAMES, dropWholeData, runAnalyses, type ModelRunner } from '$lib/analyses/index';
import { ingest } from './ingest-adapter';

/** Above the profile's 5,000-row sample, so that the sampling path is the one compiled too. */
const ORDERS = 1_300;
const CUSTOMERS = 300;
/** Spreads orders over customers, and customers' active spans over the year, unevenly (Weyl sequences, squared). */
const GOLDEN = (Math.sqrt(5) - 1) / 2;
const COUNTRIES = ['United Kingdom', 'France', 'Germany', 'EIRE', 'Spain'];
const PRODUCTS = ['WHITE HANGING HEART T-LIGHT HOLDER', 'REGENCY CAKESTAND 3 TIER', 'JUMBO BAG RED RETROSPOT', 'PARTY BUNTING', 'LUNCH BAG RED RETROSPOT'];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Online Retail-shaped lines (order id, stock code, text, integer quantity, timestamp, decimal
 * price, customer, country), five per order; every 40th order is a `C` cancellation and one line
 * in 100 repeats the line before it.
 */
export function warmUpCsv(): string {
	const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
	for (let o = 0; o < ORDERS; o++) {
		const cancel = o % 40 === 39;
		// Customers who buy at different rates and stop at different times, as the purchase models expect.
		const c = Math.floor(CUSTOMERS * ((o * GOLDEN) % 1) ** 2);
		const first = (c * 53) % 300;
		const active = 10 + Math.floor(355 * ((c * GOLDEN) % 1) ** 2);
		const day = new Date(Date.UTC(2010, 11, 1) + Math.min(364, first + ((o * 37) % active)) * 86_400_000);
		const ts = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(8 + (o % 10))}:${pad((o * 7) % 60)}:00`;
		const customer = 12_000 + c;
		for (let l = 0; l < 5; l++) {
			const qty = (1 + ((o + l) % 12)) * (cancel ? -1 : 1);
			const price = (0.5 + ((o * 13 + l * 7) % 900) / 100).toFixed(2);
			const line = `${cancel ? 'C' : ''}${540_000 + o},${20_000 + ((o + l * 11) % 400)},${PRODUCTS[(o + l) % PRODUCTS.length]},${qty},${ts},${price},${customer},${COUNTRIES[o % COUNTRIES.length]}`;
			lines.push(line);
			if ((o * 5 + l) % 100 === 0) lines.push(line);
		}
	}
	return `${lines.join('\n')}\n`;
}

/**
 * Memory DuckDB-WASM takes from the browser for the first time costs more than memory it takes back
 * after freeing it (new pages are faulted in and zeroed: a transactions statement ran 0.73 s the
 * first time and 0.51 s after its table was dropped, on 1.07 M lines). So the warm-up fills and
 * frees this much, which stays in the page's heap for the load to reuse. A real file needs it
 * anyway: with 211 MiB filled first, Online Retail's load, build and analyses took 3.36 s instead of
 * 3.76 s and ended at the same resident memory (578 MiB against 563 MiB; DuckDB-WASM on Node).
 */
const FILL_BYTES = 200 * 2 ** 20;
/** A row of the fill table (a BIGINT and a DOUBLE) takes 22 bytes in DuckDB-WASM (`duckdb_memory()`). */
const FILL_ROW_BYTES = 22;
/** Rows per statement: about 21 MiB, a few tens of milliseconds, so that a load stops the fill soon. */
const FILL_CHUNK_ROWS = 1_000_000;
const FILL_TABLE = '__warm_up_fill';

async function fillMemory(engine: Engine, signal: AbortSignal): Promise<void> {
	await engine.exec(`CREATE OR REPLACE TABLE ${FILL_TABLE} (i BIGINT, d DOUBLE)`);
	try {
		for (let rows = 0; rows * FILL_ROW_BYTES < FILL_BYTES; rows += FILL_CHUNK_ROWS) {
			signal.throwIfAborted();
			await engine.exec(`INSERT INTO ${FILL_TABLE} SELECT range, range * 0.5 FROM range(${FILL_CHUNK_ROWS})`);
		}
	} finally {
		await engine.exec(`DROP TABLE IF EXISTS ${FILL_TABLE}`);
	}
}

/**
 * Loads, builds and analyses the generated file (the fits on `models`), then drops every table it
 * made, then fills and frees DuckDB's memory ({@link FILL_BYTES}). `signal` stops it between steps (a
 * user's file should not wait for the rest; a fit under way is cancelled, its worker ended). The
 * engine must hold no data yet: the build replaces `transactions`.
 */
export async function warmUp(engine: Engine, signal: AbortSignal, models: ModelRunner): Promise<void> {
	const file = new File([warmUpCsv()], 'warm-up.csv', { type: 'text/csv' });
	let tables: string[] = [];
	try {
		const loaded = await ingest.load(engine, [file], { signal });
		tables = loaded.files.map((f) => f.table);
		signal.throwIfAborted();
		await ingest.build(engine, loaded.files, loaded.suggestion.mapping, { signal });
		await runAnalyses(engine, {}, ANALYSIS_NAMES, { signal, models });
	} finally {
		await dropWholeData(engine);
		await ingest.dropBuilt(engine);
		await ingest.drop(engine, tables);
	}
	await fillMemory(engine, signal);
}
