import { describe, expect, it } from 'vitest';
import { maximiseLogLikelihood } from '../../../src/lib/models/clv/mle';
import { bfgs, withNumericGradient, type DifferentiableObjective } from '../../../src/lib/models/optimize/bfgs';

const rosenbrock: DifferentiableObjective = ([x, y]) => ({
	value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
	gradient: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]
});

describe('bfgs', () => {
	it('finds the Rosenbrock minimum with an analytic gradient', () => {
		const result = bfgs(rosenbrock, [-1.2, 1]);
		expect(result.converged).toBe(true);
		expect(result.x[0]).toBeCloseTo(1, 6);
		expect(result.x[1]).toBeCloseTo(1, 6);
		expect(result.iterations).toBeLessThan(100);
	});

	it('finds the Rosenbrock minimum with a central-difference gradient', () => {
		const result = bfgs(withNumericGradient((x) => rosenbrock(x).value), [-1.2, 1], { gradientTolerance: 1e-6 });
		expect(result.converged).toBe(true);
		expect(result.x[0]).toBeCloseTo(1, 5);
		expect(result.x[1]).toBeCloseTo(1, 5);
	});

	it('minimises an ill-conditioned quadratic exactly', () => {
		const scales = [1, 1e2, 1e4, 1e6];
		const f: DifferentiableObjective = (x) => ({
			value: x.reduce((s, xi, i) => s + 0.5 * scales[i] * (xi - i) ** 2, 0),
			gradient: x.map((xi, i) => scales[i] * (xi - i))
		});
		const result = bfgs(f, [5, 5, 5, 5], { gradientTolerance: 1e-9 });
		expect(result.converged).toBe(true);
		result.x.forEach((xi, i) => expect(xi).toBeCloseTo(i, 9));
	});

	it('backs off from points where the objective is +Infinity', () => {
		// ln-barrier at x > 0 whose unconstrained step from x0 overshoots into x ≤ 0.
		const f: DifferentiableObjective = ([x]) =>
			x > 0 ? { value: x - 2 * Math.log(x), gradient: [1 - 2 / x] } : { value: Infinity, gradient: [0] };
		const result = bfgs(f, [0.1]);
		expect(result.converged).toBe(true);
		expect(result.x[0]).toBeCloseTo(2, 7);
	});

	it('reports non-convergence when the iteration budget runs out', () => {
		const result = bfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
		expect(result.converged).toBe(false);
		expect(result.iterations).toBe(3);
	});

	it('rejects a start where the objective is not finite', () => {
		expect(() => bfgs(() => ({ value: NaN, gradient: [0] }), [0])).toThrow(RangeError);
	});

	it('takes the value and gradient at the start from the caller without evaluating them again', () => {
		const points: number[][] = [];
		const counted: DifferentiableObjective = (x) => (points.push(x), rosenbrock(x));
		const plain = bfgs(rosenbrock, [-1.2, 1]);
		const given = bfgs(counted, [-1.2, 1], { start: rosenbrock([-1.2, 1]) });
		expect(given).toEqual(plain);
		expect(points.length).toBe(plain.evaluations - 1);
		expect(points.some(([x, y]) => x === -1.2 && y === 1)).toBe(false);
	});
});

describe('withNumericGradient', () => {
	it('matches the analytic gradient', () => {
		const numeric = withNumericGradient((x) => rosenbrock(x).value)([0.3, -0.7]);
		const exact = rosenbrock([0.3, -0.7]);
		expect(numeric.value).toBe(exact.value);
		numeric.gradient.forEach((g, i) => expect(g).toBeCloseTo(exact.gradient[i], 6));
	});
});

describe('maximiseLogLikelihood', () => {
	// Concave quadratic with its peak at (1, −2); undefined (NaN) left of u₀ = 0.25.
	const ll = (u: readonly number[], gradient?: number[]): number => {
		if (u[0] < 0.25) return NaN;
		if (gradient) {
			gradient[0] = -2 * (u[0] - 1);
			gradient[1] = -6 * (u[1] + 2);
		}
		return -((u[0] - 1) ** 2) - 3 * (u[1] + 2) ** 2;
	};

	it('polishes with BFGS from a good start', () => {
		const best = maximiseLogLikelihood(ll, [0.5, 0], 1);
		expect(best.converged).toBe(true);
		expect(best.logParams[0]).toBeCloseTo(1, 7);
		expect(best.logParams[1]).toBeCloseTo(-2, 7);
	});

	it('evaluates the likelihood once at its start, with the gradient', () => {
		const atStart: boolean[] = [];
		const counted = (u: readonly number[], gradient?: number[]): number => {
			if (u[0] === 0.5 && u[1] === 0) atStart.push(gradient !== undefined);
			return ll(u, gradient);
		};
		expect(maximiseLogLikelihood(counted, [0.5, 0], 1)).toEqual(maximiseLogLikelihood(ll, [0.5, 0], 1));
		expect(atStart).toEqual([true]);
	});

	it('falls back to Nelder–Mead when the likelihood is undefined at the start', () => {
		const best = maximiseLogLikelihood(ll, [0, 0], 1);
		expect(best.converged).toBe(true);
		expect(best.logParams[0]).toBeCloseTo(1, 7);
		expect(best.logParams[1]).toBeCloseTo(-2, 7);
		expect(best.logLikelihood).toBeCloseTo(0, 12);
	});

	it('reports failure when the likelihood is nowhere finite', () => {
		const best = maximiseLogLikelihood(() => NaN, [0, 0], 10);
		expect(best.converged).toBe(false);
		expect(best.logLikelihood).toBe(-Infinity);
	});
});
