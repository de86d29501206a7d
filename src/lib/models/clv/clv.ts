/**
 * Discounted customer lifetime value from a purchase-model fit (BG/NBD or Pareto/NBD: how many
 * purchases) and a Gamma-Gamma fit (how much per purchase), as in the lifetimes library's
 * `customer_lifetime_value`.
 */
import { expectedAverageOrderValue } from './gamma-gamma';
import { aliveProbability, purchasesIfAlive, type PurchaseModelParams } from './purchase-model';
import type { CustomerSummary, GammaGammaParams, TimeUnit } from './types';

/** A fitted purchase model: its parameters and the time unit they are in. */
export type PurchaseModelFit = PurchaseModelParams & { timeUnit: TimeUnit };

/** Average calendar month (365.25/12 days) in each time unit. lifetimes uses 30 days / 4.345 weeks. */
export const UNITS_PER_MONTH: Readonly<Record<TimeUnit, number>> = { day: 365.25 / 12, week: 365.25 / 12 / 7 };

/** Data-dictionary text for the predicted CLV column; keep in step with {@link discountedPurchases}. */
export const CLV_DEFINITION =
	'Predicted customer lifetime value (CLV): the discounted gross margin a customer is expected to bring in over the next H months. ' +
	'CLV = Σ over months m = 1…H of margin × expected order value × (expected purchases by the end of month m − expected purchases by the end of month m−1) / (1 + d)^m, ' +
	"where d is the monthly discount rate and a month is 365.25/12 days. Expected purchases come from the purchase model (BG/NBD or Pareto/NBD; unless the user picks one, whichever predicted a held-out period better) given the customer's number of repeat purchases, " +
	'the time of the last one and time since the first one, and already allow for the chance that the customer has stopped buying; the expected order value comes from the ' +
	"Gamma-Gamma model, which blends the customer's own average repeat order value with the average over all customers. Each month's purchases are discounted as if they happened at the end of the month.";

export interface ClvOptions {
	/** Whole months ahead to value. */
	horizonMonths: number;
	/** Gross margin as a fraction of revenue (0–1). */
	margin: number;
	/** Monthly discount rate, e.g. 0.01 for 1 % a month. */
	monthlyDiscountRate: number;
}

export interface PredictionOptions extends ClvOptions {
	/** Window for `expectedPurchases`, in the fit's time unit. */
	purchaseHorizon: number;
}

export interface CustomerPrediction {
	pAlive: number;
	/** Expected purchases over the next `purchaseHorizon` time units. */
	expectedPurchases: number;
	expectedAov: number;
	clv: number;
}

function checkOptions({ horizonMonths, margin, monthlyDiscountRate }: ClvOptions): void {
	if (!Number.isInteger(horizonMonths) || horizonMonths < 0) throw new RangeError(`CLV horizon must be a whole number of months, got ${horizonMonths}`);
	if (!(margin >= 0 && margin <= 1)) throw new RangeError(`CLV margin must be between 0 and 1, got ${margin}`);
	if (!(monthlyDiscountRate > -1) || !Number.isFinite(monthlyDiscountRate)) {
		throw new RangeError(`Monthly discount rate must be finite and above −100 %, got ${monthlyDiscountRate}`);
	}
}

/**
 * Σ_m (E[Y(m·L)] − E[Y((m−1)·L)]) / (1+d)^m for a customer alive now, L = one month in the fit's
 * unit. The model's expectation is cumulative, so each month's purchases are a difference of two.
 */
function discountedPurchases(fit: PurchaseModelFit, customer: Pick<CustomerSummary, 'frequency' | 'T'>, options: ClvOptions): number {
	const month = UNITS_PER_MONTH[fit.timeUnit];
	let total = 0;
	let previous = 0;
	for (let m = 1; m <= options.horizonMonths; m++) {
		const cumulative = purchasesIfAlive(fit, customer, m * month);
		total += (cumulative - previous) / (1 + options.monthlyDiscountRate) ** m;
		previous = cumulative;
	}
	return total;
}

/** CLV of one customer (see {@link CLV_DEFINITION}) given their expected order value. */
export function customerLifetimeValue(fit: PurchaseModelFit, customer: Pick<CustomerSummary, 'frequency' | 'recency' | 'T'>, expectedAov: number, options: ClvOptions): number {
	checkOptions(options);
	return options.margin * expectedAov * aliveProbability(fit, customer) * discountedPurchases(fit, customer, options);
}

/**
 * Purchases if alive over `purchaseHorizon` and discounted over the CLV horizon, per distinct (x, T):
 * both depend on x and T only (the expensive hypergeometric terms), and with whole-day ages there
 * are a few thousand pairs however many customers there are.
 */
function ifAliveByPair(fit: PurchaseModelFit, options: PredictionOptions): (customer: Pick<CustomerSummary, 'frequency' | 'T'>) => { purchases: number; discounted: number } {
	const perPair = new Map<number, Map<number, { purchases: number; discounted: number }>>();
	return (customer) => {
		let byAge = perPair.get(customer.frequency);
		if (byAge === undefined) {
			byAge = new Map();
			perPair.set(customer.frequency, byAge);
		}
		let ifAlive = byAge.get(customer.T);
		if (ifAlive === undefined) {
			ifAlive = { purchases: purchasesIfAlive(fit, customer, options.purchaseHorizon), discounted: discountedPurchases(fit, customer, options) };
			byAge.set(customer.T, ifAlive);
		}
		return ifAlive;
	};
}

/**
 * P(alive), expected purchases over `purchaseHorizon` and CLV per unit of expected order value
 * (the {@link customerLifetimeValue} of an order value of 1) of many customers, the same numbers
 * as those functions one customer at a time.
 */
export function predictPurchases(
	fit: PurchaseModelFit,
	customers: readonly Pick<CustomerSummary, 'frequency' | 'recency' | 'T'>[],
	options: PredictionOptions
): { pAlive: number[]; expectedPurchases: number[]; clvPerAov: number[] } {
	checkOptions(options);
	const ifAliveOf = ifAliveByPair(fit, options);
	const pAlive: number[] = [];
	const expectedPurchases: number[] = [];
	const clvPerAov: number[] = [];
	for (const customer of customers) {
		const p = aliveProbability(fit, customer);
		const ifAlive = ifAliveOf(customer);
		pAlive.push(p);
		expectedPurchases.push(p * ifAlive.purchases);
		clvPerAov.push(options.margin * p * ifAlive.discounted);
	}
	return { pAlive, expectedPurchases, clvPerAov };
}

/** Predictions for many customers; see {@link ifAliveByPair}. */
export function predictCustomers(
	fit: PurchaseModelFit,
	spend: GammaGammaParams,
	customers: readonly (Pick<CustomerSummary, 'frequency' | 'recency' | 'T'> & { monetary: number })[],
	options: PredictionOptions
): CustomerPrediction[] {
	checkOptions(options);
	const ifAliveOf = ifAliveByPair(fit, options);
	return customers.map((customer) => {
		const ifAlive = ifAliveOf(customer);
		const pAlive = aliveProbability(fit, customer);
		const expectedAov = expectedAverageOrderValue(spend, customer);
		return {
			pAlive,
			expectedPurchases: pAlive * ifAlive.purchases,
			expectedAov,
			clv: options.margin * expectedAov * pAlive * ifAlive.discounted
		};
	});
}
