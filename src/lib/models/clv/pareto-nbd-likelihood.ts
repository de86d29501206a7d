import { indexer, prepareBgnbd, type PreparedBgnbd } from './bgnbd-data';
import { digamma, hyp2f1, lgamma, logAddExp } from './special';
import type { CustomerSummary, ParetoNbdParams } from './types';

/**
 * ln J(t) + r ln α + s ln β for J(t) = ∫_t^∞ (α+τ)^−p (β+τ)^−q dτ, p = r+x, q = s+1, m = p+q−1
 * (Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model"). Their closed form is
 * (c+t)^−m/m · 2F1(m, ·; m+1; z) with c = max(α, β); that 2F1 grows like (1−z)^−(r+x) and
 * overflows for frequent buyers. Euler's transformation turns it into 2F1(1, ·; m+1; z), whose
 * series terms all shrink by less than z, with the diverging factor moved into logarithms:
 *   α ≥ β: J = (α+t)^−p (β+t)^−(q−1) / m · 2F1(1, p; m+1; (α−β)/(α+t))
 *   α < β: J = (β+t)^−q (α+t)^−(p−1) / m · 2F1(1, q; m+1; (β−α)/(β+t))
 * The likelihood's factor α^r β^s is taken in here, as r ln(α/(α+t)) and s ln(β/(β+t)): with a
 * large drop-out shape s (thousands, when customers drop out at much the same rate) s ln β and
 * s ln(β+t) are each far larger than their difference, and summed separately over thousands of
 * customers they would leave rounding noise large enough to mislead the optimiser's gradient.
 */
function logTailIntegral(params: ParetoNbdParams, x: number, t: number): number {
	const { r, alpha, s, beta } = params;
	return logTailIntegralFrom(params, x, t, Math.log(alpha + t), Math.log1p(t / alpha), Math.log1p(t / beta), Math.log(beta + t), Math.log(r + x + s));
}

/**
 * {@link logTailIntegral} from logarithms its caller shares between integrals: ln(α+t), ln(1+t/α),
 * ln(1+t/β) and ln(β+t) per time t, ln m per purchase count. With `slope` it writes ∂/∂ ln θ into
 * slope[at…at+3].
 */
function logTailIntegralFrom(params: ParetoNbdParams, x: number, t: number, logA: number, logRatioA: number, logRatioB: number, logB: number, logM: number, slope?: Float64Array, at = 0): number {
	const { r, alpha, s, beta } = params;
	const m = r + x + s;
	const A = alpha + t;
	const B = beta + t;
	const alphaSide = alpha >= beta;
	// 2F1(1, b; c; z) with 1 − z from its own ratio: z is within 1e-6 of 1 when one scale dwarfs the
	// other, and 1 − z by subtraction would keep only ten digits of it.
	const b = alphaSide ? r + x : s + 1;
	const c = m + 1;
	const z = alphaSide ? (alpha - beta) / A : (beta - alpha) / B;
	const epsilon = alphaSide ? B / A : A / B;
	const scaled = -r * logRatioA - s * logRatioB - logM;
	const outside = alphaSide ? scaled - x * logA : scaled - logB - (x - 1) * logA;
	if (!slope) return outside + logHyp2f1OneB(b, c, z, epsilon);
	const h = SLOPES;
	const logF = logHyp2f1OneB(b, c, z, epsilon, h);
	if (!h.known) {
		// Central differences in ln θ of this one integral.
		for (let i = 0; i < 4; i++) {
			const up = logTailIntegral(scaledParam(params, i, STEP_UP), x, t);
			const down = logTailIntegral(scaledParam(params, i, STEP_DOWN), x, t);
			slope[at + i] = (up - down) / (2 * STEP);
		}
		return outside + logF;
	}
	const value = outside + logF;
	// ∂/∂θ of the terms outside 2F1, then through b, c = r+x+s+1, z and ε.
	const dr = -logRatioA - 1 / m + h.c + (alphaSide ? h.b : 0);
	const ds = -logRatioB - 1 / m + h.c + (alphaSide ? 0 : h.b);
	let da = (r * t) / (alpha * A);
	let db = (s * t) / (beta * B);
	if (alphaSide) {
		da += -x / A + ((h.z - h.epsilon) * B) / (A * A);
		db += (h.epsilon - h.z) / A;
	} else {
		da += -(x - 1) / A + (h.epsilon - h.z) / B;
		db += -1 / B + ((h.z - h.epsilon) * A) / (B * B);
	}
	slope[at] = dr * r;
	slope[at + 1] = da * alpha;
	slope[at + 2] = ds * s;
	slope[at + 3] = db * beta;
	return value;
}

