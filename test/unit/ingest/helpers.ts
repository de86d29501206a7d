import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gunzipSync } from 'node:zlib';
import type { Engine } from '../../../src/lib/engine/engine';
import { inputFromBytes } from '../../../src/lib/ingest/input';
import { loadFiles } from '../../../src/lib/ingest/load';
import { inputFromPath } from '../../../src/lib/ingest/node-input';
import type { LoadResult, ReadOptions } from '../../../src/lib/ingest/types';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../../..');
export const FIXTURES = resolve(ROOT, 'test/fixtures/ingest');
export { DATASETS } from '../../datasets';
export const SAMPLES = resolve(ROOT, 'static/samples');

export const fixture = (name: string) => resolve(FIXTURES, name);

/** Loads files given by path; throws if any fails. */
export async function loadPaths(engine: Engine, paths: string[], read?: Record<string, ReadOptions>): Promise<LoadResult> {
	const r = await loadFiles(engine, await Promise.all(paths.map((p) => inputFromPath(p))), { read });
	if (r.failures.length) throw new Error(r.failures.map((f) => f.message).join('\n'));
	return r;
}

/** The header and first `n` data lines of a (possibly gzipped) CSV, as a small in-memory file. */
export function headOf(path: string, name: string, n = 400) {
	const buf = readFileSync(path);
	// A gzip prefix inflates fine with a sync flush; the last (partial) line is cut below.
	const text = (path.endsWith('.gz') ? gunzipSync(buf.subarray(0, 256 * 1024), { finishFlush: constants.Z_SYNC_FLUSH }) : buf).toString('utf8');
	const lines = text.split('\n').slice(0, n + 1).join('\n') + '\n';
	return inputFromBytes(name, new TextEncoder().encode(lines));
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
