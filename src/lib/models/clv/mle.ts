import { bfgs, type BfgsResult, type ValueAndGradient } from '../optimize/bfgs';
import { nelderMead } from '../optimize/nelder-mead';

/** Log-likelihood of log-parameters; fills ∂ℓ/∂ ln θ into `gradient` when given. */
export type LogLikelihood = (logParams: readonly number[], gradient?: number[]) => number;

export interface MaximumLikelihood {
	logParams: number[];
	logLikelihood: number;
	converged: boolean;
}

/**
 * The search box on the log scale (θ in [e^-20, e^20] ≈ [2e-9, 5e8]). Far beyond any sensible
 * value of the (rescaled) model parameters; it only stops the optimiser chasing a likelihood that
 * keeps improving towards 0 or ∞, which callers then report as a degenerate fit.
 */
const LOG_PARAM_LIMIT = 20;

// Gradients are per customer (see below). BFGS aims for TARGET; rounding in sums over thousands of
// customers leaves a floor of a few 1e-9, where the line search can no longer decrease the objective
// and BFGS stops early. ACCEPTED still pins every log-parameter to ~1e-4 even along the flattest
// direction seen in practice (curvature ~0.005 per customer for the drop-out parameters), far inside
// its statistical error, so such a stop counts as converged.
const TARGET_GRADIENT = 1e-8;
const ACCEPTED_GRADIENT = 1e-6;
const STEPS_BEYOND_TO_STOP = 3;

// A step of at least FLAT_STEP in a log-parameter (10% in the parameter) that gains less than
// FLAT_GAIN nats over the whole data, FLAT_STEPS times in a row, walks a direction the data do not
// determine: its curvature is at most 2·FLAT_GAIN/FLAT_STEP² = 0.2 nats, a standard error of 2 or
// more in ln θ. The drop-out parameters heading for "nobody drops out" do this (Pareto/NBD's s → 0
// with β → ∞, BG/NBD's a → 0 with b → ∞): every point further on fits the data as well, to within a
// likelihood-ratio statistic of a few thousandths, and predicts the same (on Online Retail no
// customer's CLV moved by more than 6e-4 over the rest of such a walk). The search stops there
// rather than walk on for dozens of costly steps, and whether such a fit was accepted no longer
// depends on where rounding ended the walk, just inside or just beyond `degenerateBeyond`.
// Near an interior optimum the steps shrink well below FLAT_STEP first, so that search is unchanged.
const FLAT_STEP = 0.1;
const FLAT_GAIN = 1e-3;
const FLAT_STEPS = 2;

const accepted = (result: BfgsResult): boolean => result.gradient.every((g) => Math.abs(g) <= ACCEPTED_GRADIENT);

/**
 * Maximises a log-likelihood over log-parameters. BFGS with the analytic gradient goes first: from
 * a sensible start it needs ~25 evaluations where a simplex needs ~200, which is what keeps a
 * 100 000-customer fit within a second. If it does not converge (poor start, flat or degenerate
 * likelihood), a Nelder–Mead search with restarts — robust to both and to +∞ outside the box —
 * finds the basin and BFGS polishes the optimum from there, which the simplex alone reaches only
 * slowly. The objective is divided by the number of customers so the tolerances mean the same for
 * 100 or 100 000 customers.
 */
export function maximiseLogLikelihood(logLikelihood: LogLikelihood, start: number[], customers: number, options: { degenerateBeyond?: number } = {}): MaximumLikelihood {
	const inBox = (u: readonly number[]): boolean => u.every((v) => Math.abs(v) <= LOG_PARAM_LIMIT);
	const objective = (u: number[]): number => (inBox(u) ? -logLikelihood(u) / customers : Infinity);
	const { degenerateBeyond = Infinity } = options;
	const degenerate = (u: readonly number[]): boolean => u.some((v) => Math.abs(v) > degenerateBeyond);
	// A likelihood that improves towards a boundary of the parameter space keeps improving ever more
	// slowly along it (a Pareto/NBD with almost the same drop-out rate for everyone lets s and β grow
	// together for hundreds of costly steps). Once the search has moved on beyond `degenerateBeyond`
	// for several steps in a row, where the caller refuses the fit as degenerate, it stops there.
	let stepsBeyond = 0;
	const movedOnBeyond = (u: number[]): boolean => {
		stepsBeyond = degenerate(u) ? stepsBeyond + 1 : 0;
		return stepsBeyond >= STEPS_BEYOND_TO_STOP;
	};
	let flatSteps = 0;
	const walkedFlat = (u: readonly number[], value: number, from: { x: readonly number[]; value: number }): boolean => {
		const far = u.some((v, i) => Math.abs(v - from.x[i]) >= FLAT_STEP);
		flatSteps = far && (from.value - value) * customers < FLAT_GAIN ? flatSteps + 1 : 0;
		return flatSteps >= FLAT_STEPS;
	};
	// Both counters see every step: neither check may cut the other's count short.
	const stop = (u: number[], value: number, from: { x: readonly number[]; value: number }): boolean => {
		const beyond = movedOnBeyond(u);
		const flat = walkedFlat(u, value, from);
		return beyond || flat;
	};
	const withGradient = (u: number[]): ValueAndGradient => {
		const gradient = u.map(() => 0);
		if (!inBox(u)) return { value: Infinity, gradient };
		const value = -logLikelihood(u, gradient) / customers;
		return { value, gradient: gradient.map((g) => -g / customers) };
	};
	const polish = (from: number[]): BfgsResult | null => {
		stepsBeyond = 0;
		flatSteps = 0;
		// The likelihood's value does not depend on whether its gradient is asked for, so one evaluation
		// both checks the start and starts BFGS (a Pareto/NBD evaluation on 20 000 customers takes ~0.1 s).
		const start = withGradient(from);
		return Number.isFinite(start.value)
			? bfgs(withGradient, from, { gradientTolerance: TARGET_GRADIENT, maxIterations: 200, value: objective, stop, start })
			: null;
	};

	let best = polish(start);
	if (best && stepsBeyond >= STEPS_BEYOND_TO_STOP) return { logParams: best.x, logLikelihood: -best.value * customers, converged: false };
	if (best && flatSteps >= FLAT_STEPS) return { logParams: best.x, logLikelihood: -best.value * customers, converged: true };
	if (!best || !accepted(best)) {
		const coarse = nelderMead(objective, start, { step: 0.5, ftol: 1e-6, xtol: 1e-2, maxEvaluations: 2000, restarts: 2 });
		const polished = polish(coarse.x);
		if (polished && (!best || polished.value <= best.value)) best = polished;
	}
	if (!best) return { logParams: start, logLikelihood: -Infinity, converged: false };
	return { logParams: best.x, logLikelihood: -best.value * customers, converged: accepted(best) };
}
