/**
 * Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma model of
 * monetary value"; Colombo & Jiang 1999): order values of a customer ~ Gamma(p, ν), with the
 * customer's ν ~ Gamma(q, γ). It assumes spend per order is independent of purchase frequency.
 */
import { digamma, lgamma } from './special';
import { maximiseLogLikelihood } from './mle';
import { MIN_REPEAT_CUSTOMERS } from './bgnbd-data';
import type { FitOutcome, GammaGammaFit, GammaGammaParams, SpendSummary } from './types';

/** Repeat customers grouped by frequency, with spend divided by `moneyScale`. */
interface PreparedSpend {
	customers: number;
	xValues: Float64Array;
	xWeights: Float64Array;
	rowXIndex: Int32Array;
	rowX: Float64Array;
	/** ln(x·z̄) per row, z̄ in scaled money. */
	rowLogTotal: Float64Array;
	rowTotal: Float64Array;
	rowWeights: Float64Array;
	/** Σ w·ln z̄ (scaled): the −ln z̄ term of the density, constant in the parameters. */
	sumLogMean: number;
}

function prepareSpend(rows: readonly SpendSummary[], moneyScale: number): PreparedSpend {
	const repeat = rows.filter((row) => row.frequency > 0);
	const xIndex = new Map<number, number>();
	const xWeights: number[] = [];
	const rowXIndex = new Int32Array(repeat.length);
	const rowX = new Float64Array(repeat.length);
	const rowLogTotal = new Float64Array(repeat.length);
	const rowTotal = new Float64Array(repeat.length);
	const rowWeights = new Float64Array(repeat.length);
	let customers = 0;
	let sumLogMean = 0;
	repeat.forEach((row, i) => {
		const w = row.weight ?? 1;
		const x = row.frequency;
		const mean = row.monetary / moneyScale;
		let k = xIndex.get(x);
		if (k === undefined) {
			k = xIndex.size;
			xIndex.set(x, k);
			xWeights.push(0);
		}
		xWeights[k] += w;
		rowXIndex[i] = k;
		rowX[i] = x;
		rowTotal[i] = x * mean;
		rowLogTotal[i] = Math.log(x * mean);
		rowWeights[i] = w;
		customers += w;
		sumLogMean += w * Math.log(mean);
	});
	return {
		customers,
		xValues: Float64Array.from(xIndex.keys()),
		xWeights: Float64Array.from(xWeights),
		rowXIndex,
		rowX,
		rowLogTotal,
		rowTotal,
		rowWeights,
		sumLogMean
	};
}

/**
 * Log-likelihood of (p, q, γ) = exp(logParams) for the mean spend z̄ of x repeat purchases:
 *   ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄),
 * written as px·ln(x z̄) − ln z̄ to need one logarithm per customer. Fills ∂ℓ/∂ ln θ into `gradient`.
 */
function preparedLogLikelihood(logParams: readonly number[], data: PreparedSpend, gradient?: number[]): number {
	const p = Math.exp(logParams[0]);
	const q = Math.exp(logParams[1]);
	const v = Math.exp(logParams[2]);
	const n = data.customers;
	let ll = n * (-lgamma(q) + q * logParams[2]) - data.sumLogMean;
	let dp = 0;
	let dq = n * (-digamma(q) + logParams[2]);
	let dv = (n * q) / v;

	const { xValues, xWeights } = data;
	const psiPxq = new Float64Array(xValues.length);
	const psiPx = new Float64Array(xValues.length);
	for (let k = 0; k < xValues.length; k++) {
		const px = p * xValues[k];
		ll += xWeights[k] * (lgamma(px + q) - lgamma(px));
		psiPxq[k] = digamma(px + q);
		psiPx[k] = digamma(px);
		dq += xWeights[k] * psiPxq[k];
	}

	const { rowX, rowXIndex, rowLogTotal, rowTotal, rowWeights } = data;
	for (let i = 0; i < rowX.length; i++) {
		const x = rowX[i];
		const w = rowWeights[i];
		const k = rowXIndex[i];
		const logDenominator = Math.log(v + rowTotal[i]);
		ll += w * (p * x * rowLogTotal[i] - (p * x + q) * logDenominator);
		dp += w * x * (psiPxq[k] - psiPx[k] + rowLogTotal[i] - logDenominator);
		dq -= w * logDenominator;
		dv -= (w * (p * x + q)) / (v + rowTotal[i]);
	}

	if (gradient) {
		gradient[0] = dp * p;
		gradient[1] = dq * q;
		gradient[2] = dv * v;
	}
	return ll;
}

