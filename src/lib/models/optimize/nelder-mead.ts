/**
 * Derivative-free minimisation (Nelder–Mead), plus a wrapper for box bounds.
 *
 * Model likelihoods here are cheap to evaluate but awkward to differentiate and can be
 * undefined (→ +Infinity) in parts of the space, which suits a simplex method.
 * Step coefficients follow Gao & Han (2012), "Implementing the Nelder-Mead simplex algorithm
 * with adaptive parameters": they equal the classic 1 / 2 / ½ / ½ in two dimensions and keep
 * the simplex from collapsing prematurely in higher dimensions.
 */

export type Objective = (x: number[]) => number;

export interface NelderMeadOptions {
	/** Initial simplex edge per coordinate (number or one per coordinate). Default: 5% of |x0|, 0.00025 for zeros. */
	step?: number | number[];
	/** Stop when (f_worst − f_best) ≤ ftol·(|f_best| + ftol) (default 1e-8, R's optim reltol)… */
	ftol?: number;
	/**
	 * …and no vertex is farther than xtol from the best in any coordinate. Default Infinity:
	 * like R's optim, only function values decide, since a simplex creeping towards an optimum
	 * at infinity (a parameter on its bound, after transformation) never becomes small.
	 */
	xtol?: number;
	maxEvaluations?: number;
	/** Extra runs started from the best point: a cheap guard against a simplex stalled on a ridge. */
	restarts?: number;
}

export interface MinimizeResult {
	x: number[];
	value: number;
	evaluations: number;
	converged: boolean;
}

const finiteOrInf = (v: number): number => (Number.isNaN(v) ? Infinity : v);

function defaultSteps(x0: number[], step: number | number[] | undefined): number[] {
	if (Array.isArray(step)) {
		if (step.length !== x0.length) throw new RangeError('nelderMead: step length must match x0');
		return step;
	}
	if (typeof step === 'number') return x0.map(() => step);
	return x0.map((v) => (v !== 0 ? 0.05 * Math.abs(v) : 0.00025));
}

/** Largest coordinate distance of any vertex from the best one. */
function simplexSize(simplex: number[][], best: number): number {
	let size = 0;
	for (let i = 0; i < simplex.length; i++) {
		if (i === best) continue;
		for (let j = 0; j < simplex[i].length; j++) size = Math.max(size, Math.abs(simplex[i][j] - simplex[best][j]));
	}
	return size;
}

function runOnce(
	f: Objective,
	x0: number[],
	steps: number[],
	ftol: number,
	xtol: number,
	maxEvaluations: number
): MinimizeResult {
	const n = x0.length;
	const alpha = 1;
	const gamma = n > 1 ? 1 + 2 / n : 2;
	const rho = n > 1 ? 0.75 - 1 / (2 * n) : 0.5;
	const sigma = n > 1 ? 1 - 1 / n : 0.5;

	let evaluations = 0;
	const evaluate = (x: number[]): number => {
		evaluations++;
		return finiteOrInf(f(x));
	};

	const simplex: number[][] = [x0.slice()];
	for (let i = 0; i < n; i++) {
		const v = x0.slice();
		v[i] += steps[i];
		simplex.push(v);
	}
	const values = simplex.map(evaluate);
	const order = Array.from({ length: n + 1 }, (_, i) => i);
	const centroid = new Array<number>(n);
	const trial = (from: number[], towards: number[], coef: number): number[] => {
		const out = new Array<number>(n);
		for (let j = 0; j < n; j++) out[j] = from[j] + coef * (towards[j] - from[j]);
		return out;
	};

	let converged = false;
	while (evaluations < maxEvaluations) {
		order.sort((a, b) => values[a] - values[b]);
		const best = order[0];
		const worst = order[n];
		const secondWorst = order[n - 1];

		const fBest = values[best];
		const fWorst = values[worst];
		if (Number.isFinite(fWorst) && fWorst - fBest <= ftol * (Math.abs(fBest) + ftol) && simplexSize(simplex, best) <= xtol) {
			converged = true;
			break;
		}

		centroid.fill(0);
		for (let k = 0; k < n; k++) {
			const p = simplex[order[k]];
			for (let j = 0; j < n; j++) centroid[j] += p[j] / n;
		}

		// Reflection is written as a move from the worst vertex through the centroid.
		const xr = trial(centroid, simplex[worst], -alpha);
		const fr = evaluate(xr);
		if (fr < fBest) {
			const xe = trial(centroid, simplex[worst], -alpha * gamma);
			const fe = evaluate(xe);
			if (fe < fr) {
				simplex[worst] = xe;
				values[worst] = fe;
			} else {
				simplex[worst] = xr;
				values[worst] = fr;
			}
			continue;
		}
		if (fr < values[secondWorst]) {
			simplex[worst] = xr;
			values[worst] = fr;
			continue;
		}
		const outside = fr < fWorst;
		const xc = outside ? trial(centroid, xr, rho) : trial(centroid, simplex[worst], rho);
		const fc = evaluate(xc);
		if (outside ? fc <= fr : fc < fWorst) {
			simplex[worst] = xc;
			values[worst] = fc;
			continue;
		}
		const xb = simplex[best];
		for (let i = 0; i <= n; i++) {
			if (i === best) continue;
			simplex[i] = trial(xb, simplex[i], sigma);
			values[i] = evaluate(simplex[i]);
		}
	}

	let bestIdx = 0;
	for (let i = 1; i <= n; i++) if (values[i] < values[bestIdx]) bestIdx = i;
	return { x: simplex[bestIdx], value: values[bestIdx], evaluations, converged };
}

