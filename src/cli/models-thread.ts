/**
 * The command line's model fits on a worker thread. In-process, a fit is synchronous JavaScript: while
 * the CLV models fit (seconds on a 10 M-row file) the event loop sends native DuckDB no query, so the
 * other analyses wait. On a thread the fits run while DuckDB computes the rest, as the browser's
 * models worker does. If the thread cannot start or fails, the fits run in-process as before.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { inProcessModels, type ModelRunner } from '../lib/analyses/index';
import { tsxThreadSource } from './tsx-thread';

const ROLE = 'customer-lens models thread';

type Kind = keyof ModelRunner;
interface Request {
	id: number;
	kind: Kind;
	input: unknown;
}
type Reply = { id: number; value: unknown } | { id: number; error: string };

// Inside the thread: answer each request with the in-process fit.
if (parentPort && workerData === ROLE) {
	const port = parentPort;
	port.on('message', async ({ id, kind, input }: Request) => {
		try {
			port.postMessage({ id, value: await inProcessModels[kind](input as never) } satisfies Reply);
		} catch (e) {
			port.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies Reply);
		}
	});
}

export interface ModelThread extends ModelRunner {
	close(): Promise<void>;
}

export function startModelThread(): ModelThread {
	const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
	let worker: Worker | null = new Worker(tsxThreadSource(import.meta.url), { eval: true, workerData: ROLE });
	let nextId = 0;
	const fail = (error: Error): void => {
		worker = null;
		for (const request of pending.values()) request.reject(error);
		pending.clear();
	};
	worker.on('message', (reply: Reply) => {
		const request = pending.get(reply.id);
		pending.delete(reply.id);
		if ('error' in reply) request?.reject(new Error(reply.error));
		else request?.resolve(reply.value as never);
	});
	worker.on('error', fail);
	worker.on('exit', () => fail(new Error('the models thread ended')));
	const call = <T>(kind: Kind, input: unknown, inProcess: () => Promise<T>): Promise<T> => {
		const thread = worker;
		if (!thread) return inProcess();
		const id = nextId++;
		return new Promise<T>((resolve, reject) => {
			pending.set(id, { resolve, reject });
			thread.postMessage({ id, kind, input } satisfies Request);
		}).catch((e: unknown) => (worker ? Promise.reject(e) : inProcess()));
	};
	return {
		fitClv: (input) => call('fitClv', input, () => inProcessModels.fitClv(input)),
		forecast: (input) => call('forecast', input, () => inProcessModels.forecast(input)),
		holdout: (input) => call('holdout', input, () => inProcessModels.holdout(input)),
		close: async () => {
			const thread = worker;
			worker = null;
			await thread?.terminate();
		}
	};
}
