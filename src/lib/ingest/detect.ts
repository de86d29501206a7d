/**
 * What kind of file is this? Magic bytes first, then the extension, then a look at the text.
 * Browser-safe: gzip heads are inflated with the standard `DecompressionStream`.
 */
import { IngestError } from './errors';
import type { InputFile, ReadOptions } from './types';

export const HEAD_BYTES = 64 * 1024;

export type Detected =
	| { kind: 'parquet' }
	| { kind: 'xlsx' }
	| { kind: 'json'; gzip: boolean }
	| { kind: 'delimited'; gzip: boolean; utf16: boolean; whitespace: boolean; header?: boolean; tokens?: number; firstLine?: string };

const SUPPORTED = 'CSV, TSV, Parquet, JSON or XLSX';

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
	if (b.byteLength < at + sig.length) return false;
	return sig.every((v, i) => b[at + i] === v);
}

const ext = (name: string) => {
	const m = /\.([a-z0-9]+)(\.gz)?$/i.exec(name);
	return m ? m[1].toLowerCase() : '';
};

/** Inflates up to `want` bytes of a gzip stream; tolerates a truncated input (only a head was read). */
export async function gunzip(bytes: Uint8Array, want = Infinity): Promise<Uint8Array> {
	const ds = new DecompressionStream('gzip');
	const writer = ds.writable.getWriter();
	writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
	writer.close().catch(() => {});
	const reader = ds.readable.getReader();
	const chunks: Uint8Array[] = [];
	let n = 0;
	let failure: unknown = null;
	try {
		while (n < want) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			n += value.byteLength;
		}
	} catch (e) {
		failure = e;
	}
	reader.cancel().catch(() => {});
	if (failure && want === Infinity) throw failure;
	const out = new Uint8Array(n);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}

function looksBinary(b: Uint8Array): boolean {
	const n = Math.min(b.byteLength, 8192);
	if (n === 0) return false;
	let control = 0;
	for (let i = 0; i < n; i++) {
		const c = b[i];
		if (c === 0) return true;
		if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
	}
	return control / n > 0.01;
}

