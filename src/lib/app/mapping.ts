/**
 * Column mappings the user applied, remembered per header signature in localStorage so the next
 * file with the same columns is mapped the same way. Only the role, column *names* and the date
 * format are stored — never data. Also: a mapping carried over to the same files read again.
 */
import { IngestError, type DateFormatSpec, type FeedbackKey, type FileMapping, type FileRole, type LoadedFile, type Mapping } from '$lib/ingest/index';

const PREFIX = 'customer-lens:mapping:';
const MAX_ENTRIES = 50;

interface Stored {
	role: FileRole;
	fields: Record<string, string>;
	attributes: Record<string, string>;
	dateFormat?: DateFormatSpec;
	joinOn?: FeedbackKey;
	uniqueCustomer?: string;
	savedAt: number;
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

function stringRecord(v: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
	return out;
}

export function loadStored(signature: string): Stored | null {
	const s = storage();
	if (!s || !signature) return null;
	try {
		const raw = s.getItem(PREFIX + signature);
		if (!raw) return null;
		const p = JSON.parse(raw) as Partial<Stored>;
		if (!['transactions', 'orders', 'customers', 'feedback', 'unusable'].includes(p.role as string)) return null;
		const df = p.dateFormat;
		const dateFormat =
			typeof df === 'string' ? df : df && typeof df === 'object' && typeof (df as { strptime?: unknown }).strptime === 'string' ? df : undefined;
		const joinOn = p.joinOn === 'order_id' || p.joinOn === 'customer_id' ? p.joinOn : undefined;
		const uniqueCustomer = typeof p.uniqueCustomer === 'string' ? p.uniqueCustomer : undefined;
		return { role: p.role as FileRole, fields: stringRecord(p.fields), attributes: stringRecord(p.attributes), dateFormat, joinOn, uniqueCustomer, savedAt: Number(p.savedAt) || 0 };
	} catch {
		return null;
	}
}

export function rememberMapping(m: FileMapping, files: LoadedFile[]): void {
	const s = storage();
	const file = files.find((f) => f.table === m.table);
	if (!s || !file) return;
	const entry: Stored = { role: m.role, fields: { ...m.fields } as Record<string, string>, attributes: { ...m.attributes } as Record<string, string>, savedAt: Date.now() };
	if (m.dateFormat) entry.dateFormat = m.dateFormat;
	if (m.joinOn) entry.joinOn = m.joinOn;
	if (m.uniqueCustomer) entry.uniqueCustomer = m.uniqueCustomer;
	try {
		s.setItem(PREFIX + file.signature, JSON.stringify(entry));
		const keys: { key: string; at: number }[] = [];
		for (let i = 0; i < s.length; i++) {
			const key = s.key(i);
			if (!key?.startsWith(PREFIX)) continue;
			let at = 0;
			try {
				at = Number((JSON.parse(s.getItem(key) ?? '{}') as { savedAt?: number }).savedAt) || 0;
			} catch {
				/* corrupt entry: oldest */
			}
			keys.push({ key, at });
		}
		keys.sort((a, b) => b.at - a.at);
		for (const { key } of keys.slice(MAX_ENTRIES)) s.removeItem(key);
	} catch {
		// Private mode or a full store: remembering is a convenience.
	}
}

export function forgetMapping(signature: string): void {
	try {
		storage()?.removeItem(PREFIX + signature);
	} catch {
		/* ignore */
	}
}

/** The suggestion, with each file's remembered mapping applied where every remembered column still exists. */
export function mergeStoredMappings(suggested: Mapping, files: LoadedFile[]): { mapping: Mapping; restored: string[] } {
	const restored: string[] = [];
	const out = suggested.files.map((m) => {
		const file = files.find((f) => f.table === m.table);
		if (!file) return m;
		const stored = loadStored(file.signature);
		if (!stored) return m;
		const cols = new Set(file.columns.map((c) => c.name));
		const all = [...Object.values(stored.fields), ...Object.values(stored.attributes), ...(stored.uniqueCustomer ? [stored.uniqueCustomer] : [])];
		if (!all.every((c) => cols.has(c))) return m;
		restored.push(file.signature);
		const next: FileMapping = { table: m.table, file: m.file, role: stored.role, fields: stored.fields, attributes: stored.attributes };
		if (stored.dateFormat) next.dateFormat = stored.dateFormat;
		if (stored.joinOn) next.joinOn = stored.joinOn;
		if (stored.uniqueCustomer) next.uniqueCustomer = stored.uniqueCustomer;
		return next;
	});
	return { mapping: { files: out }, restored };
}

/**
 * A mapping made for `before`'s raw tables, for the same files read again as `after` (same files,
 * same order). Throws when a file did not come back, so no field is mapped to the wrong file.
 */
export function retable(mapping: Mapping, before: LoadedFile[], after: LoadedFile[]): Mapping {
	const lost = before.find((f, i) => after[i]?.name !== f.name);
	if (lost || after.length !== before.length) {
		const name = lost?.name ?? after[before.length]?.name ?? 'a file';
		throw new IngestError({
			file: name,
			problem: 'unreadable',
			hint: 'Load the files again.',
			message: `The files were read again to apply your column choices, but ${name} did not read as before. Load the files again.`
		});
	}
	const table = new Map(before.map((f, i) => [f.table, after[i].table]));
	return { files: mapping.files.map((m) => ({ ...m, table: table.get(m.table) ?? m.table })) };
}