/** Gamma-Gamma log-likelihood of the repeat customers' mean spend (customers with x = 0 are skipped). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendSummary[]): number {
	return preparedLogLikelihood([Math.log(params.p), Math.log(params.q), Math.log(params.v)], prepareSpend(rows, 1));
}

function refusal(rows: readonly SpendSummary[]): string | null {
	let repeat = 0;
	for (let i = 0; i < rows.length; i++) {
		const { frequency: x, monetary, weight = 1 } = rows[i];
		if (!Number.isInteger(x) || x < 0) {
			return `Customer row ${i + 1} has a repeat-purchase count of ${x}; it must be a whole number of 0 or more. Check how repeat purchases are counted.`;
		}
		if (!Number.isFinite(weight) || weight <= 0) {
			return `Customer row ${i + 1} has weight ${weight}; weights count identical customers and must be positive.`;
		}
		if (x === 0) continue;
		if (!Number.isFinite(monetary) || monetary <= 0) {
			return `Customer row ${i + 1} has an average repeat order value of ${monetary}; the spend model needs positive values. Exclude refunds and zero-value orders from the order values, or leave such customers out.`;
		}
		repeat += weight;
	}
	if (repeat < MIN_REPEAT_CUSTOMERS) {
		return `Only ${repeat} ${repeat === 1 ? 'customer has' : 'customers have'} a repeat purchase; estimating typical order values needs at least ${MIN_REPEAT_CUSTOMERS}. Use a longer calibration period or more customers.`;
	}
	return null;
}

const ABSURD_LOG = Math.log(1e6);

/** Maximum-likelihood Gamma-Gamma fit on customers with at least one repeat purchase. */
export function fitGammaGamma(rows: readonly SpendSummary[]): FitOutcome<GammaGammaFit> {
	const problem = refusal(rows);
	if (problem) return { ok: false, reason: problem };

	// Spend in units of its mean keeps γ near 1 whatever the currency, as for time in the BG/NBD fit.
	let total = 0;
	let count = 0;
	for (const row of rows) {
		if (row.frequency === 0) continue;
		total += (row.weight ?? 1) * row.monetary;
		count += row.weight ?? 1;
	}
	const moneyScale = total / count;
	const data = prepareSpend(rows, moneyScale);
	const best = maximiseLogLikelihood((u, gradient) => preparedLogLikelihood(u, data, gradient), [0, 0, 0], data.customers);

	// Unlike the BG/NBD result, a spend fit has no `converged` flag to carry a doubtful optimum, so
	// one is refused along with optima drifting towards the edge of the parameter space.
	const unsettled =
		!Number.isFinite(best.logLikelihood) || !best.converged || best.logParams.some((u) => !(Math.abs(u) <= ABSURD_LOG));
	if (unsettled) {
		return {
			ok: false,
			reason: 'The spend model could not settle on a plausible fit: order values vary too little, or too wildly, between customers to estimate a typical value per customer. Check the order values for outliers or a single repeated price, or use more customers.'
		};
	}
	const [p, q, vScaled] = best.logParams.map(Math.exp);
	if (q <= 1) {
		return {
			ok: false,
			reason: `Average order values are so heavy-tailed that the spend model's population mean is infinite (q = ${q.toFixed(2)} ≤ 1), so expected order values cannot be predicted. Check for extreme order values (bulk orders, data errors) and exclude them.`
		};
	}
	return {
		ok: true,
		fit: {
			p,
			q,
			v: vScaled * moneyScale,
			// The likelihood is a density of z̄: rescaling money by s adds −ln(s) per customer.
			logLikelihood: best.logLikelihood - data.customers * Math.log(moneyScale),
			customers: data.customers
		}
	};
}

/**
 * E[M | x, z̄]: expected spend per future order (Fader & Hardie 2013),
 *   (γ + x z̄)·p / (p x + q − 1) = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · z̄,
 * a credibility-weighted mix of the population mean pγ/(q−1) and the customer's own mean; for a
 * customer without repeat purchases (x = 0) it is the population mean.
 */
export function expectedAverageOrderValue(params: GammaGammaParams, customer: Pick<SpendSummary, 'frequency' | 'monetary'>): number {
	const { p, q, v } = params;
	const x = customer.frequency;
	const mean = x > 0 ? customer.monetary : 0;
	return ((v + x * mean) * p) / (p * x + q - 1);
}
