/**
 * M3 monthly benchmark (1,428 series, h = 18): our forecaster against the original competition
 * methods, scored with one scorer. Run: npm run bench:m3 (tsx test/bench/m3.ts).
 *
 * sMAPE = mean over series of mean over h of 200|y−ŷ|/(|y|+|ŷ|);
 * MASE = mean over series of mean|y−ŷ| / in-sample lag-12 naive MAE.
 * The same file runs as a worker thread: the series are split across two cores.
 */

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { forecast } from '../../src/lib/models/forecast/index';
import { mase, smape } from '../../src/lib/models/forecast/metrics';

const HORIZON = 18;
const PERIOD = 12;
const WORKERS = 2;
const DATA_DIR = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

interface Series {
	id: string;
	train: number[];
	test: number[];
}

/** What a worker sends back per series: the default forecast and each component's. */
interface Ours {
	id: string;
	method: string;
	forecast: number[];
	components: { method: string; forecast: number[] }[];
}

function readCsvGz(name: string): string[][] {
	const text = gunzipSync(readFileSync(DATA_DIR + name)).toString('utf8');
	const lines = text.split('\n').filter((l) => l.length > 0);
	return lines.slice(1).map((l) => l.split(','));
}

function loadSeries(): Series[] {
	const rows = readCsvGz('m3_monthly.csv.gz');
	const byId = new Map<string, { t: number; split: string; value: number }[]>();
	for (const r of rows) {
		const [id, , , , t, , , split, value] = r;
		const list = byId.get(id) ?? [];
		list.push({ t: Number(t), split, value: Number(value) });
		byId.set(id, list);
	}
	return [...byId.entries()].map(([id, list]) => {
		list.sort((a, b) => a.t - b.t);
		return {
			id,
			train: list.filter((p) => p.split === 'train').map((p) => p.value),
			test: list.filter((p) => p.split === 'test').map((p) => p.value)
		};
	});
}

function loadOriginal(): Map<string, Map<string, number[]>> {
	const byMethod = new Map<string, Map<string, number[]>>();
	for (const [id, method, h, value] of readCsvGz('m3_monthly_original_forecasts.csv.gz')) {
		const bySeries = byMethod.get(method) ?? new Map<string, number[]>();
		const f = bySeries.get(id) ?? [];
		f[Number(h) - 1] = Number(value);
		bySeries.set(id, f);
		byMethod.set(method, bySeries);
	}
	return byMethod;
}

function forecastAll(series: Series[]): Ours[] {
	return series.map((s) => {
		const r = forecast({ values: s.train, period: PERIOD, horizon: HORIZON, backtest: false });
		return { id: s.id, method: r.method, forecast: r.forecast, components: r.components };
	});
}

function score(series: Series[], forecasts: Map<string, number[]>): { smape: number; mase: number } {
	let s = 0;
	let m = 0;
	for (const x of series) {
		const f = forecasts.get(x.id);
		if (!f || f.length !== x.test.length) throw new Error(`missing forecast for ${x.id}`);
		s += smape(x.test, f);
		m += mase(x.test, f, x.train, PERIOD);
	}
	return { smape: s / series.length, mase: m / series.length };
}

/**
 * A worker's entry module is loaded before any --import hook applies in it, so tsx cannot
 * compile this file there directly: register tsx's ESM hooks first, then import this file.
 */
function workerBootstrap(): string {
	const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
	return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
}

async function runWorkers(series: Series[]): Promise<Ours[]> {
	const chunks: Series[][] = Array.from({ length: WORKERS }, () => []);
	// Interleave so both workers get a similar mix of long and short series.
	series.forEach((s, i) => chunks[i % WORKERS].push(s));
	const parts = await Promise.all(
		chunks.map(
			(chunk) =>
				new Promise<Ours[]>((resolve, reject) => {
					const w = new Worker(workerBootstrap(), { eval: true, workerData: chunk });
					w.once('message', resolve);
					w.once('error', reject);
				})
		)
	);
	return parts.flat();
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]): number => {
	const s = xs.slice().sort((a, b) => a - b);
	const k = Math.floor(s.length / 2);
	return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};