/** The parameters with the i-th (r, α, s, β) multiplied by `factor`. */
function scaledParam({ r, alpha, s, beta }: ParetoNbdParams, i: number, factor: number): ParetoNbdParams {
	if (i === 0) return { r: r * factor, alpha, s, beta };
	if (i === 1) return { r, alpha: alpha * factor, s, beta };
	if (i === 2) return { r, alpha, s: s * factor, beta };
	return { r, alpha, s, beta: beta * factor };
}

// Up to this z the plain series needs at most a few hundred terms.
const PLAIN_SERIES_LIMIT = 0.9;
// The z → 1−z connection formula has two terms that grow like 1/(k − integer) and cancel: keep
// k this far from an integer, so at most about a digit and a half is lost.
const MIN_DISTANCE_FROM_INTEGER = 0.05;
const MAX_CANCELLATION = 1e-3;

// Above this c the general 2F1's continuation towards z = 1 needs about 2c steps per call or more (a drop-out
// shape s drifting to tens of thousands while the optimiser searches made one fit take minutes).
const LARGE_C = 500;
// Where the connection formula does not apply, the quadrature replaces the continuation from this c
// on: with its left tail in closed form it agrees with 2F1 to ~1e-13 (relative to max(1, |ln F|))
// for any c above 1.5 (checked against 30-digit values), in a few µs a call where the continuation
// takes 40–150 µs. It was 50: a fit's drop-out shape s passing through 2–50 made whole evaluations slow.
// Then 2: with r near 1 (k = r + x near a whole number, where the formula does not apply) every
// customer without repeat purchases (c = r + s + 1 just under 2) took the continuation, and an
// evaluation 10–35 times as long (Online Retail from 2011-06-01, r = 0.98).
const QUADRATURE_FROM_C = 1.5;
const QUADRATURE_STEP = 0.25;
const QUADRATURE_LOWEST = -120;
const QUADRATURE_TO = 4;
// The integrand (in ln w) rises like w up to its peak, near w = 1 or 1/(a(k−1)) with a = z/((c−1)(1−z)).
// Nodes where w·max(1 + ka, a) ≤ e^−12 are summed in closed form (see {@link logHyp2f1OneBLargeC}),
// those above one by one: about 60 nodes a call instead of 180 or more.
const QUADRATURE_SERIES_BELOW = -12;

/** The quadrature's nodes u and e^u, the same for every call (each call sums its own range). */
const QUADRATURE_U: number[] = [];
for (let u = QUADRATURE_LOWEST; u <= QUADRATURE_TO; u += QUADRATURE_STEP) QUADRATURE_U.push(u);
const QUADRATURE_W = QUADRATURE_U.map((u) => Math.exp(u));
/** u − w of each node, the part of its term's logarithm that no parameter changes. */
const QUADRATURE_U_MINUS_W = QUADRATURE_U.map((u, i) => -QUADRATURE_W[i] + u);
const STEP_RATIO = Math.exp(-QUADRATURE_STEP);
/** Σ_{j≥1} e^(−j·m·STEP) for m = 1, 2, 3: the node sums below the first node summed one by one, per power of its w. */
const GEOMETRIC = [1, 2, 3].map((m) => STEP_RATIO ** m / (1 - STEP_RATIO ** m));
/** Scratch for one call's terms (calls never overlap). */
const LOG_TERMS = new Float64Array(QUADRATURE_U.length);
const TERMS = new Float64Array(QUADRATURE_U.length);
const BASES = new Float64Array(QUADRATURE_U.length);
const LOG_BASES = new Float64Array(QUADRATURE_U.length);

/**
 * e^(−w/(c−1)) − 1 at every node, per c. Within one likelihood evaluation c = r+x+s+1 takes one
 * value per purchase count x, shared by the integrals of every customer with that count.
 */
