/**
 * Everything that can go wrong is caught at the orchestration boundary and turned into a polite,
 * specific message. No stack traces on screen: at most the first line of an engine message,
 * folded away under "Technical detail".
 */
import { isOutOfMemory } from '$lib/engine/index';

export interface UserError {
	title: string;
	message: string;
	hint?: string;
	/** What is still on screen, e.g. "The previous results are still shown." */
	kept?: string;
	detail?: string;
}

/** An error whose message is already written for the user (shown as is). */
export class UserFacingError extends Error {
	constructor(
		message: string,
		readonly hint?: string
	) {
		super(message);
		this.name = 'UserFacingError';
	}
}

interface IngestLike {
	name?: string;
	file?: string;
	column?: string | null;
	row?: number | null;
	problem?: string;
	hint?: string;
	message?: string;
}

function isIngestError(e: unknown): e is IngestLike & Error {
	return !!e && typeof e === 'object' && ((e as IngestLike).name === 'IngestError' || ('problem' in (e as object) && 'file' in (e as object)));
}

function firstLine(text: string, max = 300): string {
	const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
	return line.length > max ? `${line.slice(0, max)}…` : line;
}

export function toUserError(e: unknown, action: string, kept?: string): UserError {
	if (isIngestError(e)) {
		const message =
			e.message ||
			[e.file && `“${e.file}”`, e.column && `column “${e.column}”`, e.row != null && `row ${e.row}`, e.problem].filter(Boolean).join(': ');
		return { title: `We could not ${action}.`, message, hint: e.message?.includes(e.hint ?? '\u0000') ? undefined : e.hint, kept };
	}
	if (e instanceof UserFacingError) return { title: `We could not ${action}.`, message: e.message, hint: e.hint, kept };
	if (isOutOfMemory(e)) {
		return {
			title: `We could not ${action}.`,
			message: 'The data is too large for the memory the browser gives this page, so trying again will not help.',
			hint: 'Analyse the file on the command line instead: npm run analyze -- FILE.',
			kept
		};
	}
	if (e instanceof DOMException && e.name === 'AbortError') {
		return { title: 'Stopped.', message: `${action[0].toUpperCase()}${action.slice(1)} was cancelled.`, kept };
	}
	const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
	return {
		title: `We could not ${action}.`,
		message: 'Something unexpected went wrong. Please try again; if it keeps happening, the file may be in a format we cannot read yet.',
		kept,
		detail: raw ? firstLine(raw) : undefined
	};
}