/** Our variants, rebuilt from the components so the choice of combination rule is visible. */
function variants(ours: Ours[]): Map<string, Map<string, number[]>> {
	const out = new Map<string, Map<string, number[]>>();
	const put = (name: string, id: string, f: number[]): void => {
		const m = out.get(name) ?? new Map<string, number[]>();
		m.set(id, f);
		out.set(name, m);
	};
	for (const o of ours) {
		put('ours: default', o.id, o.forecast);
		const c = o.components;
		const ets = c[0];
		const theta = c.find((x) => x.method === 'Theta');
		const damped = c.length === 3 ? c[2] : undefined;
		if (!ets || !theta || !damped) continue;
		put('ours: ETS (AICc)', o.id, ets.forecast);
		put('ours: Theta', o.id, theta.forecast);
		put('ours: damped ETS', o.id, damped.forecast);
		const pick = (f: (xs: number[]) => number, members: { forecast: number[] }[]): number[] =>
			members[0].forecast.map((_, h) => f(members.map((x) => x.forecast[h])));
		put('ours: mean(ETS,Theta)', o.id, pick(mean, [ets, theta]));
		put('ours: mean(ETS,Theta,damped)', o.id, pick(mean, [ets, theta, damped]));
		put('ours: median(ETS,Theta,damped)', o.id, pick(median, [ets, theta, damped]));
	}
	return out;
}

async function main(): Promise<void> {
	const series = loadSeries();
	const original = loadOriginal();
	const started = performance.now();
	const ours = await runWorkers(series);
	const seconds = (performance.now() - started) / 1000;

	const rows: { name: string; smape: number; mase: number; n: number }[] = [];
	for (const [name, f] of original) rows.push({ name, ...score(series, f), n: f.size });
	for (const [name, f] of variants(ours)) {
		const subset = series.filter((s) => f.has(s.id));
		rows.push({ name, ...score(subset, f), n: subset.length });
	}
	console.log(`M3 monthly: ${series.length} series, h = ${HORIZON}, period ${PERIOD}`);
	console.log('method                              sMAPE     MASE  series');
	for (const r of rows) {
		console.log(`${r.name.padEnd(34)} ${r.smape.toFixed(3).padStart(7)} ${r.mase.toFixed(4).padStart(8)} ${String(r.n).padStart(7)}`);
	}
	const methods = new Map<string, number>();
	for (const o of ours) methods.set(o.method.replace(/\(.*$/, ''), (methods.get(o.method.replace(/\(.*$/, '')) ?? 0) + 1);
	console.log(`default method kinds: ${[...methods].map(([k, v]) => `${k} ${v}`).join(', ')}`);
	console.log(`our wall time: ${seconds.toFixed(1)} s on ${WORKERS} worker threads`);
	const ref = (name: string) => rows.find((r) => r.name === name);
	// Published values for the original submissions, to check this scorer against.
	const published: [string, number, number][] = [
		['THETA', 13.89, 0.858],
		['ForecastPro', 13.9, 0.848],
		['NAIVE2', 16.89, 1.037]
	];
	const check = published.map(([name, s, m]) => {
		const r = ref(name);
		return `${name} ${r?.smape.toFixed(2)}/${r?.mase.toFixed(3)} (published ${s.toFixed(2)}/${m.toFixed(3)})`;
	});
	console.log(`scorer check: ${check.join(', ')}`);
	const def = ref('ours: default');
	const theta = ref('THETA');
	const fp = ref('ForecastPro');
	if (def && theta && fp) {
		const beats = def.smape < theta.smape && def.smape < fp.smape && def.mase < theta.mase && def.mase < fp.mase;
		console.log(`target (default beats THETA and ForecastPro on sMAPE and MASE): ${beats ? 'MET' : 'NOT MET'}`);
	}
}

if (isMainThread) {
	main().catch((e: unknown) => {
		console.error(e);
		process.exit(1);
	});
} else {
	parentPort?.postMessage(forecastAll(workerData as Series[]));
}