const NUMERIC_TOKEN = /^[-+]?(\d+([.,]\d+)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Lines whose fields are separated by runs of spaces (fixed-width-ish exports such as CDNOW):
 * no comma/tab/semicolon/pipe anywhere, and a stable count of ≥ 2 space-separated tokens.
 */
export function sniffWhitespace(lines: string[]): { whitespace: boolean; header: boolean; tokens: number } {
	const sample = lines.filter((l) => l.trim().length > 0).slice(0, 50);
	const no = { whitespace: false, header: false, tokens: 0 };
	if (sample.length < 2) return no;
	if (sample.some((l) => /[,\t;|]/.test(l))) return no;
	const split = sample.map((l) => l.trim().split(/\s+/));
	const body = split.slice(1);
	const counts = new Set(body.map((t) => t.length));
	const tokens = Math.max(...body.map((t) => t.length));
	if (counts.size !== 1 || tokens < 2) return no;
	// A header has no numbers where the data rows have numbers.
	const first = split[0];
	const numericCols = new Set<number>();
	for (const t of body) t.forEach((v, i) => NUMERIC_TOKEN.test(v) && numericCols.add(i));
	const header = first.every((v) => !NUMERIC_TOKEN.test(v)) && numericCols.size > 0;
	if (!header && first.length !== tokens) return no;
	return { whitespace: true, header, tokens };
}

/**
 * Decides how to read `input` from its first bytes (`head`). Throws an IngestError for empty,
 * binary or unsupported files.
 */
export async function detectFile(input: InputFile, head: Uint8Array, opts: ReadOptions = {}): Promise<Detected> {
	const name = input.name;
	if (input.size === 0 || head.byteLength === 0) {
		throw new IngestError({ file: name, problem: 'empty', hint: 'Choose a file that contains data.', message: `${name} is empty.` });
	}
	if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return { kind: 'parquet' };
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
		const text = new TextDecoder('latin1').decode(head.subarray(0, Math.min(head.byteLength, 4096)));
		if (/xl\/|\[Content_Types\]\.xml/.test(text) || ['xlsx', 'xlsm'].includes(ext(name))) return { kind: 'xlsx' };
		throw new IngestError({
			file: name,
			problem: 'archive',
			hint: 'Unzip it and add the data file inside.',
			message: `${name} is a zip archive, not a data file. Unzip it and add the data file inside.`
		});
	}
	if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
		throw new IngestError({
			file: name,
			problem: 'old-excel',
			hint: 'Open it in Excel and save it as .xlsx or CSV.',
			message: `${name} is an old Excel (.xls) workbook, which we cannot read. Open it in Excel and save it as .xlsx or CSV.`
		});
	}
	let gzip = false;
	let text = head;
	if (startsWith(head, [0x1f, 0x8b])) {
		gzip = true;
		try {
			text = await gunzip(head, HEAD_BYTES);
		} catch {
			text = new Uint8Array(0);
		}
		if (text.byteLength === 0) {
			throw new IngestError({
				file: name,
				problem: 'empty',
				hint: 'Check the file is a complete gzip of a CSV file.',
				message: `${name} is a gzip file with nothing readable inside. Check the file is a complete gzip of a CSV file.`
			});
		}
		if (startsWith(text, [0x50, 0x41, 0x52, 0x31]) || startsWith(text, [0x50, 0x4b, 0x03, 0x04])) {
			throw new IngestError({
				file: name,
				problem: 'unsupported',
				hint: 'Unzip it first; only gzip-compressed CSV/TSV/JSON are read as they are.',
				message: `${name} is a compressed Parquet or XLSX file. Unzip it first; only gzip-compressed CSV/TSV/JSON are read as they are.`
			});
		}
	}
	const utf16 = startsWith(text, [0xff, 0xfe]) || startsWith(text, [0xfe, 0xff]);
	if (!utf16 && looksBinary(text)) {
		throw new IngestError({
			file: name,
			problem: 'unsupported',
			hint: `Choose a ${SUPPORTED} file.`,
			message: `${name} is not a data file we can read (${SUPPORTED}).`
		});
	}
	const decoded = new TextDecoder(utf16 ? (text[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(text);
	const body = decoded.replace(/^\uFEFF/, '');
	if (body.trim().length === 0) {
		throw new IngestError({ file: name, problem: 'empty', hint: 'Choose a file that contains data.', message: `${name} is empty.` });
	}
	const first = body.trimStart()[0];
	const e = ext(name);
	if ((first === '[' || first === '{') && opts.delimiter === undefined && !['csv', 'tsv', 'txt'].includes(e)) return { kind: 'json', gzip };
	if ((first === '[' || first === '{') && ['json', 'ndjson', 'jsonl'].includes(e)) return { kind: 'json', gzip };
	const complete = text.byteLength >= input.size || (!gzip && head.byteLength >= input.size);
	const lines = body.split(/\r?\n/);
	if (!complete) lines.pop();
	if (opts.delimiter === 'whitespace') {
		const s = sniffWhitespace(lines);
		return { kind: 'delimited', gzip, utf16, whitespace: true, header: opts.header ?? s.header, tokens: s.tokens || undefined };
	}
	if (opts.delimiter === undefined) {
		const s = sniffWhitespace(lines);
		if (s.whitespace) return { kind: 'delimited', gzip, utf16, whitespace: true, header: opts.header ?? s.header, tokens: s.tokens };
	}
	return { kind: 'delimited', gzip, utf16, whitespace: false, header: opts.header, firstLine: lines.find((l) => l.trim().length > 0) };
}

/** Fields of one line split on `delim` outside double quotes. */
export function countFields(line: string, delim: string): number {
	let n = 1;
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (c === '"') quoted = !quoted;
		else if (!quoted && line.startsWith(delim, i)) n++;
	}
	return n;
}

/** The usual delimiter that splits `line` into exactly `columns` fields (to report what DuckDB's sniffer chose). */
export function delimiterFor(line: string | undefined, columns: number): string | undefined {
	if (!line || columns < 2) return undefined;
	return [',', ';', '\t', '|'].find((d) => countFields(line, d) === columns);
}
