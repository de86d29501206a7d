import { describe, expect, it } from 'vitest';
import { ChartDraws } from '../../../src/lib/app/chart-draws.svelte';

/** Resolves once the queue is empty (each draw runs in a task of its own). */
async function drained(draws: ChartDraws): Promise<void> {
	while (draws.pending > 0) await new Promise((r) => setTimeout(r, 1));
}

describe('chart draws', () => {
	it('runs queued draws later, in order, each in a task of its own', async () => {
		const draws = new ChartDraws();
		const ran: number[] = [];
		// A microtask queued by a draw has run before the next draw only if a task ended in between.
		const microtaskDone: boolean[] = [];
		const betweenTasks: boolean[] = [];
		for (let i = 0; i < 4; i++) {
			draws.add(() => {
				if (i > 0) betweenTasks.push(microtaskDone[i - 1] === true);
				ran.push(i);
				queueMicrotask(() => (microtaskDone[i] = true));
			});
		}
		expect(ran).toEqual([]);
		expect(draws.pending).toBe(4);
		await drained(draws);
		expect(ran).toEqual([0, 1, 2, 3]);
		expect(betweenTasks).toEqual([true, true, true]);
	});

	it('takes back a draw that has not run, and goes on after a draw that throws', async () => {
		const draws = new ChartDraws();
		const ran: string[] = [];
		draws.add(() => {
			ran.push('a');
			throw new Error('broken chart');
		});
		const cancel = draws.add(() => ran.push('b'));
		draws.add(() => ran.push('c'));
		cancel();
		expect(draws.pending).toBe(2);
		const errors: unknown[] = [];
		const onError = (e: unknown) => errors.push(e);
		process.on('uncaughtException', onError);
		try {
			await drained(draws);
		} finally {
			process.off('uncaughtException', onError);
		}
		expect(ran).toEqual(['a', 'c']);
		expect(errors).toHaveLength(1);
	});

	it('runs everything at once when flushed (printing)', () => {
		const draws = new ChartDraws();
		const ran: number[] = [];
		for (let i = 0; i < 3; i++) draws.add(() => ran.push(i));
		draws.flush();
		expect(ran).toEqual([0, 1, 2]);
		expect(draws.pending).toBe(0);
	});
});
