/**
 * Times `runAll` (every analysis) on one CSV in DuckDB-WASM and in native DuckDB.
 * Run: npx tsx test/bench/analyses.ts FILE.csv [--runs N] [--warm-up]
 * (1M-row input: npx tsx src/cli/generate-retail.ts --rows 1000000 --out /tmp/retail-1m.csv)
 * Target: ≤ 1.5 s for all analyses on 1M rows in DuckDB-WASM.
 *
 * The file goes through the real ingest (loadFiles → suggestMapping → buildCanonical); loading is
 * not timed. Each engine gets one cold run (first use of every query plan) and N warm runs; wall
 * time and this process's CPU time are reported (CPU is steadier on a busy machine for the
 * single-threaded wasm engine). With --warm-up, `warmUpAnalyses` runs on each fresh engine before
 * loading (as the app can do while the user picks a file), which removes most of the cold penalty.
 */
import { createWasmNodeEngine } from '../../src/lib/engine/wasm-node';
import { createNativeEngine } from '../../src/lib/engine/native-node';
import type { Engine } from '../../src/lib/engine/engine';
import { buildCanonical, loadFiles, suggestMapping } from '../../src/lib/ingest/index';
import { inputFromPath } from '../../src/lib/ingest/node-input';
import { runAll, warmUpAnalyses, type AnalysisName } from '../../src/lib/analyses/index';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const warmUp = args.includes('--warm-up');
const warmUpLines = process.env.WARM_UP_LINES ? Number(process.env.WARM_UP_LINES) : undefined;
if (!file || !(runs >= 1)) {
	console.error('usage: npx tsx test/bench/analyses.ts FILE.csv [--runs N] [--warm-up]');
	process.exit(1);
}

async function load(engine: Engine): Promise<number> {
	const loaded = await loadFiles(engine, [await inputFromPath(file!)]);
	if (!loaded.files.length) throw new Error(loaded.failures[0]?.message ?? 'could not read the file');
	const { mapping } = suggestMapping(loaded.files);
	await buildCanonical(engine, loaded, mapping);
	const [{ n }] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM transactions');
	return n;
}

async function time(engine: Engine): Promise<{ wall: number; cpu: number; slowest: string }> {
	const steps: [AnalysisName, number][] = [];
	let last = performance.now();
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	const results = await runAll(engine, {}, {
		onProgress: ({ name }) => {
			const now = performance.now();
			steps.push([name, now - last]);
			last = now;
		}
	});
	const wall = performance.now() - t0;
	const c = process.cpuUsage(cpu0);
	const failed = Object.entries(results).filter(([, v]) => v && typeof v === 'object' && 'reason' in v && String(v.reason).startsWith('could not be computed'));
	if (failed.length) throw new Error(`analysis failed: ${failed.map(([k, v]) => `${k}: ${(v as { reason: string }).reason}`).join('; ')}`);
	const slowest = steps
		.sort((a, b) => b[1] - a[1])
		.slice(0, 4)
		.map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
		.join(', ');
	return { wall, cpu: (c.user + c.system) / 1000, slowest };
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

for (const [label, create] of [
	['duckdb-wasm', createWasmNodeEngine],
	['native', createNativeEngine]
] as const) {
	const engine = await create();
	try {
		if (warmUp) {
			const w = performance.now();
			await warmUpAnalyses(engine, { lines: warmUpLines });
			console.log(`${label}: warm-up on a small synthetic table ${(performance.now() - w).toFixed(0)} ms`);
		}
		const t = performance.now();
		const rows = await load(engine);
		console.log(`${label}: ${rows.toLocaleString('en-US')} lines loaded in ${((performance.now() - t) / 1000).toFixed(1)} s (${engine.name})`);
		const cold = await time(engine);
		console.log(`  runAll cold   wall ${fmt(cold.wall)}  cpu ${fmt(cold.cpu)}   slowest: ${cold.slowest}`);
		const warm: { wall: number; cpu: number; slowest: string }[] = [];
		for (let i = 0; i < runs; i++) warm.push(await time(engine));
		const best = warm.reduce((a, b) => (b.wall < a.wall ? b : a));
		const median = [...warm].sort((a, b) => a.wall - b.wall)[Math.floor(warm.length / 2)];
		console.log(`  runAll warm   wall ${fmt(median.wall)} (median of ${runs}, best ${best.wall.toFixed(0)})  cpu ${fmt(median.cpu)}   slowest: ${median.slowest}`);
	} finally {
		await engine.close();
	}
}
