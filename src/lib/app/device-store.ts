/**
 * "Keep my data on this device" (opt-in): the files of the last successful load, unchanged, in the
 * browser's origin-private file system (OPFS), so a later visit reopens the analysis without
 * choosing them again. The files rather than a derived table: reopening then takes the normal load
 * path, so the numbers, the column review and re-reading with other options all behave exactly as
 * they did (the column choices the user applied come back from their own per-header memory,
 * `./mapping.ts`). Nothing here talks to a network.
 */
import type { ReadOptions } from '$lib/ingest/index';

const DIR = 'customer-lens-kept-data';
const MANIFEST = 'manifest.json';
const OPT_IN_KEY = 'customer-lens:keep-data';

export interface KeptManifest {
	/** ISO timestamp of when the files were stored. */
	storedAt: string;
	label: string;
	files: { name: string; type: string; lastModified: number; size: number }[];
	read: Record<string, ReadOptions>;
}

export interface KeptData {
	manifest: KeptManifest;
	files: File[];
}

export function keepSupported(): boolean {
	return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

export function keepOptedIn(): boolean {
	try {
		return localStorage.getItem(OPT_IN_KEY) === 'on';
	} catch {
		return false;
	}
}

export function setKeepOptedIn(on: boolean): void {
	try {
		if (on) localStorage.setItem(OPT_IN_KEY, 'on');
		else localStorage.removeItem(OPT_IN_KEY);
	} catch {
		/* storage blocked: the choice lasts for this visit only */
	}
}

async function keptDir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
	const root = await navigator.storage.getDirectory();
	try {
		return await root.getDirectoryHandle(DIR, { create });
	} catch (e) {
		if (e instanceof DOMException && e.name === 'NotFoundError') return null;
		throw e;
	}
}

async function writeFile(dir: FileSystemDirectoryHandle, name: string, data: Blob | string): Promise<void> {
	const handle = await dir.getFileHandle(name, { create: true });
	const writable = await handle.createWritable();
	try {
		await writable.write(data);
	} finally {
		await writable.close();
	}
}

/** Replaces what is kept with `files`; the manifest is written last, so a half-written set is never reopened. */
export async function keepOnDevice(files: File[], label: string, read: Record<string, ReadOptions>): Promise<KeptManifest> {
	await forgetDevice();
	const dir = (await keptDir(true))!;
	for (const [i, f] of files.entries()) await writeFile(dir, `file-${i}`, f);
	const manifest: KeptManifest = {
		storedAt: new Date().toISOString(),
		label,
		files: files.map((f) => ({ name: f.name, type: f.type, lastModified: f.lastModified, size: f.size })),
		read
	};
	await writeFile(dir, MANIFEST, JSON.stringify(manifest));
	return manifest;
}

export async function keptManifest(): Promise<KeptManifest | null> {
	const dir = await keptDir(false);
	if (!dir) return null;
	try {
		const text = await (await (await dir.getFileHandle(MANIFEST)).getFile()).text();
		return JSON.parse(text) as KeptManifest;
	} catch {
		return null;
	}
}

/** The kept files as `File`s named as they were, or null when nothing (complete) is kept. */
export async function reopenFromDevice(): Promise<KeptData | null> {
	const manifest = await keptManifest();
	const dir = manifest && (await keptDir(false));
	if (!manifest || !dir) return null;
	const files: File[] = [];
	for (const [i, f] of manifest.files.entries()) {
		const blob = await (await dir.getFileHandle(`file-${i}`)).getFile();
		files.push(new File([blob], f.name, { type: f.type, lastModified: f.lastModified }));
	}
	return { manifest, files };
}

export async function forgetDevice(): Promise<void> {
	const root = await navigator.storage.getDirectory();
	try {
		await root.removeEntry(DIR, { recursive: true });
	} catch (e) {
		if (!(e instanceof DOMException && e.name === 'NotFoundError')) throw e;
	}
}