const shrinksByC = new Map<number, Float64Array>();
const SHRINK_CACHE_SIZE = 256;

let lastShrinks: { c: number; shrinks: Float64Array } | null = null;

function nodeShrinks(c: number): Float64Array {
	// Consecutive integrals mostly share their purchase count, and so c.
	if (lastShrinks?.c === c) return lastShrinks.shrinks;
	let shrinks = shrinksByC.get(c);
	if (!shrinks) {
		if (shrinksByC.size >= SHRINK_CACHE_SIZE) shrinksByC.clear();
		const inverse = 1 / (c - 1);
		shrinks = Float64Array.from(QUADRATURE_W, (w) => Math.expm1(-w * inverse));
		shrinksByC.set(c, shrinks);
	}
	lastShrinks = { c, shrinks };
	return shrinks;
}

/**
 * ∂ ln 2F1(1, b; c; z) / ∂b, ∂c, ∂z and ∂ε, with z and ε = 1 − z taken as separate arguments;
 * `known` is false where {@link logHyp2f1OneB} has no derivative of its own (the general 2F1).
 */
export interface Slopes {
	known: boolean;
	b: number;
	c: number;
	z: number;
	epsilon: number;
}

/** Scratch for one integral's {@link Slopes} (calls never overlap). */
const SLOPES: Slopes = { known: false, b: 0, c: 0, z: 0, epsilon: 0 };

/** Whether {@link logHyp2f1OneB} integrates numerically. */
function byQuadrature(b: number, c: number, z: number, epsilon: number): boolean {
	if (z <= PLAIN_SERIES_LIMIT) return false;
	return c > LARGE_C || (c > QUADRATURE_FROM_C && !connectionApplies(b, c, epsilon));
}

/** Whether the z → 1−z connection formula may be tried (see {@link logHyp2f1OneB}). */
const connectionApplies = (b: number, c: number, epsilon: number): boolean => Math.abs(c - b - Math.round(c - b)) >= MIN_DISTANCE_FROM_INTEGER && b * epsilon <= 1;

/**
 * ln 2F1(1, b; c; z) for large c, from the incomplete-beta form of 2F1(1, b; c; z) with t = z·e^(−w/(c−1)):
 *   F = (1−z)^(k−1) ∫_0^∞ e^(−w) (1 − z·e^(−w/(c−1)))^(−k) dw,   k = c − b,
 * integrated by the trapezoid rule in ln w (w = e^u), which converges geometrically for this
 * integrand (its singularity lies at Im u = π) and is smooth in the parameters. With `slopes` it
 * also differentiates the same sum, term by term: the likelihood's gradient then costs about one
 * more evaluation instead of eight.
 *
 * The rule's nodes run down to u = −∞. Far below the peak, with ε = 1 − z, a = z/((c−1)ε) and
 * ρ = a·w − a·w²/(2(c−1)) + O(w³) (so that 1 − z·e^(−w/(c−1)) = ε(1+ρ)), a node's term is
 *   w·ε^(−k)·e^(−w − k ln(1+ρ)) = ε^(−k)·w·(1 − γw + (γ²/2 + λ)w² + O(w³)),
 *   γ = 1 + ka,  λ = ka(a + 1/(c−1))/2,
 * and the nodes below w₀ (w = w₀e^(−j·STEP), j ≥ 1) sum in closed form to ε^(−k)(S₁ − γS₂ + (γ²/2+λ)S₃)
 * with S_m = w₀^m Σ_j e^(−j·m·STEP), a geometric series. With w₀·max(γ, a) ≤ e^−12 the O(w³) left out
 * is below e^−36 of those nodes' sum, itself below e^−10 of the whole; the derivatives' sums over
 * the same nodes are expanded alike.
 */
