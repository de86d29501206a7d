/// <reference lib="webworker" />
/**
 * Parses Parquet, JSON and XLSX off the page thread. Batches go back as transferred Arrow IPC
 * buffers (no copy, no row objects); the page relays them to the DuckDB worker. Errors cross as
 * plain `IngestErrorInfo` so the page can rebuild the `IngestError`.
 */
import * as Comlink from 'comlink';
import { IngestError, type IngestErrorInfo } from '../src/lib/ingest/errors';
import { parseToArrow, type ParseRequest, type ParseSummary } from '../src/lib/ingest/parse';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

export type ParseOutcome = { ok: true; summary: ParseSummary } | { ok: false; error: IngestErrorInfo | { message: string } };

const api = {
	async parse(request: ParseRequest, onBatch: (ipc: Uint8Array, rowsSoFar: number) => Promise<void>): Promise<ParseOutcome> {
		try {
			const summary = await parseToArrow(request, (ipc, rows) => onBatch(Comlink.transfer(ipc, [ipc.buffer]), rows), async () => parquetWasmUrl);
			return { ok: true, summary };
		} catch (e) {
			return { ok: false, error: e instanceof IngestError ? e.toInfo() : { message: e instanceof Error ? e.message : String(e) } };
		}
	}
};

export type ParseWorkerApi = typeof api;

Comlink.expose(api);
