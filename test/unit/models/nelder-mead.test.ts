import { describe, expect, it } from 'vitest';
import { minimizeBounded, nelderMead } from '../../../src/lib/models/optimize/nelder-mead';

describe('nelderMead', () => {
	it('finds the minimum of a shifted quadratic bowl', () => {
		// Minimum at (3, −2) with value 5, by construction.
		const f = ([x, y]: number[]) => (x - 3) ** 2 + 10 * (y + 2) ** 2 + 5;
		const r = nelderMead(f, [0, 0], { ftol: 1e-14 });
		expect(r.x[0]).toBeCloseTo(3, 4);
		expect(r.x[1]).toBeCloseTo(-2, 4);
		expect(r.value).toBeCloseTo(5, 8);
		expect(r.converged).toBe(true);
	});

	it('solves the Rosenbrock valley (minimum at (1, 1))', () => {
		const f = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
		const r = nelderMead(f, [-1.2, 1], { ftol: 1e-14, maxEvaluations: 5000, restarts: 2 });
		expect(r.x[0]).toBeCloseTo(1, 3);
		expect(r.x[1]).toBeCloseTo(1, 3);
	});

	it('handles a 6-dimensional separable quadratic', () => {
		const target = [1, -1, 2, -2, 0.5, 3];
		const f = (x: number[]) => x.reduce((s, v, i) => s + (i + 1) * (v - target[i]) ** 2, 0);
		const r = nelderMead(f, new Array(6).fill(0), { ftol: 1e-16, maxEvaluations: 20000, restarts: 3, step: 1 });
		r.x.forEach((v, i) => expect(v).toBeCloseTo(target[i], 3));
	});

	it('treats NaN and Infinity as worse than any finite value', () => {
		// Undefined left of x = 1; the constrained minimum of (x − 0)² on x ≥ 1 is at 1.
		const f = ([x]: number[]) => (x < 1 ? NaN : x * x);
		const r = nelderMead(f, [4], { ftol: 1e-14 });
		expect(r.x[0]).toBeGreaterThanOrEqual(1);
		expect(r.x[0]).toBeCloseTo(1, 3);
	});

	it('minimises a badly scaled quadratic in four dimensions, with restarts', () => {
		const centre = [1, -2, 3, 0.5];
		const scales = [1, 10, 100, 1000];
		const f = (x: number[]): number => x.reduce((s, xi, i) => s + scales[i] * (xi - centre[i]) ** 2, 0);
		const r = nelderMead(f, [0, 0, 0, 0], { step: 1, ftol: 1e-14, xtol: 1e-7, maxEvaluations: 20_000, restarts: 2 });
		expect(r.converged).toBe(true);
		r.x.forEach((xi, i) => expect(xi).toBeCloseTo(centre[i], 5));
	});

	it('respects the evaluation budget and reports non-convergence', () => {
		let calls = 0;
		const f = ([x, y]: number[]) => {
			calls++;
			return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
		};
		const r = nelderMead(f, [-1.2, 1], { maxEvaluations: 50 });
		expect(calls).toBe(r.evaluations);
		expect(calls).toBeLessThanOrEqual(50 + 2);
		expect(r.converged).toBe(false);
	});

	it('rejects empty or non-finite starting points', () => {
		expect(() => nelderMead(() => 0, [])).toThrow(RangeError);
		expect(() => nelderMead(() => 0, [NaN])).toThrow(RangeError);
	});
});

describe('minimizeBounded', () => {
	it('returns an interior optimum unchanged by the transformation', () => {
		const f = ([x, y]: number[]) => (x - 0.3) ** 2 + (y - 7) ** 2;
		const r = minimizeBounded(f, [0.5, 1], [0, -Infinity], [1, Infinity], { ftol: 1e-14 });
		expect(r.x[0]).toBeCloseTo(0.3, 4);
		expect(r.x[1]).toBeCloseTo(7, 4);
	});

	it('stops on the bound when the unconstrained optimum lies outside, never leaving the box', () => {
		const seen: number[] = [];
		// Unconstrained minimum at x = −5; on [0, 2] it is the bound 0. Upper-only bound for y: y ≤ 1, target 4.
		const f = ([x, y]: number[]) => {
			seen.push(x, y);
			return (x + 5) ** 2 + (y - 4) ** 2;
		};
		const r = minimizeBounded(f, [1, 0], [0, -Infinity], [2, 1], { ftol: 1e-14, maxEvaluations: 2000 });
		expect(r.x[0]).toBeCloseTo(0, 4);
		expect(r.x[1]).toBeCloseTo(1, 4);
		for (let i = 0; i < seen.length; i += 2) {
			expect(seen[i]).toBeGreaterThanOrEqual(0);
			expect(seen[i]).toBeLessThanOrEqual(2);
			expect(seen[i + 1]).toBeLessThanOrEqual(1);
		}
	});

	it('supports a lower bound only (exponential transform)', () => {
		const f = ([x]: number[]) => (Math.log(x) - 2) ** 2; // minimum at e²
		const r = minimizeBounded(f, [1], [0], [Infinity], { ftol: 1e-14 });
		expect(r.x[0]).toBeCloseTo(Math.E ** 2, 3);
	});

	it('rejects inconsistent bounds', () => {
		expect(() => minimizeBounded(() => 0, [0], [1], [1])).toThrow(RangeError);
		expect(() => minimizeBounded(() => 0, [0], [0, 1], [1])).toThrow(RangeError);
	});
});
