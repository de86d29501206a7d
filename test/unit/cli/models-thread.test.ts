import { afterAll, describe, expect, it } from 'vitest';
import { startModelThread } from '../../../src/cli/models-thread';
import { inProcessModels } from '../../../src/lib/analyses/model-runner';
import type { ClvFitInput } from '../../../src/lib/analyses/clv/fit';
import { simulateParetoNbdCustomers } from '../../../src/lib/models/clv/simulate';

const customers = simulateParetoNbdCustomers({ r: 0.8, alpha: 8, s: 0.7, beta: 15 }, { customers: 3000, age: [10, 60], seed: 11 });
const input: ClvFitInput = {
	summaries: customers.map((c) => ({ frequency: c.frequency, recency: c.recency, T: c.T })),
	fitSummaries: null,
	unit: 'week',
	setting: 'paretoNbd',
	preset: null,
	calibration: null,
	spend: [],
	horizon: 52,
	clvOptions: { horizonMonths: 12, margin: 1, monthlyDiscountRate: 0.01 }
};

describe("the command line's models thread", () => {
	const thread = startModelThread();
	afterAll(() => thread.close());

	it('returns the in-process fits while the main thread stays free', async () => {
		let ticks = 0;
		const timer = setInterval(() => ticks++, 5);
		const started = performance.now();
		const fitted = await thread.fitClv(input);
		const elapsed = performance.now() - started;
		clearInterval(timer);
		expect(fitted).toEqual(await inProcessModels.fitClv(input));
		expect(fitted.paretoNbd.ok).toBe(true);
		// In-process, a synchronous fit would let no timer run until it returned.
		expect(ticks).toBeGreaterThan(0);
		expect(elapsed).toBeGreaterThan(20);
	});

	it('passes a failing fit on as the same error', async () => {
		const bad = { values: [], period: 12 };
		const expected = await inProcessModels.forecast(bad).then(
			() => null,
			(e: Error) => e.message
		);
		const actual = await thread.forecast(bad).then(
			() => null,
			(e: Error) => e.message
		);
		expect(expected).toMatch(/\w/);
		expect(actual).toBe(expected);
	});
});
