/**
 * Quasi-Newton minimisation (BFGS) for smooth objectives. From a reasonable start it needs far
 * fewer evaluations than a simplex, and after a derivative-free search has found the basin it
 * polishes the optimum: the simplex crawls over the last digits of ill-conditioned likelihoods,
 * while BFGS converges superlinearly once it is close.
 */
import type { MinimizeResult, Objective } from './nelder-mead';

export interface ValueAndGradient {
	value: number;
	gradient: number[];
}

export type DifferentiableObjective = (x: number[]) => ValueAndGradient;

export interface BfgsOptions {
	/** Converged when every gradient component is at most this in absolute value. Default 1e-8. */
	gradientTolerance?: number;
	maxIterations?: number;
	/**
	 * The objective's value alone, when that is much cheaper than value and gradient (a numerical
	 * gradient): shortened line-search steps that are rejected then cost one value each.
	 */
	value?: (x: number[]) => number;
	/** Ends the search at an accepted point for which this returns true; `from` is the point before the step. */
	stop?: (x: number[], value: number, from: { x: number[]; value: number }) => boolean;
	/** The objective and gradient at x0, when the caller has evaluated them already. */
	start?: ValueAndGradient;
}

export interface BfgsResult extends MinimizeResult {
	iterations: number;
	gradient: number[];
}

/**
 * Central-difference gradient, for objectives without an analytic one. The default step
 * h ≈ ∛ε balances truncation O(h²) against rounding O(ε/h); it is taken relative to |xᵢ|
 * so coordinates of any magnitude get a usable difference.
 */
export function withNumericGradient(f: Objective, relativeStep = 6e-6): DifferentiableObjective {
	return (x) => {
		const gradient = x.map((xi, i) => {
			const h = relativeStep * Math.max(1, Math.abs(xi));
			const up = x.slice();
			const down = x.slice();
			up[i] = xi + h;
			down[i] = xi - h;
			return (f(up) - f(down)) / (up[i] - down[i]);
		});
		return { value: f(x), gradient };
	};
}

const dot = (u: readonly number[], v: readonly number[]): number => u.reduce((s, ui, i) => s + ui * v[i], 0);
const maxAbs = (v: readonly number[]): number => v.reduce((m, vi) => Math.max(m, Math.abs(vi)), 0);
const identity = (n: number, scale: number): number[][] =>
	Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)));

const ARMIJO = 1e-4;
const MIN_STEP = 1e-12;

/**
 * BFGS with a backtracking (Armijo) line search on the inverse-Hessian approximation.
 * Non-finite objective values count as "too far" and shorten the step, so an objective may
 * return +Infinity outside its domain. Updates that would break positive definiteness
 * (sᵀy ≤ 0) are skipped.
 */
export function bfgs(fg: DifferentiableObjective, x0: number[], options: BfgsOptions = {}): BfgsResult {
	const n = x0.length;
	if (n === 0) throw new RangeError('bfgs: x0 must not be empty');
	const gradientTolerance = options.gradientTolerance ?? 1e-8;
	const maxIterations = options.maxIterations ?? 200;

	let evaluations = 1;
	let x = x0.slice();
	let { value, gradient } = options.start ?? fg(x);
	if (!Number.isFinite(value) || !gradient.every(Number.isFinite)) {
		throw new RangeError('bfgs: objective and gradient must be finite at x0');
	}
	let h = identity(n, 1);
	let scaled = false;
	let iterations = 0;

	while (iterations < maxIterations && maxAbs(gradient) > gradientTolerance) {
		iterations++;
		let direction = h.map((row) => -dot(row, gradient));
		let slope = dot(gradient, direction);
		if (!(slope < 0)) {
			// Lost the descent property (rounding in H): fall back to steepest descent.
			h = identity(n, 1);
			direction = gradient.map((g) => -g);
			slope = -dot(gradient, gradient);
		}

		let step = 1;
		let next: ValueAndGradient | null = null;
		let xNext = x;
		while (step >= MIN_STEP) {
			xNext = x.map((xi, i) => xi + step * direction[i]);
			// The full step is usually taken: only shorter ones, tried after a rejection, start with the value alone.
			const trialValue = step === 1 ? undefined : options.value?.(xNext);
			if (trialValue !== undefined) evaluations++;
			const decreases = (v: number): boolean => v < value && v <= value + ARMIJO * step * slope;
			if (trialValue === undefined || decreases(trialValue)) {
				const trial = fg(xNext);
				evaluations++;
				if (decreases(trial.value) && trial.gradient.every(Number.isFinite)) {
					next = trial;
					break;
				}
			}
			step /= 2;
		}
		if (next === null) break; // no decrease representable in floating point: at the optimum to machine precision

		const s = xNext.map((xi, i) => xi - x[i]);
		const y = next.gradient.map((gi, i) => gi - gradient[i]);
		const sy = dot(s, y);
		const from = { x, value };
		x = xNext;
		value = next.value;
		gradient = next.gradient;
		if (options.stop?.(x, value, from)) break;
		if (sy <= 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) continue;
		if (!scaled) {
			// Nocedal & Wright (6.20): match the initial inverse Hessian to the observed curvature.
			h = identity(n, sy / dot(y, y));
			scaled = true;
		}
		const hy = h.map((row) => dot(row, y));
		const yhy = dot(y, hy);
		const rho = 1 / sy;
		for (let i = 0; i < n; i++) {
			for (let j = 0; j < n; j++) {
				h[i][j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
			}
		}
	}

	return { x, value, gradient, evaluations, iterations, converged: maxAbs(gradient) <= gradientTolerance };
}
