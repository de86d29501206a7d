/**
 * `npm run bench`: how fast a user gets results, measured against a reference in the same run.
 *
 * 1. Browser: headless Chromium on the built site, cold page per run, from the file chosen in the
 *    file input to `<body data-state="ready">`, beside native DuckDB loading the same file and running
 *    the same ingest + analyses SQL on Node. Ratio = browser / native.
 * 2. Analyses only (1 M rows): `runAll` on DuckDB-WASM vs native DuckDB, same SQL. Ratio = wasm / native.
 * 3. BG/NBD fit on 100 k simulated customers, against the 1 s budget.
 *
 * Files: a generated 1,000,000-row Online-Retail-shaped CSV (written to .bench/, not committed) and
 * the real Online Retail file from ../shared/datasets when present. Medians of RUNS runs.
 * Options: --runs N (default 3), --skip-browser, --only-analyses.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { writeRetailCsv } from '../../src/cli/generate-retail';
import { createNativeEngine } from '../../src/lib/engine/native-node';
import { createWasmNodeEngine } from '../../src/lib/engine/wasm-node';
import type { Engine } from '../../src/lib/engine/engine';
import { buildCanonical, loadFiles, suggestMapping } from '../../src/lib/ingest';
import { inputFromPath } from '../../src/lib/ingest/node-input';
import { runAll } from '../../src/lib/analyses';
import { fitBgnbd } from '../../src/lib/models/clv/bgnbd-fit';
import { simulateCustomers } from '../../src/lib/models/clv/simulate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const skipBrowser = args.includes('--skip-browser');
const PORT = 4174;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function benchFiles(): { label: string; file: string }[] {
	const dir = path.join(root, '.bench');
	mkdirSync(dir, { recursive: true });
	const generated = path.join(dir, 'retail-1m.csv');
	if (!existsSync(generated)) {
		console.log('generating 1,000,000-row CSV …');
		writeRetailCsv(generated, 1_000_000, 42);
	}
	const files = [{ label: 'generated 1M rows', file: generated }];
	const real = path.resolve(root, '../shared/datasets/online_retail_2010-2011.csv.gz');
	if (existsSync(real)) files.push({ label: 'Online Retail 541,909 rows', file: real });
	return files;
}

/** Ingest, all analyses, then all analyses again (what a settings change costs once the engine is warm). */
async function ingestAndAnalyse(engine: Engine, file: string): Promise<{ ingestMs: number; analysesMs: number; repeatMs: number }> {
	const t0 = performance.now();
	const loaded = await loadFiles(engine, [await inputFromPath(file)]);
	await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
	const t1 = performance.now();
	await runAll(engine, {});
	const t2 = performance.now();
	await runAll(engine, { churnDays: 60 });
	return { ingestMs: t1 - t0, analysesMs: t2 - t1, repeatMs: performance.now() - t2 };
}

async function nodeSide(create: () => Promise<Engine>, file: string): Promise<{ total: number; ingest: number; analyses: number; repeat: number }> {
	const runs = [];
	for (let i = 0; i < RUNS; i++) {
		const engine = await create();
		runs.push(await ingestAndAnalyse(engine, file));
		await engine.close();
	}
	return {
		total: median(runs.map((r) => r.ingestMs + r.analysesMs)),
		ingest: median(runs.map((r) => r.ingestMs)),
		analyses: median(runs.map((r) => r.analysesMs)),
		repeat: median(runs.map((r) => r.repeatMs))
	};
}

function startPreview(): ChildProcess {
	if (!existsSync(path.join(root, 'build/index.html'))) {
		console.log('building the site …');
		spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	}
	return spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
}

async function waitForServer(url: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`preview server did not start at ${url}`);
}

async function browserRun(browser: Browser, file: string): Promise<{ bootMs: number; readyMs: number }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const t0 = performance.now();
	await page.goto(`http://127.0.0.1:${PORT}/`);
	await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
	const bootMs = performance.now() - t0;
	const t1 = performance.now();
	await page.locator('input[type=file]').first().setInputFiles(file);
	await page.waitForFunction(
		() => document.body.dataset.state === 'ready' && document.querySelector('[data-metric="revenue"]')?.getAttribute('data-value'),
		null,
		{ timeout: 300_000, polling: 50 }
	);
	const readyMs = performance.now() - t1;
	await context.close();
	return { bootMs, readyMs };
}

async function main() {
	const files = benchFiles();
	console.log(`Customer Lens benchmarks — medians of ${RUNS} runs, ${new Date().toISOString()}\n`);

	if (!skipBrowser) {
		const server = startPreview();
		try {
			await waitForServer(`http://127.0.0.1:${PORT}/`);
			const browser = await chromium.launch({
				executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
				args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']
			});
			console.log('1. File chosen → data-state="ready" (Chromium, DuckDB-WASM) vs native DuckDB on Node, same ingest + analyses');
			for (const { label, file } of files) {
				const boots: number[] = [];
				const readies: number[] = [];
				for (let i = 0; i < RUNS; i++) {
					const r = await browserRun(browser, file);
					boots.push(r.bootMs);
					readies.push(r.readyMs);
				}
				const native = await nodeSide(createNativeEngine, file);
				const mb = (statSync(file).size / 1e6).toFixed(0);
				console.log(
					`   ${label} (${mb} MB): browser ${fmt(median(readies))} (page + engine boot ${fmt(median(boots))}), native ${fmt(native.total)}, ratio ${(median(readies) / native.total).toFixed(2)}×`
				);
			}
			await browser.close();
		} finally {
			if (server.pid) process.kill(-server.pid);
		}
	}

	console.log('\n2. Ingest and all analyses, DuckDB-WASM on Node vs native DuckDB (same SQL)');
	for (const { label, file } of files.slice(0, 1)) {
		const wasm = await nodeSide(createWasmNodeEngine, file);
		const native = await nodeSide(createNativeEngine, file);
		console.log(`   ${label}: ingest wasm ${fmt(wasm.ingest)} / native ${fmt(native.ingest)} = ${(wasm.ingest / native.ingest).toFixed(2)}×`);
		console.log(`   ${label}: analyses, first run after load: wasm ${fmt(wasm.analyses)} / native ${fmt(native.analyses)} = ${(wasm.analyses / native.analyses).toFixed(2)}× (budget 1.5 s: ${(wasm.analyses / 1500).toFixed(2)} of it)`);
		console.log(`   ${label}: analyses, repeat run (settings change): wasm ${fmt(wasm.repeat)} / native ${fmt(native.repeat)} = ${(wasm.repeat / native.repeat).toFixed(2)}× (budget 1.5 s: ${(wasm.repeat / 1500).toFixed(2)} of it)`);
	}

	console.log('\n3. BG/NBD fit, 100,000 simulated customers, whole-day summaries');
	const simulated = simulateCustomers({ r: 0.25, alpha: 30, a: 0.8, b: 2.5 }, { customers: 100_000, age: [1, 365], seed: 20240611 });
	const daily = simulated.map((c) => ({ frequency: c.frequency, recency: Math.floor(c.recency), T: Math.floor(c.T) }));
	const fits: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		fitBgnbd(daily, { timeUnit: 'day' });
		fits.push(performance.now() - t);
	}
	console.log(`   fit ${fmt(median(fits))} (budget 1 s: ${(median(fits) / 1000).toFixed(2)} of it)`);
	console.log('\nForecaster on M3: npm run bench:m3');
}

main().catch((e) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
