import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../../src/lib/models/trend/mann-kendall';

describe('Mann–Kendall trend test (worked by hand)', () => {
	it('a strictly rising series of 5: S = 10, Var = 5·4·15/18, z = 9/√(50/3) ≈ 2.205 → up', () => {
		const r = mannKendall([1, 2, 3, 4, 5]);
		expect(r.s).toBe(10);
		expect(r.variance).toBeCloseTo(300 / 18, 12);
		expect(r.z).toBeCloseTo(9 / Math.sqrt(300 / 18), 12);
		expect(r.z).toBeCloseTo(2.2045, 4);
		expect(r.direction).toBe('up');
	});

	it('four values can never reach significance: S = −6, Var = 4·3·13/18, z = −5/√(26/3) ≈ −1.70', () => {
		const r = mannKendall([9, 7, 5, 1]);
		expect(r.s).toBe(-6);
		expect(r.z).toBeCloseTo(-5 / Math.sqrt(156 / 18), 12);
		expect(r.direction).toBe('none');
	});

	it('ties shrink the variance: [1, 1, 2, 3, 3, 4]', () => {
		// Pairs (i<j): sign counts by hand: from 1a: 0,+,+,+,+ = 4; 1b: +,+,+,+ = 4; 2: +,+,+ = 3; 3a: 0,+ = 1; 3b: + = 1 → S = 13.
		// Var = [6·5·17 − 2·(2·1·9)] / 18 = (510 − 36) / 18 = 26.333…
		const r = mannKendall([1, 1, 2, 3, 3, 4]);
		expect(r.s).toBe(13);
		expect(r.variance).toBeCloseTo(474 / 18, 12);
		expect(r.z).toBeCloseTo(12 / Math.sqrt(474 / 18), 12);
		expect(r.direction).toBe('up');
	});

	it('a seesaw has no trend; a falling series of 8 falls', () => {
		expect(mannKendall([1, 3, 1, 3, 1, 3]).direction).toBe('none');
		const down = mannKendall([80, 70, 75, 60, 50, 55, 40, 30]);
		// S: count concordant/discordant by hand = −(28 − 2·2) … 2 rising pairs (70→75, 50→55) → S = 2 − 26 = −24.
		expect(down.s).toBe(-24);
		expect(down.direction).toBe('down');
	});

	it('a constant series: S = 0, z = 0', () => {
		const r = mannKendall([5, 5, 5]);
		expect([r.s, r.z, r.direction]).toEqual([0, 0, 'none']);
	});

	it('sums equal but for the last bits are ties: [0.1, 0.3, 0.1 + 0.2, 0.6, 0.2 + 0.4] is [1, 2, 2, 3, 3]', () => {
		// 0.1 + 0.2 = 0.30000000000000004 and 0.2 + 0.4 = 0.6000000000000001: the same money summed in another order.
		// [1, 2, 2, 3, 3] by hand: from 1: +,+,+,+ = 4; 2a: 0,+,+ = 2; 2b: +,+ = 2; 3a: 0 → S = 8.
		// Var = [5·4·15 − 2·(2·1·9)] / 18 = (300 − 36) / 18.
		const r = mannKendall([0.1, 0.3, 0.1 + 0.2, 0.6, 0.2 + 0.4]);
		expect(r.s).toBe(8);
		expect(r.variance).toBeCloseTo(264 / 18, 12);
		expect(r.z).toBeCloseTo(7 / Math.sqrt(264 / 18), 12);
	});
});