function logHyp2f1OneBLargeC(b: number, c: number, z: number, epsilon: number, slopes?: Slopes): number {
	const k = c - b;
	const inverse = 1 / (c - 1);
	const a = (z * inverse) / epsilon;
	const gamma = 1 + k * a;
	const first = Math.max(0, Math.ceil((QUADRATURE_SERIES_BELOW - Math.log(Math.max(gamma, a)) - QUADRATURE_LOWEST) / QUADRATURE_STEP));
	const shrinks = nodeShrinks(c);
	const logEpsilon = Math.log(epsilon);
	let sum = 0;
	for (let i = first; i < LOG_TERMS.length; i++) {
		// 1 − z·e^(−w/(c−1)) without cancellation.
		const base = epsilon - z * shrinks[i];
		LOG_BASES[i] = Math.log(base);
		LOG_TERMS[i] = QUADRATURE_U_MINUS_W[i] - k * LOG_BASES[i];
		TERMS[i] = Math.exp(LOG_TERMS[i]);
		BASES[i] = base;
		sum += TERMS[i];
	}
	// The nodes below `first`, per unit of ε^(−k): S_m as above, and the expansion of their sum.
	const w0 = QUADRATURE_W[first];
	const s1 = w0 * GEOMETRIC[0];
	const s2 = w0 * w0 * GEOMETRIC[1];
	const s3 = w0 * w0 * w0 * GEOMETRIC[2];
	const lambda = (k * a * (a + inverse)) / 2;
	const tail = s1 - gamma * s2 + (gamma * gamma / 2 + lambda) * s3;
	const logTailScale = -k * logEpsilon;
	let tailScale = Math.exp(logTailScale);
	sum += tailScale * tail;
	let log: number;
	if (sum > 0 && Number.isFinite(sum)) log = Math.log(sum * QUADRATURE_STEP);
	else {
		// A large k with a small 1 − z overflows e^(−k ln base) (the (1−z)^(k−1) in front brings it back):
		// the same sum relative to its largest term.
		let top = logTailScale + Math.log(tail);
		for (let i = first; i < LOG_TERMS.length; i++) top = Math.max(top, LOG_TERMS[i]);
		tailScale = Math.exp(logTailScale - top);
		sum = tailScale * tail;
		for (let i = first; i < LOG_TERMS.length; i++) sum += TERMS[i] = Math.exp(LOG_TERMS[i] - top);
		log = top + Math.log(sum * QUADRATURE_STEP);
	}
	if (slopes) {
		// Each term's share of the sum weighs its derivative; the closed-form nodes' shares come first.
		const tailShare = tailScale / sum;
		let logBase = tailShare * (logEpsilon * tail + a * s2 - (a * gamma + (a * inverse + a * a) / 2) * s3);
		let overBase = (tailShare / epsilon) * (s1 - (gamma + a) * s2 + (gamma * gamma / 2 + lambda + a * gamma + (a * inverse) / 2 + a * a) * s3);
		let shrinkOverBase = (tailShare / epsilon) * (-inverse * s2 + (inverse * inverse / 2 + a * inverse + gamma * inverse) * s3);
		let cSlope = (tailShare / epsilon) * (s2 - (inverse + a + gamma) * s3);
		for (let i = first; i < TERMS.length; i++) {
			const share = TERMS[i] / sum;
			if (share === 0) continue;
			const base = BASES[i];
			logBase += share * LOG_BASES[i];
			overBase += share / base;
			shrinkOverBase += (share * shrinks[i]) / base;
			cSlope += (share * (1 + shrinks[i]) * QUADRATURE_W[i]) / base;
		}
		const kSlope = logEpsilon - logBase;
		slopes.known = true;
		slopes.b = -kSlope;
		slopes.c = kSlope + k * z * inverse * inverse * cSlope;
		slopes.z = k * shrinkOverBase;
		slopes.epsilon = (k - 1) / epsilon - k * overBase;
	}
	return (k - 1) * logEpsilon + log;
}

/**
 * Γ(c)Γ(1−k)/Γ(c−k), k = c − b, as its sign and the logarithm of its size, with that logarithm's
 * derivatives in b and c once asked for; the last one computed.
 */
let lastGammas = { b: NaN, c: NaN, sign: 0, log: 0, slopeB: NaN, slopeC: NaN };

/**
 * The gamma functions' factor of the connection formula in {@link logHyp2f1OneB}. It depends on
 * (b, c) only, which an evaluation's integrals share per purchase count, and consecutive integrals
 * mostly share their count: computing it once per count took a sixth of a Pareto/NBD fit's time
 * off (three `lgamma` per integral).
 */
