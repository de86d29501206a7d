import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNativeEngine, type NativeEngine } from '../../../src/lib/engine/native-node';

describe('native engine statement queue', () => {
	let engine: NativeEngine;
	beforeAll(async () => {
		engine = await createNativeEngine();
	});
	afterAll(async () => {
		await engine?.close();
	});
	// The queue picks its next statement on the turn after one ends: let it fall idle between tests.
	beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

	/** Runs a labelled statement and records when its rows arrive (statements run one at a time, so this is their order). */
	const track = (done: string[], lane: 'normal' | 'urgent' = 'normal') => async (label: string) => {
		const [row] = await (lane === 'urgent' ? engine.urgent : engine).query<{ label: string }>('SELECT ? AS label', [label]);
		done.push(row.label);
	};

	it('runs an urgent statement before the ones already waiting', async () => {
		const done: string[] = [];
		const run = track(done);
		// The first starts at once (nothing else runs); the next two wait.
		const waiting = [run('first'), run('b'), run('c')];
		const urgent = track(done, 'urgent')('urgent');
		await Promise.all([...waiting, urgent]);
		expect(done).toEqual(['first', 'urgent', 'b', 'c']);
	});

	it('lets an urgent caller issue its next statement before a waiting one starts', async () => {
		const done: string[] = [];
		const run = track(done);
		const waiting = [run('first'), run('b'), run('c')];
		const urgent = track(done, 'urgent');
		const chain = (async () => {
			await urgent('u1');
			await urgent('u2');
			await urgent('u3');
		})();
		await Promise.all([...waiting, chain]);
		expect(done).toEqual(['first', 'u1', 'u2', 'u3', 'b', 'c']);
	});

	it('keeps the order of statements of the same lane and passes errors to their caller', async () => {
		const done: string[] = [];
		const run = track(done);
		const failing = engine.query('SELECT * FROM no_such_table');
		const after = [run('x'), run('y')];
		await expect(failing).rejects.toThrow(/no_such_table/);
		await Promise.all(after);
		expect(done).toEqual(['x', 'y']);
	});
});
