/**
 * Browser-safe `InputFile` factories (no Node imports here; see `node-input.ts` for paths).
 */
import type { InputFile } from './types';

/** A file held in memory (tests, generated samples, fetched bytes). */
export function inputFromBytes(name: string, bytes: Uint8Array): InputFile {
	return {
		name,
		size: bytes.byteLength,
		source: { kind: 'bytes', bytes },
		read: async (start = 0, end = bytes.byteLength) => bytes.subarray(Math.max(0, start), Math.min(bytes.byteLength, end))
	};
}

/** A `File` picked or dropped by the user (or any Blob with a name). DuckDB reads it by handle. */
export function inputFromBlob(file: Blob, name?: string): InputFile {
	const fileName = name ?? (file as File).name ?? 'file';
	return {
		name: fileName,
		size: file.size,
		source: { kind: 'file', file },
		read: async (start = 0, end = file.size) => new Uint8Array(await file.slice(start, end).arrayBuffer())
	};
}

/** Reads the whole file in chunks, reporting bytes read. */
export async function readAll(input: InputFile, onBytes?: (done: number) => void, chunk = 8 * 1024 * 1024): Promise<Uint8Array> {
	if (input.size <= chunk) {
		const b = await input.read(0, input.size);
		onBytes?.(b.byteLength);
		return b;
	}
	const out = new Uint8Array(input.size);
	let done = 0;
	while (done < input.size) {
		const part = await input.read(done, Math.min(input.size, done + chunk));
		if (part.byteLength === 0) break;
		out.set(part, done);
		done += part.byteLength;
		onBytes?.(done);
	}
	return done === input.size ? out : out.subarray(0, done);
}