/** Unconstrained Nelder–Mead minimisation. NaN objective values are treated as +Infinity. */
export function nelderMead(f: Objective, x0: number[], options: NelderMeadOptions = {}): MinimizeResult {
	if (x0.length === 0) throw new RangeError('nelderMead: x0 must not be empty');
	if (!x0.every(Number.isFinite)) throw new RangeError('nelderMead: x0 must be finite');
	const ftol = options.ftol ?? 1e-8;
	const xtol = options.xtol ?? Infinity;
	const maxEvaluations = options.maxEvaluations ?? 200 * x0.length;
	const steps = defaultSteps(x0, options.step);

	let result = runOnce(f, x0, steps, ftol, xtol, maxEvaluations);
	let evaluations = result.evaluations;
	for (let r = 0; r < (options.restarts ?? 0) && evaluations < maxEvaluations; r++) {
		const next = runOnce(f, result.x, steps, ftol, xtol, maxEvaluations - evaluations);
		evaluations += next.evaluations;
		const improved = next.value < result.value;
		if (improved) result = next;
		if (!improved || result.value === -Infinity) break;
	}
	return { ...result, evaluations };
}

/**
 * Box-bounded minimisation by change of variables (the MINUIT transformations), so the simplex
 * never leaves the box: both bounds → x = lo + (hi − lo)·(sin u + 1)/2, one bound →
 * x = lo − 1 + √(u² + 1) (mirrored for an upper bound), none → identity. Use ±Infinity for
 * "no bound". Unlike a logistic map these have no flat tails, where a simplex could stall far
 * from an interior optimum; an optimum on a bound is reached exactly.
 * Default initial step (in u): 0.5 with two bounds, max(5% of |u0|, 0.1) with one, else as nelderMead.
 */
export function minimizeBounded(
	f: Objective,
	x0: number[],
	lower: number[],
	upper: number[],
	options: NelderMeadOptions = {}
): MinimizeResult {
	const n = x0.length;
	if (lower.length !== n || upper.length !== n) throw new RangeError('minimizeBounded: bounds length must match x0');
	for (let i = 0; i < n; i++) {
		if (!(lower[i] < upper[i])) throw new RangeError(`minimizeBounded: empty interval for coordinate ${i}`);
	}

	// 0: free, 1: lower only, 2: upper only, 3: both.
	const kind = lower.map((lo, i) => (Number.isFinite(lo) ? 1 : 0) + (Number.isFinite(upper[i]) ? 2 : 0));
	const toBox = (u: number[]): number[] => {
		const x = new Array<number>(n);
		for (let i = 0; i < n; i++) {
			const k = kind[i];
			if (k === 3) x[i] = lower[i] + ((upper[i] - lower[i]) * (Math.sin(u[i]) + 1)) / 2;
			else if (k === 1) x[i] = lower[i] - 1 + Math.sqrt(u[i] * u[i] + 1);
			else if (k === 2) x[i] = upper[i] + 1 - Math.sqrt(u[i] * u[i] + 1);
			else x[i] = u[i];
		}
		return x;
	};
	const fromBox = (x: number[]): number[] =>
		x.map((xi, i) => {
			const lo = lower[i];
			const hi = upper[i];
			if (kind[i] === 3) return Math.asin(Math.min(1, Math.max(-1, (2 * (xi - lo)) / (hi - lo) - 1)));
			if (kind[i] === 1) return Math.sqrt(Math.max(0, (xi - lo + 1) ** 2 - 1));
			if (kind[i] === 2) return Math.sqrt(Math.max(0, (hi - xi + 1) ** 2 - 1));
			return xi;
		});

	const u0 = fromBox(x0);
	const step =
		options.step ??
		u0.map((ui, i) => {
			if (kind[i] === 3) return 0.5;
			// Near a single bound x moves like u²/2, so a tiny step would barely move it.
			if (kind[i] !== 0) return Math.max(0.05 * Math.abs(ui), 0.1);
			return ui !== 0 ? 0.05 * Math.abs(ui) : 0.00025;
		});
	const result = nelderMead((u) => f(toBox(u)), u0, { ...options, step });
	return { ...result, x: toBox(result.x) };
}
