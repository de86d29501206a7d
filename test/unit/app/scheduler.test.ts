import { describe, expect, it } from 'vitest';
import { Scheduler, commit, replaceOnSuccess } from '../../../src/lib/app/scheduler';

type Name = 'kpis' | 'churn' | 'rfm';

/** A promise resolved from outside, to finish runs in a chosen order. */
function deferred<T>() {
	let resolve!: (v: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

describe('Scheduler', () => {
	it('a stale result never overwrites a fresh one, whichever finishes last', async () => {
		const s = new Scheduler<Name>();
		let results: Partial<Record<Name, string>> = { churn: 'initial' };
		const old = s.begin(['churn']);
		const fresh = s.begin(['churn']);
		// The fresh run finishes first; the stale one arrives afterwards with older numbers.
		results = commit(results, { churn: 'fresh' }, ['churn'], fresh).next;
		const late = commit(results, { churn: 'stale' }, ['churn'], old);
		expect(late.taken).toEqual([]);
		expect(late.next).toBe(results);
		expect(results.churn).toBe('fresh');
	});

	it('keeps the analyses a stale run is still newest for', () => {
		const s = new Scheduler<Name>();
		const wide = s.begin(['kpis', 'churn']);
		s.begin(['churn']);
		const { next, taken } = commit({}, { kpis: 'k1', churn: 'c1' }, ['kpis', 'churn'], wide);
		expect(taken).toEqual(['kpis']);
		expect(next).toEqual({ kpis: 'k1' });
		expect(wide.signal.aborted).toBe(false);
	});

	it('aborts a run once none of its analyses is current, and only then', () => {
		const s = new Scheduler<Name>();
		const a = s.begin(['kpis', 'churn']);
		s.begin(['kpis']);
		expect(a.signal.aborted).toBe(false);
		s.begin(['churn']);
		expect(a.signal.aborted).toBe(true);
	});

	it('a result for data no longer on screen is not current', () => {
		const s = new Scheduler<Name>();
		let datasetId = 1;
		const run = s.begin(['rfm'], () => datasetId === 1);
		expect(run.isCurrent('rfm')).toBe(true);
		datasetId = 2;
		expect(commit({}, { rfm: 'x' }, ['rfm'], run).taken).toEqual([]);
	});

	it('runs engine work one unit at a time, in order, and goes on after a failure', async () => {
		const s = new Scheduler<Name>();
		const log: string[] = [];
		const gate = deferred<void>();
		const first = s.exclusive(async () => {
			log.push('first:start');
			await gate.promise;
			log.push('first:end');
			throw new Error('boom');
		});
		const second = s.exclusive(async () => {
			log.push('second');
			return 2;
		});
		await Promise.resolve();
		expect(log).toEqual(['first:start']);
		gate.resolve();
		await expect(first).rejects.toThrow('boom');
		await expect(second).resolves.toBe(2);
		expect(log).toEqual(['first:start', 'first:end', 'second']);
	});
});

describe('replaceOnSuccess', () => {
	it('a failed load keeps the previous data and hands back the error', async () => {
		const previous = { id: 1, rows: 10 };
		const failure = new Error('unreadable file');
		const out = await replaceOnSuccess(previous, async () => {
			throw failure;
		});
		expect(out.value).toBe(previous);
		expect(out.error).toBe(failure);
	});

	it('a successful load replaces the data', async () => {
		const out = await replaceOnSuccess({ id: 1 }, async () => ({ id: 2 }));
		expect(out).toEqual({ value: { id: 2 }, error: null });
	});
});
