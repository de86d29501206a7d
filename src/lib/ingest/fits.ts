/**
 * Will this file fit? Estimated from its size and format before anything is read, so a file too
 * large for the browser's DuckDB is refused with a message instead of crashing the tab.
 */
import { parquetMetadataAsync } from 'hyparquet';
import type { Engine } from '../engine/index';
import type { Detected } from './detect';
import { IngestError } from './errors';
import type { InputFile } from './types';

/**
 * Peak memory per byte of data text, measured (npm run bench, Chromium): Online Retail (47 MB of
 * CSV text) peaked at 1.6 GB, both years of Online Retail II (93 MB) at 1.9 GB, about 0.5 GB of it
 * the browser itself. Raw table, scratch line table, new `transactions`, the analyses' hash tables
 * and a wasm heap that never shrinks all count. For Parquet the estimate runs high (Online Retail
 * repeated 19×, 10.3 M rows, is estimated at 13.6 GB), but the refusal stands: native DuckDB building
 * the same tables from that file peaked at 4.4 GB resident, above the whole wasm budget.
 */
const BYTES_PER_TEXT_BYTE = 15;
/** A Parquet value as CSV text (an Online Retail line is 87 bytes for 8 values); its own sizes are dictionary-encoded. */
const TEXT_BYTES_PER_VALUE = 11;
/** Unknown compression (gzip without a usable size trailer, XLSX): a typical ratio for tabular data. */
const TYPICAL_RATIO = 6;

/** gzip stores the uncompressed size modulo 2³² in its last four bytes (exact for one member under 4 GB). */
async function gzipSize(input: InputFile): Promise<number> {
	const tail = await input.read(Math.max(0, input.size - 4), input.size);
	const isize = tail.byteLength === 4 ? new DataView(tail.buffer, tail.byteOffset, 4).getUint32(0, true) : 0;
	return isize >= input.size ? isize : input.size * TYPICAL_RATIO;
}

async function parquetSize(input: InputFile): Promise<number> {
	try {
		const meta = await parquetMetadataAsync({ byteLength: input.size, slice: async (start, end) => (await input.read(start, end)).slice().buffer as ArrayBuffer });
		const columns = meta.schema.filter((e) => !e.num_children).length;
		return Math.max(meta.row_groups.reduce((sum, g) => sum + Number(g.total_byte_size), 0), Number(meta.num_rows) * columns * TEXT_BYTES_PER_VALUE);
	} catch {
		// An unreadable footer is reported by the reader, with a better message than an estimate.
		return 0;
	}
}

/** Bytes of data as text (CSV/JSON: the uncompressed file; Parquet: rows × columns at a typical width). */
export async function uncompressedBytes(input: InputFile, detected: Detected): Promise<number> {
	switch (detected.kind) {
		case 'delimited':
		case 'json':
			return detected.gzip ? gzipSize(input) : input.size;
		case 'parquet':
			return parquetSize(input);
		case 'xlsx':
			return input.size * TYPICAL_RATIO;
	}
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/** Throws a `too-large` IngestError when the engine has a memory budget and the file's estimate exceeds it. */
export async function assertFits(engine: Engine, input: InputFile, detected: Detected): Promise<void> {
	if (!engine.memoryBudget) return;
	const need = (await uncompressedBytes(input, detected)) * BYTES_PER_TEXT_BYTE;
	if (need <= engine.memoryBudget) return;
	throw new IngestError({
		file: input.name,
		problem: 'too-large',
		hint: 'Analyse it on the command line: npm run analyze -- FILE.',
		message: `${input.name} needs about ${gb(need)} of memory to analyse, more than the browser can give this page (about ${gb(engine.memoryBudget)}). Analyse it on the command line instead: npm run analyze -- ${input.name}`
	});
}
