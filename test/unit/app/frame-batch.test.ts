import { describe, expect, it } from 'vitest';
import { frameBatch, nextFrame } from '../../../src/lib/app/frame-batch';

/** A frame clock driven by the test: `tick()` runs what waits for the next frame. */
function manualFrames() {
	let waiting: (() => void)[] = [];
	let requested = 0;
	return {
		schedule(run: () => void) {
			requested++;
			waiting.push(run);
			return () => {
				waiting = waiting.filter((w) => w !== run);
			};
		},
		tick() {
			const now = waiting;
			waiting = [];
			for (const run of now) run();
		},
		get requested() {
			return requested;
		},
		get pending() {
			return waiting.length;
		}
	};
}

describe('frameBatch', () => {
	it('applies everything pushed before a frame together, once, in arrival order', () => {
		const frames = manualFrames();
		const applied: string[][] = [];
		const batch = frameBatch<string>((items) => applied.push(items), { schedule: frames.schedule });
		batch.push('kpis');
		batch.push('trend');
		batch.push('rfm');
		expect(applied).toEqual([]);
		expect(frames.requested).toBe(1);
		frames.tick();
		expect(applied).toEqual([['kpis', 'trend', 'rfm']]);
		batch.push('churn');
		frames.tick();
		expect(applied).toEqual([['kpis', 'trend', 'rfm'], ['churn']]);
		expect(frames.requested).toBe(2);
	});

	it('flush applies what is queued at once and cancels the frame it was waiting for', () => {
		const frames = manualFrames();
		const applied: number[][] = [];
		const batch = frameBatch<number>((items) => applied.push(items), { schedule: frames.schedule });
		batch.push(1);
		batch.push(2);
		batch.flush();
		expect(applied).toEqual([[1, 2]]);
		expect(frames.pending).toBe(0);
		frames.tick();
		batch.flush();
		// Nothing queued: nothing applied, no empty batch.
		expect(applied).toEqual([[1, 2]]);
	});

	it('an item pushed while a batch is applied waits for the next frame', () => {
		const frames = manualFrames();
		const applied: string[][] = [];
		const batch = frameBatch<string>((items) => {
			applied.push(items);
			if (items.includes('a')) batch.push('late');
		}, { schedule: frames.schedule });
		batch.push('a');
		frames.tick();
		expect(applied).toEqual([['a']]);
		frames.tick();
		expect(applied).toEqual([['a'], ['late']]);
	});
	it('applies at most perFrame items a frame, the rest at the following frames, and flush takes all', () => {
		const frames = manualFrames();
		const applied: string[][] = [];
		const batch = frameBatch<string>((items) => applied.push(items), { schedule: frames.schedule, perFrame: 1 });
		batch.push('kpis');
		batch.push('trend');
		batch.push('rfm');
		batch.push('churn');
		frames.tick();
		expect(applied).toEqual([['kpis']]);
		frames.tick();
		expect(applied).toEqual([['kpis'], ['trend']]);
		batch.flush();
		expect(applied).toEqual([['kpis'], ['trend'], ['rfm', 'churn']]);
		expect(frames.pending).toBe(0);
	});
});

describe('nextFrame', () => {
	it('falls back to a timer where there are no animation frames (Node, hidden tabs)', async () => {
		let ran = 0;
		nextFrame(() => ran++);
		expect(ran).toBe(0);
		await new Promise((r) => setTimeout(r, 10));
		expect(ran).toBe(1);
		const cancel = nextFrame(() => ran++);
		cancel();
		await new Promise((r) => setTimeout(r, 10));
		expect(ran).toBe(1);
	});
});