function gammaFactor(b: number, c: number, withSlopes: boolean): { sign: number; log: number; slopeB: number; slopeC: number } {
	if (lastGammas.b !== b || lastGammas.c !== c) {
		const k = c - b;
		// Γ(1−k) by reflection when 1−k < 0: Γ(1−k) = π / (sin(πk) Γ(k)), sign from sin(πk).
		const sinPiK = Math.sin(Math.PI * k);
		const logGammaOneMinusK = k < 1 ? lgamma(1 - k) : Math.log(Math.PI / Math.abs(sinPiK)) - lgamma(k);
		lastGammas = { b, c, sign: k < 1 ? 1 : Math.sign(sinPiK), log: lgamma(c) - lgamma(c - k) + logGammaOneMinusK, slopeB: NaN, slopeC: NaN };
	}
	if (withSlopes && Number.isNaN(lastGammas.slopeB)) {
		const k = c - b;
		// ψ(1−k), by reflection (ψ(1−k) = ψ(k) + π cot(πk)) where 1−k ≤ 0; ∂ ln|Γ(1−k)| / ∂k = −ψ(1−k).
		const psiOneMinusK = k < 1 ? digamma(1 - k) : digamma(k) + Math.PI / Math.tan(Math.PI * k);
		lastGammas.slopeB = psiOneMinusK - digamma(b);
		lastGammas.slopeC = digamma(c) - psiOneMinusK;
	}
	return lastGammas;
}

/** A {@link seriesOneB} sum's derivatives in its b, c and argument w. */
interface SeriesSlopes {
	b: number;
	c: number;
	w: number;
}

/** Scratch for one series' {@link SeriesSlopes} (calls never overlap). */
const SERIES_SLOPES: SeriesSlopes = { b: 0, c: 0, w: 0 };

/**
 * The series Σ t_n of 2F1(1, b; c; w), t_0 = 1, t_{n+1} = t_n (b+n) w / (c+n), summed until a term
 * is below 1e-17 of the sum. With `slopes`, the sum's derivatives from the same terms:
 * ∂t_n/∂b = t_n Σ_{j<n} 1/(b+j), ∂t_n/∂c = −t_n Σ_{j<n} 1/(c+j), ∂t_n/∂w = n t_n / w.
 */
function seriesOneB(b: number, c: number, w: number, slopes?: SeriesSlopes): number {
	let term = 1;
	let sum = 1;
	let toB = 0;
	let toC = 0;
	let sumB = 0;
	let sumC = 0;
	let sumN = 0;
	for (let n = 0; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
		term *= ((b + n) * w) / (c + n);
		sum += term;
		if (slopes) {
			toB += 1 / (b + n);
			toC += 1 / (c + n);
			sumB += term * toB;
			sumC += term * toC;
			sumN += term * (n + 1);
		}
	}
	if (slopes) {
		slopes.b = sumB;
		slopes.c = -sumC;
		// At w = 0 the sum is 1 and its slope in w is its first coefficient b/c.
		slopes.w = w > 0 ? sumN / w : b / c;
	}
	return sum;
}

/**
 * ln 2F1(1, b; c; z) for c > b > 0 and 0 ≤ z < 1, with `epsilon` = 1 − z when the caller knows it
 * to more digits than the subtraction gives. The likelihood calls it twice per customer and per
 * evaluation, hence this special case of the general 2F1.
 * - z ≤ 0.9: the series, whose terms are all positive and each at most z times the one before.
 * - z near 1 (a drop-out or purchase rate scale far above the other and the data span, where the
 *   series would need up to millions of terms): with k = c−b, ε = 1−z (Abramowitz & Stegun 15.3.6)
 *     F = (c−1)/(k−1) · 2F1(1, b; 2−k; ε) + Γ(c)Γ(1−k)/Γ(c−k) · ε^(k−1) (1−ε)^(1−c),
 *   whose series in ε is short; used when k is not near an integer, b·ε ≤ 1 (beyond that the
 *   ε-series grows like e^(bε)) and the two terms, which can have opposite signs, do not cancel.
 * - for c above {@link LARGE_C}, or above {@link QUADRATURE_FROM_C} where that formula does not
 *   apply, the quadrature of {@link logHyp2f1OneBLargeC};
 * - otherwise the general 2F1, which continues the solution towards z = 1.
 */
