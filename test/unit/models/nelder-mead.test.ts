import { describe, expect, it } from 'vitest';
import { minimizeBounded, nelderMead } from '../../../src/lib/models/optimize/nelder-mead';

const rosenbrock = ([x, y]: number[]): number => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

describe('nelderMead', () => {
	it('finds the Rosenbrock minimum', () => {
		const result = nelderMead(rosenbrock, [-1.2, 1], { ftol: 1e-14, xtol: 1e-8, maxEvaluations: 5000 });
		expect(result.converged).toBe(true);
		expect(result.x[0]).toBeCloseTo(1, 5);
		expect(result.x[1]).toBeCloseTo(1, 5);
		expect(result.value).toBeLessThan(1e-10);
	});

	it('minimises a badly scaled quadratic in four dimensions, with restarts', () => {
		const centre = [1, -2, 3, 0.5];
		const scales = [1, 10, 100, 1000];
		const f = (x: number[]): number => x.reduce((s, xi, i) => s + scales[i] * (xi - centre[i]) ** 2, 0);
		const result = nelderMead(f, [0, 0, 0, 0], { step: 1, ftol: 1e-14, xtol: 1e-7, maxEvaluations: 20_000, restarts: 2 });
		expect(result.converged).toBe(true);
		result.x.forEach((xi, i) => expect(xi).toBeCloseTo(centre[i], 5));
	});

	it('treats NaN as +Infinity and stays out of the undefined region', () => {
		const f = ([x]: number[]): number => (x <= 0 ? NaN : x - Math.log(x));
		const result = nelderMead(f, [3], { step: 2, ftol: 1e-12, xtol: 1e-8, maxEvaluations: 2000 });
		expect(result.x[0]).toBeCloseTo(1, 5);
	});

	it('reports non-convergence when the evaluation budget runs out', () => {
		const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 20 });
		expect(result.converged).toBe(false);
		expect(result.evaluations).toBeLessThanOrEqual(22);
	});

	it('rejects empty or non-finite starts', () => {
		expect(() => nelderMead(rosenbrock, [])).toThrow(RangeError);
		expect(() => nelderMead(rosenbrock, [NaN, 1])).toThrow(RangeError);
	});
});

describe('minimizeBounded', () => {
	it('keeps every evaluation within the box and finds a minimum on its edge', () => {
		const seen: number[][] = [];
		const f = (x: number[]): number => {
			seen.push(x);
			return (x[0] - 5) ** 2 + (x[1] + 1) ** 2;
		};
		const result = minimizeBounded(f, [0.5, 0.5], [0, 0], [2, Infinity], { ftol: 1e-14, xtol: 1e-10, maxEvaluations: 4000 });
		// Closed box: once the transformed coordinate saturates, floating point lands exactly on the bound.
		expect(seen.every(([x, y]) => x >= 0 && x <= 2 && y >= 0)).toBe(true);
		expect(result.x[0]).toBeCloseTo(2, 3);
		expect(result.x[1]).toBeCloseTo(0, 3);
	});
});
