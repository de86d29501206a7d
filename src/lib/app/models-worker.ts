/**
 * The session's models worker, started on the first fit and kept for the page's lifetime. If the
 * worker itself fails (it could not start, or crashed), fits go back to the page thread: slower,
 * but the panels still come.
 */
import * as Comlink from 'comlink';
import ModelsWorker from '../../../workers/models.worker.ts?worker';
import { inProcessModels, type ModelRunner } from '../analyses/index';

class WorkerFailed extends Error {}

let started: { remote: Comlink.Remote<ModelRunner>; failed: Promise<never> } | null = null;
let broken = false;

function start(): NonNullable<typeof started> {
	const worker = new ModelsWorker();
	const failed = new Promise<never>((_, reject) =>
		worker.addEventListener('error', (e) => reject(new WorkerFailed(e.message || 'the models worker failed')), { once: true })
	);
	failed.catch(() => {});
	return { remote: Comlink.wrap<ModelRunner>(worker), failed };
}

async function run<T>(viaWorker: (remote: Comlink.Remote<ModelRunner>) => Promise<T>, inPage: () => Promise<T>): Promise<T> {
	if (broken) return inPage();
	started ??= start();
	try {
		return await Promise.race([viaWorker(started.remote), started.failed]);
	} catch (e) {
		if (!(e instanceof WorkerFailed)) throw e;
		broken = true;
		console.error(`Customer Lens: ${e.message}; the model fits run on the page from now on.`);
		return inPage();
	}
}

export const workerModels: ModelRunner = {
	fitClv: (input) => run((r) => r.fitClv(input), () => inProcessModels.fitClv(input)),
	forecast: (input) => run((r) => r.forecast(input), () => inProcessModels.forecast(input))
};
