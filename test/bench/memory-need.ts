/**
 * `npm run bench:memory`: how much of DuckDB-WASM's memory each bench file needs in the page, against
 * the size check's estimate (`ingest/fits.ts`, whose constants come from this table). For each file,
 * a bisection on DuckDB's memory limit: each trial is a fresh process (wasm memory never shrinks)
 * running the page's sequence on DuckDB-WASM: read, build, then, as the session does, either the
 * analyses and the duplicate count, or (more than half the page's limit held after the build) the
 * count, the raw tables dropped, and the analyses. A trial passes when nothing ran out of memory.
 *
 * Options: --step MB (the bisection's last interval, default 10), --only 'A|B' (files whose label
 * contains A or B). `--trial FILE MB` runs one trial (used by the bisection).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runAll, withDefaults } from '../../src/lib/analyses';
import type { Engine } from '../../src/lib/engine/engine';
import { memoryTight } from '../../src/lib/engine/memory';
import { createWasmNodeEngine } from '../../src/lib/engine/wasm-node';
import { buildCanonical, dropRawTables, loadFiles, suggestMapping, withDuplicateLines } from '../../src/lib/ingest';
import { detectFile, HEAD_BYTES } from '../../src/lib/ingest/detect';
import { memoryNeed, uncompressedBytes } from '../../src/lib/ingest/fits';
import { inputFromPath } from '../../src/lib/ingest/node-input';
import { benchFiles } from './files';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** One trial: true when the page's sequence went through under `limitMb`. */
async function trial(file: string, limitMb: number): Promise<boolean> {
	const wasm = await createWasmNodeEngine();
	// The size check is what is measured here, so it must not refuse the file.
	const engine: Engine = { ...wasm, memoryBudget: undefined };
	await engine.exec(`SET memory_limit = '${limitMb}MB'`);
	try {
		const loaded = await loadFiles(engine, [await inputFromPath(file)]);
		if (!loaded.files.length) throw new Error(loaded.failures[0]?.message);
		const mapping = suggestMapping(loaded.files).mapping;
		const built = await buildCanonical(engine, loaded, mapping, { duplicates: 'later' });
		const countAndRelease = async () => {
			await withDuplicateLines(engine, loaded.files, mapping, built.quality);
			await dropRawTables(engine, loaded.files.map((f) => f.table));
		};
		const tight = await memoryTight(wasm);
		if (tight) await countAndRelease();
		const results = await runAll(engine, withDefaults({}));
		const ranOut = Object.entries(results).filter(([, r]) => r && typeof r === 'object' && 'reason' in r && /memory/.test(String(r.reason)));
		if (ranOut.length) throw new Error(`out of memory in ${ranOut.map(([n]) => n).join(', ')}`);
		if (!tight) await countAndRelease();
		return true;
	} catch (e) {
		console.error(String(e).split('\n')[0]);
		return false;
	} finally {
		await wasm.close();
	}
}

function trialInChild(file: string, limitMb: number): boolean {
	const run = spawnSync('npx', ['tsx', fileURLToPath(import.meta.url), '--trial', file, String(limitMb)], { encoding: 'utf8' });
	return run.status === 0;
}

async function main() {
	if (args.includes('--trial')) {
		const [file, mb] = args.slice(args.indexOf('--trial') + 1);
		process.exit((await trial(file, Number(mb))) ? 0 : 1);
	}
	const step = Number(option('--step')) || 10;
	const only = option('--only');
	console.log(`Memory a file needs in the page (DuckDB-WASM memory limit, bisected to ${step} MB) against the size check's estimate\n`);
	console.log('| file | data as text | needs | estimate | estimate / needs |');
	console.log('|---|---|---|---|---|');
	for (const { label, file } of await benchFiles()) {
		if (only && !only.split('|').some((o) => label.includes(o))) continue;
		const input = await inputFromPath(file);
		const detected = await detectFile(input, await input.read(0, HEAD_BYTES));
		const [text, estimate] = [await uncompressedBytes(input, detected), await memoryNeed(input, detected)];
		// Bracket first: the estimate is close, and each trial reads the whole file.
		let lo = Math.round((estimate * 0.6) / 1e6);
		let hi = Math.round((estimate * 1.2) / 1e6);
		while (trialInChild(file, lo)) [lo, hi] = [Math.round(lo / 2), lo];
		while (!trialInChild(file, hi)) [lo, hi] = [hi, hi * 2];
		while (hi - lo > step) {
			const mid = Math.round((lo + hi) / 2);
			if (trialInChild(file, mid)) hi = mid;
			else lo = mid;
		}
		console.log(`| ${label} | ${(text / 1e6).toFixed(1)} MB | ${lo}–${hi} MB | ${(estimate / 1e6).toFixed(0)} MB | ${(estimate / 1e6 / hi).toFixed(2)}–${(estimate / 1e6 / lo).toFixed(2)} |`);
	}
}

await main();