export function logHyp2f1OneB(b: number, c: number, z: number, epsilon = 1 - z, slopes?: Slopes): number {
	const series = slopes ? SERIES_SLOPES : undefined;
	if (slopes) slopes.known = false;
	if (z <= PLAIN_SERIES_LIMIT) {
		const sum = seriesOneB(b, c, z, series);
		if (slopes) {
			slopes.known = true;
			slopes.b = SERIES_SLOPES.b / sum;
			slopes.c = SERIES_SLOPES.c / sum;
			slopes.z = SERIES_SLOPES.w / sum;
			slopes.epsilon = 0;
		}
		return Math.log(sum);
	}
	const k = c - b;
	if (byQuadrature(b, c, z, epsilon)) return logHyp2f1OneBLargeC(b, c, z, epsilon, slopes);
	if (!connectionApplies(b, c, epsilon)) return Math.log(hyp2f1(1, b, c, z));
	const g = seriesOneB(b, 2 - k, epsilon, series);
	const ratio = (c - 1) / (k - 1);
	const regular = ratio * g;
	const gammas = gammaFactor(b, c, slopes !== undefined);
	const logEpsilon = Math.log(epsilon);
	const logZ = Math.log1p(-epsilon);
	const singular = gammas.sign * Math.exp(gammas.log + (k - 1) * logEpsilon + (1 - c) * logZ);
	const sum = regular + singular;
	// The terms can have opposite signs; when they cancel to fewer than ~13 digits (or overflow), go the slow way.
	if (!(sum > MAX_CANCELLATION * (Math.abs(regular) + Math.abs(singular)))) return Math.log(hyp2f1(1, b, c, z));
	if (slopes) {
		// regular = (c−1)/(k−1)·G, G = 2F1(1, b; d; ε) with d = 2 − k = 2 − c + b (∂d/∂b = 1, ∂d/∂c = −1);
		// singular = ±e^L, L = ln|Γ(c)Γ(1−k)/Γ(b)| + (k−1) ln ε + (1−c) ln(1−ε).
		const overK = 1 / (k - 1);
		const regularB = ratio * overK * g + ratio * (SERIES_SLOPES.b + SERIES_SLOPES.c);
		const regularC = overK * g - ratio * overK * g - ratio * SERIES_SLOPES.c;
		const regularEpsilon = ratio * SERIES_SLOPES.w;
		slopes.known = true;
		slopes.b = (regularB + singular * (gammas.slopeB - logEpsilon)) / sum;
		slopes.c = (regularC + singular * (gammas.slopeC + logEpsilon - logZ)) / sum;
		slopes.z = 0;
		slopes.epsilon = (regularEpsilon + singular * ((k - 1) / epsilon - (1 - c) / (1 - epsilon))) / sum;
	}
	return Math.log(sum);
}

/**
 * Per customer, ln of α^r β^s times the bracket of the Pareto/NBD likelihood
 *   L = Γ(r+x)/Γ(r) · α^r β^s · [ (α+T)^−(r+x) (β+T)^−s + s·∫_{t_x}^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ ],
 * whose first term is "still alive at T" and whose integral is "dropped out at τ in (t_x, T]".
 * Returned with the alive term's share, which is P(alive | x, t_x, T).
 */
export function logBracket(params: ParetoNbdParams, x: number, tx: number, T: number): { log: number; alive: number } {
	const { r, alpha, s, beta } = params;
	const logAlive = aliveLog(r, s, x, Math.log1p(T / alpha), Math.log(alpha + T), Math.log1p(T / beta));
	if (T === tx) return { log: logAlive, alive: 1 };
	const log = bracketLog(logAlive, Math.log(s), logTailIntegral(params, x, tx), logTailIntegral(params, x, T));
	return { log, alive: Math.exp(logAlive - log) };
}

/** ln of the "alive at T" term of {@link logBracket}, from ln(1+T/α), ln(α+T) and ln(1+T/β). */
const aliveLog = (r: number, s: number, x: number, logRatioA: number, logA: number, logRatioB: number): number => -r * logRatioA - x * logA - s * logRatioB;

