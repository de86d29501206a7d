import type { CustomerSummary } from './types';

/** Below these counts the four BG/NBD parameters are not identifiable in any useful sense. */
const MIN_CUSTOMERS = 20;
export const MIN_REPEAT_CUSTOMERS = 10;

/**
 * Customer summaries reduced to what the likelihood needs. Identical (x, t_x, T) triples are
 * merged into one weighted row, and every distinct x, t_x and T value gets an index so that the
 * expensive terms (log-gamma, logarithms) are computed once per distinct value, not per customer.
 * Times are divided by `timeScale` so the optimiser sees α of order one whatever the time unit.
 */
export interface PreparedBgnbd {
	/** Σ weights (number of customers), Σ weight·x and Σ weight·T (scaled). */
	customers: number;
	totalRepeatPurchases: number;
	totalAge: number;
	/** Distinct frequencies with their total weight. */
	xValues: Float64Array;
	xWeights: Float64Array;
	/** Distinct scaled ages T and recencies t_x. */
	ageValues: Float64Array;
	recencyValues: Float64Array;
	/** Customers without repeat purchases only contribute through T: their weight per distinct T. */
	zeroAgeIndex: Int32Array;
	zeroWeights: Float64Array;
	/** Weighted rows of repeat customers. */
	rowX: Float64Array;
	rowXIndex: Int32Array;
	rowAgeIndex: Int32Array;
	rowRecencyIndex: Int32Array;
	rowWeights: Float64Array;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Why these summaries cannot be used at all, or null when they are well-formed. */
export function invalidSummaryReason(customers: readonly CustomerSummary[]): string | null {
	for (let i = 0; i < customers.length; i++) {
		const { frequency: x, recency: tx, T, weight = 1 } = customers[i];
		const where = `Customer row ${i + 1}`;
		if (!Number.isInteger(x) || x < 0) {
			return `${where} has a repeat-purchase count of ${x}; it must be a whole number of 0 or more. Check how repeat purchases are counted.`;
		}
		if (!Number.isFinite(tx) || !Number.isFinite(T) || tx < 0 || tx > T) {
			return `${where} has recency ${tx} and age ${T}; both must be finite with 0 ≤ recency ≤ age. Check the first/last purchase dates and the end of the calibration period.`;
		}
		if (x === 0 && tx !== 0) {
			return `${where} has no repeat purchases but a recency of ${tx}; recency must be 0 when there are no repeat purchases. Check how recency is computed.`;
		}
		if (!Number.isFinite(weight) || weight <= 0) {
			return `${where} has weight ${weight}; weights count identical customers and must be positive.`;
		}
	}
	return null;
}

/** Why the data cannot support a BG/NBD fit (too small, no repeat buyers, no history), or null. */
export function insufficientDataReason(customers: readonly CustomerSummary[]): string | null {
	let total = 0;
	let repeat = 0;
	let maxAge = 0;
	for (const c of customers) {
		const w = c.weight ?? 1;
		total += w;
		if (c.frequency > 0) repeat += w;
		maxAge = Math.max(maxAge, c.T);
	}
	if (total < MIN_CUSTOMERS) {
		return `Only ${plural(total, 'customer was', 'customers were')} supplied; predicting purchases needs at least ${MIN_CUSTOMERS} (ideally several hundred). Widen the date range or loosen the customer filter.`;
	}
	if (maxAge === 0) {
		return 'Every customer was first seen on the last day of the data, so there is no history to learn purchase or drop-out rates from. Use a calibration period that ends after the first purchases.';
	}
	if (repeat < MIN_REPEAT_CUSTOMERS) {
		return `Only ${plural(repeat, 'customer has', 'customers have')} a repeat purchase; estimating how often customers come back needs at least ${MIN_REPEAT_CUSTOMERS}. Use a longer calibration period or more customers.`;
	}
	return null;
}

/** Dense index of distinct values, in first-seen order. */
export function indexer(): { index: (v: number) => number; values: number[] } {
	const positions = new Map<number, number>();
	const values: number[] = [];
	return {
		values,
		index(v) {
			let i = positions.get(v);
			if (i === undefined) {
				i = values.length;
				positions.set(v, i);
				values.push(v);
			}
			return i;
		}
	};
}

/** Builds the likelihood's working set; callers must have validated the summaries. */
export function prepareBgnbd(customers: readonly CustomerSummary[], timeScale: number): PreparedBgnbd {
	const xs = indexer();
	const ages = indexer();
	const recencies = indexer();
	const xWeights: number[] = [];
	const zeroWeights = new Map<number, number>(); // age index → weight
	// Row lookup by (age, recency) then frequency: numeric keys are several times faster than
	// string keys, and ageIndex·2^26 + recencyIndex is exact for fewer than 67 million distinct values.
	const rowOf = new Map<number, Map<number, number>>();
	const rowX: number[] = [];
	const rowXIndex: number[] = [];
	const rowAgeIndex: number[] = [];
	const rowRecencyIndex: number[] = [];
	const rowWeights: number[] = [];
	let customersTotal = 0;
	let repeatPurchases = 0;
	let totalAge = 0;

	for (const c of customers) {
		const w = c.weight ?? 1;
		const x = c.frequency;
		customersTotal += w;
		repeatPurchases += w * x;
		totalAge += (w * c.T) / timeScale;
		const xi = xs.index(x);
		xWeights[xi] = (xWeights[xi] ?? 0) + w;
		// Index raw values: whole-day times are small integers, which Map hashes much faster than doubles.
		const ai = ages.index(c.T);
		if (x === 0) {
			zeroWeights.set(ai, (zeroWeights.get(ai) ?? 0) + w);
			continue;
		}
		const ri = recencies.index(c.recency);
		const pairKey = ai * 2 ** 26 + ri;
		let rowsOfPair = rowOf.get(pairKey);
		if (rowsOfPair === undefined) {
			rowsOfPair = new Map();
			rowOf.set(pairKey, rowsOfPair);
		}
		const row = rowsOfPair.get(xi);
		if (row !== undefined) {
			rowWeights[row] += w;
			continue;
		}
		rowsOfPair.set(xi, rowX.length);
		rowX.push(x);
		rowXIndex.push(xi);
		rowAgeIndex.push(ai);
		rowRecencyIndex.push(ri);
		rowWeights.push(w);
	}

	return {
		customers: customersTotal,
		totalRepeatPurchases: repeatPurchases,
		totalAge,
		xValues: Float64Array.from(xs.values),
		xWeights: Float64Array.from(xWeights),
		ageValues: Float64Array.from(ages.values, (v) => v / timeScale),
		recencyValues: Float64Array.from(recencies.values, (v) => v / timeScale),
		zeroAgeIndex: Int32Array.from(zeroWeights.keys()),
		zeroWeights: Float64Array.from(zeroWeights.values()),
		rowX: Float64Array.from(rowX),
		rowXIndex: Int32Array.from(rowXIndex),
		rowAgeIndex: Int32Array.from(rowAgeIndex),
		rowRecencyIndex: Int32Array.from(rowRecencyIndex),
		rowWeights: Float64Array.from(rowWeights)
	};
}
