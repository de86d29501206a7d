/**
 * Errors an analyst can act on: which file, which column/row, what is wrong and what to do.
 * Engine (DuckDB) errors are wrapped: the message keeps only a short first line, never a stack.
 */
import { isOutOfMemory } from '../engine/index';

export type IngestProblem =
	| 'empty'
	| 'header-only'
	| 'unsupported'
	| 'old-excel'
	| 'archive'
	| 'unreadable'
	| 'sheet-not-found'
	| 'no-date'
	| 'bad-dates'
	| 'no-revenue'
	| 'no-transactions'
	| 'unknown-column'
	| 'too-large'
	| 'engine';

/** The plain, serialisable shape of an ingest error. */
export interface IngestErrorInfo {
	file: string | null;
	column?: string;
	row?: number;
	problem: IngestProblem;
	/** What the user can do about it. */
	hint: string;
	/** One or two sentences, ready to show. */
	message: string;
}

export class IngestError extends Error implements IngestErrorInfo {
	readonly file: string | null;
	readonly column?: string;
	readonly row?: number;
	readonly problem: IngestProblem;
	readonly hint: string;

	constructor(info: Omit<IngestErrorInfo, 'message'> & { message: string; cause?: unknown }) {
		super(info.message, info.cause === undefined ? undefined : { cause: info.cause });
		this.name = 'IngestError';
		this.file = info.file;
		if (info.column !== undefined) this.column = info.column;
		if (info.row !== undefined) this.row = info.row;
		this.problem = info.problem;
		this.hint = info.hint;
	}

	toInfo(): IngestErrorInfo {
		const o: IngestErrorInfo = { file: this.file, problem: this.problem, hint: this.hint, message: this.message };
		if (this.column !== undefined) o.column = this.column;
		if (this.row !== undefined) o.row = this.row;
		return o;
	}
}

/** `1204` → `1,204` (messages are in English). */
export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** `1 line` / `1,204 lines`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${fmtInt(n)} ${n === 1 ? one : many}`;

/** `1 line is` / `3 lines are` (the verb follows the count). */
export const counted = (n: number, one: string, verb: 'is' | 'was' | 'has', many = `${one}s`): string =>
	`${plural(n, one, many)} ${n === 1 ? verb : verb === 'is' ? 'are' : verb === 'was' ? 'were' : 'have'}`;

/** The first meaningful line of an engine error, without DuckDB's type prefixes; at most 200 characters. */
export function shortEngineReason(e: unknown): string {
	const raw = e instanceof Error ? e.message : String(e);
	const line =
		raw
			.split('\n')
			.map((s) => s.trim())
			.find((s) => s.length > 0) ?? 'unknown error';
	const cleaned = line.replace(/^(Error:\s*)+/, '').replace(/^[A-Z][A-Za-z ]*Error:\s*/, '');
	return cleaned.length > 200 ? `${cleaned.slice(0, 197)}…` : cleaned;
}

/** A sentence's start inside another sentence: "Reading the file" → "reading the file". */
export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** What to do with data too large for this page. */
export const commandLineHint = (file: string | null) => `Analyse it on the command line: npm run analyze -- ${file ?? 'FILE'}.`;

/** The message when the engine ran out of memory while `doing` (lower case, e.g. "reading it"). */
export function outOfMemory(file: string | null, doing: string, cause?: unknown): IngestError {
	const hint = commandLineHint(file);
	return new IngestError({
		file,
		problem: 'too-large',
		hint,
		message: `${file ?? 'The data'} did not fit in the memory this page can use: it ran out while ${doing}. ${hint}`,
		cause
	});
}

/**
 * Wraps anything thrown by the engine (or a parser) into an IngestError naming the file. Running out
 * of memory is told as such, also when a reader already wrapped it as an unreadable file.
 */
export function wrapError(e: unknown, file: string | null, doing: string, hint: string): IngestError {
	if (isOutOfMemory(e) && !(e instanceof IngestError && e.problem === 'too-large')) return outOfMemory(file, lowerFirst(doing), e);
	if (e instanceof IngestError) return e;
	const reason = shortEngineReason(e);
	const subject = file ? `${file}: ` : '';
	return new IngestError({
		file,
		problem: 'engine',
		hint,
		message: `${subject}${doing} failed (${reason}). ${hint}`,
		cause: e
	});
}
