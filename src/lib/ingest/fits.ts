/**
 * Will this file fit? Estimated from its size and format before anything is read, so a file too
 * large for the browser's DuckDB is refused with a message instead of crashing the tab.
 */
import { parquetMetadataAsync } from 'hyparquet';
import { memoryInUse, type Engine } from '../engine/index';
import type { Detected } from './detect';
import { IngestError, commandLineHint, lowerFirst } from './errors';
import type { InputFile } from './types';

/**
 * DuckDB memory a file needs to be read, built and analysed in the page: FIXED_BYTES +
 * BYTES_PER_TEXT_BYTE × its data as text. Fitted on the smallest memory limit under which the page's
 * whole sequence succeeded (`npm run bench:memory`): Online Retail (47.2 MB of text) 211–219 MB, both
 * years of Online Retail II (93.2 MB) 370–377 MB as CSV and 350–358 MB as Parquet; checked afterwards
 * on Online Retail 19× (10.3 M rows, 906 MB): 3150–3158 MB needed, 3393 MB estimated. Data of another
 * shape (many short numbers, long texts) needs more or less: a file this lets through that does not
 * fit stops at DuckDB's out-of-memory error, which the page tells as such, the data on screen kept.
 */
const BYTES_PER_TEXT_BYTE = 3.7;
const FIXED_BYTES = 41e6;
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

/** Estimated DuckDB memory to read, build and analyse the file in the page (see BYTES_PER_TEXT_BYTE). */
export async function memoryNeed(input: InputFile, detected: Detected): Promise<number> {
	return FIXED_BYTES + (await uncompressedBytes(input, detected)) * BYTES_PER_TEXT_BYTE;
}

const bytesText = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`);

/**
 * Throws a `too-large` IngestError when the engine has a memory budget and the file's estimate does
 * not fit in what is left of it beside the data already loaded.
 */
export async function assertFits(engine: Engine, input: InputFile, detected: Detected): Promise<void> {
	const budget = engine.memoryBudget;
	if (!budget) return;
	const need = await memoryNeed(input, detected);
	const held = await memoryInUse(engine);
	if (need <= budget - held) return;
	const commandLine = commandLineHint(input.name);
	const hint =
		need <= budget ? `Reload the page and load it alone (the data on screen goes), or ${lowerFirst(commandLine)}` : commandLine;
	throw new IngestError({
		file: input.name,
		problem: 'too-large',
		hint,
		message:
			need <= budget
				? `${input.name} needs about ${bytesText(need)} of memory to analyse, and the data already loaded holds ${bytesText(held)} of the ${bytesText(budget)} the browser gives this page. ${hint}`
				: `${input.name} needs about ${bytesText(need)} of memory to analyse, more than the browser can give this page (about ${bytesText(budget)}). ${hint}`
	});
}