/** ln of the whole bracket of {@link logBracket} from its alive term, ln s and the scaled ln J(t_x) and ln J(T), for t_x < T. */
function bracketLog(logAlive: number, logS: number, fromLast: number, fromEnd: number): number {
	// J(t_x) − J(T) in log space: both are positive and J(T) ≤ J(t_x).
	const logDead = logS + fromLast + Math.log(-Math.expm1(Math.min(0, fromEnd - fromLast)));
	return logAddExp(logAlive, logDead);
}

/**
 * ln J(t) depends on a customer's x and on t (t_x or T) only, and many customers share those:
 * each distinct (x, t) is listed once so that an evaluation integrates it once. The logarithms of
 * α+t, 1+t/α, 1+t/β and β+t depend on t alone: each distinct t (of a pair or an age) is listed
 * once too.
 */
interface TailPairs {
	x: Float64Array;
	/** Per pair, its t's index in `times`. */
	time: Int32Array;
	/** Distinct times of the pairs and of the ages. */
	times: Float64Array;
	/** Per distinct age (index into the data's `ageValues`), its index in `times`. */
	ageTime: Int32Array;
	/** Per zero-repeat T index / per repeat row: the pairs for t_x and T (−1 when t_x = T). */
	zeroLast: Int32Array;
	zeroEnd: Int32Array;
	rowLast: Int32Array;
	rowEnd: Int32Array;
}

const tailPairsOf = new WeakMap<PreparedBgnbd, TailPairs>();

function tailPairs(data: PreparedBgnbd): TailPairs {
	const known = tailPairsOf.get(data);
	if (known) return known;
	const times = indexer();
	const index = new Map<string, number>();
	const xs: number[] = [];
	const pairTimes: number[] = [];
	const pair = (x: number, t: number): number => {
		const key = `${x} ${t}`;
		let i = index.get(key);
		if (i === undefined) {
			i = xs.length;
			index.set(key, i);
			xs.push(x);
			pairTimes.push(times.index(t));
		}
		return i;
	};
	const zeroLast = new Int32Array(data.zeroAgeIndex.length);
	const zeroEnd = new Int32Array(data.zeroAgeIndex.length);
	for (let i = 0; i < data.zeroAgeIndex.length; i++) {
		const T = data.ageValues[data.zeroAgeIndex[i]];
		zeroLast[i] = T === 0 ? -1 : pair(0, 0);
		zeroEnd[i] = T === 0 ? -1 : pair(0, T);
	}
	const rowLast = new Int32Array(data.rowX.length);
	const rowEnd = new Int32Array(data.rowX.length);
	for (let i = 0; i < data.rowX.length; i++) {
		const T = data.ageValues[data.rowAgeIndex[i]];
		const tx = data.recencyValues[data.rowRecencyIndex[i]];
		rowLast[i] = T === tx ? -1 : pair(data.rowX[i], tx);
		rowEnd[i] = T === tx ? -1 : pair(data.rowX[i], T);
	}
	const ageTime = Int32Array.from(data.ageValues, (T) => times.index(T));
	const pairs = { x: Float64Array.from(xs), time: Int32Array.from(pairTimes), times: Float64Array.from(times.values), ageTime, zeroLast, zeroEnd, rowLast, rowEnd };
	tailPairsOf.set(data, pairs);
	return pairs;
}

/**
 * The log-likelihood and, into `gradient` when given, its derivatives in ln θ: the closed-form parts
 * analytically, each ln J(t) by its own slope ({@link logTailIntegralFrom}).
 */
