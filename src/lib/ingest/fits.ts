/**
 * Will this file fit? Estimated from its size and format before anything is read, so a file too
 * large for the browser's DuckDB is refused with a message instead of crashing the tab.
 */
import { parquetMetadataAsync } from 'hyparquet';
import type { Engine } from '../engine/engine';
import type { Detected } from './detect';
import { IngestError } from './errors';
import type { InputFile } from './types';

/**
 * Copies of the data alive at the peak of a load: the raw table, the scratch line table and the new
 * `transactions` (the previous `transactions` stays until the swap, but is usually smaller).
 */
const PEAK_COPIES = 3;
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
		return meta.row_groups.reduce((sum, g) => sum + Number(g.total_byte_size), 0);
	} catch {
		// An unreadable footer is reported by the reader, with a better message than an estimate.
		return 0;
	}
}

/** Bytes of data once uncompressed (text size for CSV/JSON, Parquet's uncompressed column size). */
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
	const need = (await uncompressedBytes(input, detected)) * PEAK_COPIES;
	if (need <= engine.memoryBudget) return;
	throw new IngestError({
		file: input.name,
		problem: 'too-large',
		hint: 'Analyse it on the command line: npm run analyze -- FILE.',
		message: `${input.name} needs about ${gb(need)} of memory to analyse, more than the browser can give this page (about ${gb(engine.memoryBudget)}). Analyse it on the command line instead: npm run analyze -- ${input.name}`
	});
}
