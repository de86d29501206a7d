/**
 * The session's models worker, started on the first fit and kept until a run it works for is
 * cancelled. If the worker itself fails (it could not start, or crashed), fits go back to the page
 * thread: slower, but the panels still come.
 */
import * as Comlink from 'comlink';
import ModelsWorker from '../../../workers/models.worker.ts?worker';
import { inProcessModels, type ModelRunner } from '../analyses/index';

class WorkerFailed extends Error {}

interface Started {
	worker: Worker;
	remote: Comlink.Remote<ModelRunner>;
	failed: Promise<never>;
}

let started: Started | null = null;
let broken = false;

function start(): Started {
	const worker = new ModelsWorker();
	const failed = new Promise<never>((_, reject) =>
		worker.addEventListener('error', (e) => reject(new WorkerFailed(e.message || 'the models worker failed')), { once: true })
	);
	failed.catch(() => {});
	return { worker, remote: Comlink.wrap<ModelRunner>(worker), failed };
}

/**
 * A fit cannot be interrupted inside the worker, so a cancelled run's worker is ended: a stale fit
 * of a large file (it can take a minute) never delays the fits of the run that replaced it.
 */
function whenAborted(current: Started, signal: AbortSignal | undefined): { aborted: Promise<never>; release: () => void } {
	if (!signal) return { aborted: new Promise<never>(() => {}), release: () => {} };
	let stop = () => {};
	const aborted = new Promise<never>((_, reject) => {
		stop = () => {
			current.worker.terminate();
			if (started === current) started = null;
			reject(signal.reason);
		};
	});
	aborted.catch(() => {});
	signal.addEventListener('abort', stop, { once: true });
	return { aborted, release: () => signal.removeEventListener('abort', stop) };
}

async function run<T>(viaWorker: (remote: Comlink.Remote<ModelRunner>) => Promise<T>, inPage: () => Promise<T>, signal?: AbortSignal): Promise<T> {
	signal?.throwIfAborted();
	if (broken) return inPage();
	const current = (started ??= start());
	const { aborted, release } = whenAborted(current, signal);
	try {
		return await Promise.race([viaWorker(current.remote), current.failed, aborted]);
	} catch (e) {
		if (!(e instanceof WorkerFailed)) throw e;
		broken = true;
		console.error(`Customer Lens: ${e.message}; the model fits run on the page from now on.`);
		return inPage();
	} finally {
		release();
	}
}

export const workerModels: ModelRunner = {
	fitClv: (input, signal) => run((r) => r.fitClv(input), () => inProcessModels.fitClv(input), signal),
	forecast: (input, signal) => run((r) => r.forecast(input), () => inProcessModels.forecast(input), signal)
};
