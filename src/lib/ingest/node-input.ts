/**
 * Node-only `InputFile` factory (command line, tests). Kept apart so the browser bundle never
 * imports `node:fs`.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InputFile } from './types';

export async function inputFromPath(filePath: string, name = path.basename(filePath)): Promise<InputFile> {
	const abs = path.resolve(filePath);
	const { size } = await stat(abs);
	return {
		name,
		size,
		source: { kind: 'path', path: abs },
		async read(start = 0, end = size) {
			const from = Math.max(0, start);
			const to = Math.min(size, end);
			if (to <= from) return new Uint8Array(0);
			const fh = await open(abs, 'r');
			try {
				const buf = new Uint8Array(to - from);
				let got = 0;
				while (got < buf.byteLength) {
					const { bytesRead } = await fh.read(buf, got, buf.byteLength - got, from + got);
					if (bytesRead === 0) break;
					got += bytesRead;
				}
				return got === buf.byteLength ? buf : buf.subarray(0, got);
			} finally {
				await fh.close();
			}
		}
	};
}
