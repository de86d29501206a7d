/**
 * Special functions for the CLV models: log-gamma, digamma, log-sum-exp and the Gauss
 * hypergeometric function 2F1 on the real line left of its branch point (z < 1).
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

// Godfrey's Lanczos coefficients (g = 607/128, 15 terms): ~1e-15 relative accuracy, which keeps
// likelihood differences near the optimum meaningful down to the last few digits.
const LANCZOS_G = 607 / 128;
const LANCZOS = [
	0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
	-0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4,
	-0.98374475304879564677e-4, 0.15808870322491248884e-3, -0.21026444172410488319e-3,
	0.2174396181152126432e-3, -0.16431810653676389022e-3, 0.84418223983852743293e-4,
	-0.2619083840158140867e-4, 0.36899182659531622704e-5
];

/** ln Γ(x) for x > 0. */
export function lgamma(x: number): number {
	if (!(x > 0)) throw new RangeError(`lgamma: argument must be positive, got ${x}`);
	// Reflection keeps tiny arguments accurate: the Lanczos sum is tuned for x ≥ ½.
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
	const y = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (y + i);
	const t = y + LANCZOS_G + 0.5;
	return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ψ(x) = d/dx ln Γ(x) for x > 0. */
export function digamma(x: number): number {
	if (!(x > 0)) throw new RangeError(`digamma: argument must be positive, got ${x}`);
	let shift = 0;
	// The asymptotic series below is accurate to ~1e-16 only from x ≈ 10 upwards.
	while (x < 10) {
		shift -= 1 / x;
		x += 1;
	}
	const inv2 = 1 / (x * x);
	const series =
		inv2 *
		(1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - (inv2 * 691) / 32760)))));
	return shift + Math.log(x) - 0.5 / x - series;
}

/** ln(e^a + e^b) without overflow or underflow. */
export function logAddExp(a: number, b: number): number {
	if (a === -Infinity) return b;
	if (b === -Infinity) return a;
	return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}

const SERIES_EPS = 1e-16;
const MAX_TERMS = 100_000;
// Beyond ½ the direct series is only tried while it promises to finish within this many terms.
const DIRECT_BUDGET = 2000;
// Terms this small are negligible at any scale; the relative test alone can stall in subnormals,
// where multiplying by a ratio below 1 may round back to the same value.
const NEGLIGIBLE = 1e-280;

interface ValueAndSlope {
	value: number;
	slope: number;
}

/**
 * Maclaurin series of G(z) = (2F1(a, b; c; z) − 1)/b = Σ_{n≥1} a·(a+1)_{n−1}(b+1)_{n−1} / ((c)_n n!) zⁿ
 * and its derivative. Dividing out b keeps G accurate when F − 1 is tiny and finite at b = 0.
 * Returns null when the terms would not become negligible within `budget` terms.
 */
function excessSeries(a: number, b: number, c: number, z: number, budget: number): ValueAndSlope | null {
	// Late terms shrink by a ratio approaching z, so the tail after a term is at most ~1/(1−z) times it.
	const tailFactor = 1 / (1 - z);
	let term = (a * z) / c;
	let value = term;
	let zSlope = term; // z · G′(z) = Σ n·tₙ
	let small = 0;
	let previousRate = Infinity;
	for (let n = 1; n < budget; n++) {
		const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
		term *= ratio;
		value += term;
		zSlope += (n + 1) * term;
		const size = Math.abs(term) * (n + 1) * tailFactor;
		const scale = Math.abs(value) + Math.abs(zSlope);
		// Two negligible terms in a row: one alone can be an accident of a parameter near a negative integer.
		small = size <= SERIES_EPS * scale || size < NEGLIGIBLE ? small + 1 : 0;
		if (term === 0 || small === 2) return { value, slope: z === 0 ? a / c : zSlope / z };
		// Give up early when even the current rate of decay cannot make the terms negligible within
		// the budget, which holds only while the ratio rises towards z: a ratio falling towards z
		// (a + b > c + 1) passes just below 1 at the terms' peak, where that forecast is millions of
		// terms for a series that ends within a hundred.
		const rate = Math.abs(ratio);
		if (n >= 10 && rate < 1 && rate >= previousRate && n + Math.log((SERIES_EPS * scale) / size) / Math.log(rate) > budget) return null;
		previousRate = rate;
	}
	return null;
}

