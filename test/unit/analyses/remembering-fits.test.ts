import { describe, expect, it } from 'vitest';
import { rememberingFits, type ModelRunner } from '../../../src/lib/analyses/model-runner';
import type { ClvFitInput, ClvFitOutput } from '../../../src/lib/analyses/clv/fit';

/** A runner whose "fit" echoes a digest of its input and counts the calls. */
function countingRunner(): { runner: ModelRunner; calls: () => number } {
	let calls = 0;
	const runner = {
		fitClv: async (input: ClvFitInput) => {
			calls++;
			return { choice: { reason: `fit ${calls} of ${input.summaries.length} rows` } } as unknown as ClvFitOutput;
		},
		forecast: async () => {
			throw new Error('not used');
		},
		holdout: async () => {
			throw new Error('not used');
		}
	} as ModelRunner;
	return { runner, calls: () => calls };
}

const input = (weightOfLast: number, horizon = 365): ClvFitInput =>
	({
		summaries: [
			{ frequency: 0, recency: 0, T: 10, weight: 4 },
			{ frequency: 2, recency: 5, T: 10, weight: weightOfLast }
		],
		fitSummaries: null,
		unit: 'day',
		setting: 'auto',
		preset: null,
		calibration: { reason: 'too short' },
		spend: null,
		horizon,
		clvOptions: { horizonMonths: 12, margin: 1, monthlyDiscountRate: 0.01 }
	}) as ClvFitInput;

describe('rememberingFits', () => {
	it('hands back the fit for the same data in new objects, and fits again when anything in it differs', async () => {
		const { runner, calls } = countingRunner();
		const remembering = rememberingFits(runner);
		await remembering.fitClv(input(1));
		await remembering.fitClv(input(1));
		expect(calls()).toBe(1);
		await remembering.fitClv(input(2)); // deep in an array
		await remembering.fitClv(input(1, 366)); // a top-level number
		expect(calls()).toBe(3);
		const withoutCalibration = { ...input(1), calibration: null };
		await remembering.fitClv(withoutCalibration);
		expect(calls()).toBe(4);
		// All four are remembered, most recent first.
		for (const again of [input(2), input(1, 366), input(1), { ...input(1), calibration: null }]) await remembering.fitClv(again);
		expect(calls()).toBe(4);
	});

	it('tells NaN, Infinity and null apart, and a missing key from an extra one', async () => {
		const { runner, calls } = countingRunner();
		const remembering = rememberingFits(runner);
		for (const horizon of [NaN, Infinity, null as unknown as number, NaN]) await remembering.fitClv(input(1, horizon));
		expect(calls()).toBe(3);
		const extra = { ...input(1), extra: 1 } as ClvFitInput;
		await remembering.fitClv(input(1));
		await remembering.fitClv(extra);
		expect(calls()).toBe(5);
	});

	it('tells another setting over the same customers apart without reading the customer rows', async () => {
		const { runner, calls } = countingRunner();
		const remembering = rememberingFits(runner);
		await remembering.fitClv(input(1));
		let rowsRead = 0;
		const watched = input(1, 400);
		const rows = watched.summaries;
		watched.summaries = rows.map((_, i) => i).map(() => ({}) as (typeof rows)[number]);
		rows.forEach((row, i) => Object.defineProperty(watched.summaries, i, { get: () => (rowsRead++, row), enumerable: true }));
		await remembering.fitClv(watched);
		expect(calls()).toBe(2);
		expect(rowsRead).toBe(0);
	});

	it('hands out copies, so that one run cannot change what another is handed', async () => {
		const { runner } = countingRunner();
		const remembering = rememberingFits(runner);
		const first = await remembering.fitClv(input(1));
		first.choice.reason = 'changed by a caller';
		const second = await remembering.fitClv(input(1));
		expect(second.choice.reason).toBe('fit 1 of 2 rows');
	});
});