function preparedLogLikelihood(params: ParetoNbdParams, data: PreparedBgnbd, gradient?: number[]): number {
	const { r, alpha, s, beta } = params;
	const pairs = tailPairs(data);
	const n = pairs.times.length;
	const logA = new Float64Array(n);
	const logRatioA = new Float64Array(n);
	const logRatioB = new Float64Array(n);
	const logB = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const t = pairs.times[i];
		logA[i] = Math.log(alpha + t);
		logRatioA[i] = Math.log1p(t / alpha);
		logRatioB[i] = Math.log1p(t / beta);
		logB[i] = Math.log(beta + t);
	}
	const tails = new Float64Array(pairs.x.length);
	const slopes = gradient ? new Float64Array(4 * pairs.x.length) : undefined;
	let logM = 0;
	let logMOf = NaN;
	for (let j = 0; j < tails.length; j++) {
		const x = pairs.x[j];
		if (x !== logMOf) {
			logM = Math.log(r + x + s);
			logMOf = x;
		}
		const i = pairs.time[j];
		tails[j] = logTailIntegralFrom(params, x, pairs.times[i], logA[i], logRatioA[i], logRatioB[i], logB[i], logM, slopes, 4 * j);
	}
	let ll = -data.customers * lgamma(r);
	let dr = -data.customers * digamma(r);
	for (let i = 0; i < data.xValues.length; i++) {
		ll += data.xWeights[i] * lgamma(r + data.xValues[i]);
		if (gradient) dr += data.xWeights[i] * digamma(r + data.xValues[i]);
	}
	const g = [dr * r, 0, 0, 0];
	const logS = Math.log(s);
	const aliveSlope = new Float64Array(4);
	const add = (weight: number, x: number, age: number, last: number, end: number): void => {
		const i = pairs.ageTime[age];
		const T = pairs.times[i];
		const logAlive = aliveLog(r, s, x, logRatioA[i], logA[i], logRatioB[i]);
		const atEnd = last < 0;
		const log = atEnd ? logAlive : bracketLog(logAlive, logS, tails[last], tails[end]);
		ll += weight * log;
		if (!slopes) return;
		aliveSlope[0] = -r * logRatioA[i];
		aliveSlope[1] = (r * T - x * alpha) / (alpha + T);
		aliveSlope[2] = -s * logRatioB[i];
		aliveSlope[3] = (s * T) / (beta + T);
		if (atEnd) {
			for (let k = 0; k < 4; k++) g[k] += weight * aliveSlope[k];
			return;
		}
		const alive = Math.exp(logAlive - log);
		// ln(s·(J(t_x) − J(T))) = ln s + ln J(t_x) + ln(1 − e^d), d = ln J(T) − ln J(t_x).
		const d = Math.min(0, tails[end] - tails[last]);
		const gap = d < 0 ? Math.exp(d) / Math.expm1(d) : 0;
		for (let k = 0; k < 4; k++) {
			const fromLast = slopes[4 * last + k];
			const deadSlope = (k === 2 ? 1 : 0) + fromLast + gap * (slopes[4 * end + k] - fromLast);
			g[k] += weight * (alive * aliveSlope[k] + (1 - alive) * deadSlope);
		}
	};
	for (let i = 0; i < data.zeroAgeIndex.length; i++) add(data.zeroWeights[i], 0, data.zeroAgeIndex[i], pairs.zeroLast[i], pairs.zeroEnd[i]);
	for (let i = 0; i < data.rowX.length; i++) add(data.rowWeights[i], data.rowX[i], data.rowAgeIndex[i], pairs.rowLast[i], pairs.rowEnd[i]);
	if (gradient) for (let k = 0; k < 4; k++) gradient[k] = g[k];
	return ll;
}

const fromLog = (u: readonly number[]): ParetoNbdParams => ({ r: Math.exp(u[0]), alpha: Math.exp(u[1]), s: Math.exp(u[2]), beta: Math.exp(u[3]) });

// Central differences in ln θ, for the integrals done by the general 2F1: the truncation error
// (~STEP²) and rounding (~1e-16/STEP) both stay far below the optimiser's accepted gradient of 1e-6
// per customer.
const STEP = 1e-4;
const STEP_UP = Math.exp(STEP);
const STEP_DOWN = Math.exp(-STEP);

/**
 * Pareto/NBD log-likelihood of (r, α, s, β) = exp(logParams) on prepared data (times scaled as
 * prepared), with, into `gradient` when given, its derivatives in ln θ: those of r and s have no
 * closed form (they integrate ln(α+τ) against the density), so they are assembled per integral from
 * its 2F1's own derivative (the series, the connection formula and the quadrature differentiate
 * their terms), by central differences of that one integral where the general 2F1 is used.
 */
export function preparedParetoNbdLogLikelihood(logParams: readonly number[], data: PreparedBgnbd, gradient?: number[]): number {
	return preparedLogLikelihood(fromLog(logParams), data, gradient);
}

/** Pareto/NBD log-likelihood of the summaries (times in their own unit, no rescaling). */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, customers: readonly CustomerSummary[]): number {
	return preparedLogLikelihood(params, prepareBgnbd(customers, 1));
}
