import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../../src/lib/app/latest-only';

function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function recorder() {
	const log: string[] = [];
	return {
		log,
		handlers: {
			done: (v: string) => log.push(`done ${v}`),
			failed: (e: unknown) => log.push(`failed ${String(e)}`),
			settled: () => log.push('settled')
		}
	};
}

describe('latestOnly', () => {
	it('drops an older answer that arrives after a newer one', async () => {
		const run = latestOnly();
		const first = deferred<string>();
		const second = deferred<string>();
		const a = recorder();
		const b = recorder();
		run(first.promise, a.handlers);
		run(second.promise, b.handlers);
		second.resolve('new');
		await flush();
		first.resolve('old');
		await flush();
		expect(a.log).toEqual([]);
		expect(b.log).toEqual(['done new', 'settled']);
	});

	it('drops an older failure, and reports the newest one', async () => {
		const run = latestOnly();
		const first = deferred<string>();
		const second = deferred<string>();
		const a = recorder();
		const b = recorder();
		run(first.promise, a.handlers);
		run(second.promise, b.handlers);
		first.reject('stale');
		second.reject('broken');
		await flush();
		expect(a.log).toEqual([]);
		expect(b.log).toEqual(['failed broken', 'settled']);
	});

	it('keeps separate runners independent', async () => {
		const one = latestOnly();
		const other = latestOnly();
		const a = recorder();
		const b = recorder();
		one(Promise.resolve('x'), a.handlers);
		other(Promise.resolve('y'), b.handlers);
		await flush();
		expect(a.log).toEqual(['done x', 'settled']);
		expect(b.log).toEqual(['done y', 'settled']);
	});
});
