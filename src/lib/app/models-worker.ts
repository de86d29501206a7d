/**
 * The session's two models workers, both started on the first fit; each is kept until a run it
 * works for is cancelled. A CLV fit uses both (`fitClvOnTwo`): the model comparison on the holdout
 * period runs on the second while the first fits every customer. The forecast goes to the second,
 * which is otherwise idle until then, unless only the second is busy. If a worker itself fails (it
 * could not start, or crashed), fits go back to the page thread: slower, but the panels still come.
 */
import * as Comlink from 'comlink';
import ModelsWorker from '../../../workers/models.worker.ts?worker';
import { fitClvOnTwo, inProcessModels, inProcessParts, packFitInput, packHoldoutInput, type ClvFitInput, type ClvFitParts, type ModelRunner, type ModelWorkerApi, type WireFitInput } from '../analyses/index';

class WorkerFailed extends Error {}

interface Started {
	worker: Worker;
	remote: Comlink.Remote<ModelWorkerApi>;
	failed: Promise<never>;
}

type Slot = 0 | 1;
const started: [Started | null, Started | null] = [null, null];
/** Calls sent to each worker and not answered yet. */
const waiting: [number, number] = [0, 0];
let broken = false;

function start(): Started {
	const worker = new ModelsWorker();
	const failed = new Promise<never>((_, reject) =>
		worker.addEventListener('error', (e) => reject(new WorkerFailed(e.message || 'the models worker failed')), { once: true })
	);
	failed.catch(() => {});
	return { worker, remote: Comlink.wrap<ModelWorkerApi>(worker), failed };
}

/**
 * A fit cannot be interrupted inside the worker, so a cancelled run's worker is ended: a stale fit
 * of a large file (it can take a minute) never delays the fits of the run that replaced it.
 */
function whenAborted(slot: Slot, current: Started, signal: AbortSignal | undefined): { aborted: Promise<never>; release: () => void } {
	if (!signal) return { aborted: new Promise<never>(() => {}), release: () => {} };
	let stop = () => {};
	const aborted = new Promise<never>((_, reject) => {
		stop = () => {
			current.worker.terminate();
			if (started[slot] === current) started[slot] = null;
			reject(signal.reason);
		};
	});
	aborted.catch(() => {});
	signal.addEventListener('abort', stop, { once: true });
	return { aborted, release: () => signal.removeEventListener('abort', stop) };
}

async function run<T>(slot: Slot, viaWorker: (remote: Comlink.Remote<ModelWorkerApi>) => Promise<T>, inPage: () => Promise<T>, signal?: AbortSignal): Promise<T> {
	signal?.throwIfAborted();
	if (broken) return inPage();
	// Both at once: a worker started on the way to a result (loading its bundle) would delay it.
	for (const s of [0, 1] as const) started[s] ??= start();
	const current = started[slot]!;
	const { aborted, release } = whenAborted(slot, current, signal);
	waiting[slot]++;
	try {
		return await Promise.race([viaWorker(current.remote), current.failed, aborted]);
	} catch (e) {
		if (!(e instanceof WorkerFailed)) throw e;
		broken = true;
		console.error(`Customer Lens: ${e.message}; the model fits run on the page from now on.`);
		return inPage();
	} finally {
		waiting[slot]--;
		release();
	}
}

/**
 * The forecast's worker: the second, unless it is busy and the first is not. A forecast queued behind
 * the CLV model comparison waits for all of it: on Online Retail from 2011-06-01, where BG/NBD was
 * then refused (before fits at the no-drop-out limit were accepted) and the comparison dropped, that
 * made every other filter change take 0.9-1.0 s instead of 0.5-0.6 s (the comparison took 0.67 s,
 * the forecast 0.03 s).
 */
const forecastSlot = (): Slot => (waiting[1] > 0 && waiting[0] === 0 ? 0 : 1);

/** One fit's input is sent three times (a part each): packed once. */
const packed = new WeakMap<ClvFitInput, WireFitInput>();
function wire(input: ClvFitInput): WireFitInput {
	let w = packed.get(input);
	if (!w) packed.set(input, (w = packFitInput(input)));
	return w;
}

const partsOn = (slot: Slot, signal?: AbortSignal): ClvFitParts => ({
	fitPurchaseModels: (input) => run(slot, (r) => r.fitPurchaseModels(wire(input)), () => inProcessParts.fitPurchaseModels(input), signal),
	fitCalibration: (input) => run(slot, (r) => r.fitCalibration(wire(input)), () => inProcessParts.fitCalibration(input), signal),
	finishClvFit: (input, fits, calibrated) => run(slot, (r) => r.finishClvFit(wire(input), fits, calibrated), () => inProcessParts.finishClvFit(input, fits, calibrated), signal)
});

export const workerModels: ModelRunner = {
	fitClv: (input, signal) => fitClvOnTwo(input, partsOn(0, signal), partsOn(1, signal)),
	forecast: (input, signal) => {
		const slot = forecastSlot();
		return run(slot, (r) => r.forecast(input), () => inProcessModels.forecast(input), signal);
	},
	holdout: (input, signal) => run(0, (r) => r.holdout(packHoldoutInput(input)), () => inProcessModels.holdout(input), signal)
};