/**
 * One Taylor step of the ODE that G satisfies (the hypergeometric equation with the constant
 * source left by the division),
 *   z(1−z)G″ + [c − (a+b+1)z]G′ − ab·G = a,
 * from z0 = 1 − d0 to z0 + h. Positions are carried as the distance to 1 so that they keep full
 * relative precision close to the singular point, where G varies on the scale of 1 − z.
 * The caller keeps h within half the distance to both singular points (0 and 1), so the scaled
 * coefficients eₙ = dₙhⁿ of G decay at least like 2⁻ⁿ, and short enough relative to the exponents
 * there (1−c at 0, c−a−b at 1) that rounding errors, which excite the other solutions, stay small.
 */
function taylorStep(a: number, b: number, c: number, d0: number, at: ValueAndSlope, h: number): ValueAndSlope {
	const z0 = 1 - d0;
	const denom = z0 * d0;
	const k = c - (a + b + 1) * z0;
	let ePrev = at.value;
	let eCur = at.slope * h;
	let value = ePrev + eCur;
	let hSlope = eCur; // h · G′(z0 + h) = Σ n·eₙ
	let small = 0;
	for (let n = 0; n < MAX_TERMS; n++) {
		const source = n === 0 ? a * h * h : 0;
		const eNext = ((n + a) * (n + b) * h * h * ePrev - ((2 * d0 - 1) * n + k) * (n + 1) * h * eCur + source) / (denom * (n + 1) * (n + 2));
		value += eNext;
		hSlope += (n + 2) * eNext;
		const size = Math.abs(eNext) * (n + 2);
		small = size <= SERIES_EPS * (Math.abs(value) + Math.abs(hSlope)) || size < NEGLIGIBLE ? small + 1 : 0;
		if (small === 2 || (eNext === 0 && eCur === 0)) return { value, slope: hSlope / h };
		ePrev = eCur;
		eCur = eNext;
	}
	throw new Error(`hyp2f1: continuation did not converge for a=${a}, b=${b}, c=${c}, z=${z0 + h}`);
}

function checkParameters(a: number, b: number, c: number): void {
	if (![a, b, c].every(Number.isFinite)) throw new RangeError('hyp2f1: parameters must be finite');
	if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c must not be a non-positive integer, got ${c}`);
}

/**
 * (2F1(a, b; c; z) − 1)/b for 0 ≤ z < 1, continuous through b = 0 (where it is Σ (a)ₙ/((c)ₙ n) zⁿ).
 * Formulas of the form 1 − (…)·2F1 lose every digit to cancellation for short horizons or b → 0;
 * written with this function they keep full relative precision.
 */
export function hyp2f1Excess(a: number, b: number, c: number, z: number): number {
	if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1Excess: z must be in [0, 1), got ${z}`);
	checkParameters(a, b, c);
	const direct = excessSeries(a, b, c, z, z <= 0.5 ? MAX_TERMS : DIRECT_BUDGET);
	if (direct) return direct.value;
	if (z <= 0.5) throw new Error(`hyp2f1: series did not converge for a=${a}, b=${b}, c=${c}, z=${z}`);
	// Near z = 1 the series can converge very slowly (only algebraically when c − a − b is small),
	// and the z → 1 − z connection formula breaks down when c − a − b is near an integer. Instead
	// continue the solution from z = ½ along the real axis with Taylor steps of the ODE, each a
	// fraction of the distance to 1: O(log(1/(1−z))) steps for moderate parameters, more when
	// large exponents |1−c| or |c−a−b| force shorter steps.
	let at = excessSeries(a, b, c, 0.5, MAX_TERMS);
	if (!at) throw new Error(`hyp2f1: series did not converge for a=${a}, b=${b}, c=${c}, z=0.5`);
	const exponentAtZero = Math.abs(1 - c);
	const exponentAtOne = Math.abs(c - a - b);
	const target = 1 - z; // exact for z ≥ ½
	let d = 0.5;
	for (;;) {
		const step = Math.min(d / 2, (0.5 * (1 - d)) / exponentAtZero, (0.5 * d) / exponentAtOne);
		if (d - target <= step) return taylorStep(a, b, c, d, at, d - target).value;
		at = taylorStep(a, b, c, d, at, step);
		d -= step;
	}
}

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1 (principal branch), c not a
 * non-positive integer.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
	if (!(z < 1)) throw new RangeError(`hyp2f1: z must be below 1, got ${z}`);
	checkParameters(a, b, c);
	// Pfaff: maps z < 0 into (0, 1), where the series has no alternating-sign cancellation.
	if (z < 0) return Math.pow(1 - z, -a) * (1 + (c - b) * hyp2f1Excess(a, c - b, c, z / (z - 1)));
	return 1 + b * hyp2f1Excess(a, b, c, z);
}
