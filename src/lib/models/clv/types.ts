/** Time unit of frequency/recency/age inputs; the caller converts dates before fitting. */
export type TimeUnit = 'day' | 'week';

/**
 * One customer (or `weight` identical customers) summarised over the calibration period,
 * all times in one {@link TimeUnit} and measured from the customer's first purchase.
 */
export interface CustomerSummary {
	/** x: number of repeat purchases (purchases after the first). */
	frequency: number;
	/** t_x: time of the last purchase; 0 when there is no repeat purchase. */
	recency: number;
	/** T: time from the first purchase to the end of the calibration period. */
	T: number;
	/** How many customers share this exact summary (default 1). */
	weight?: number;
}

export interface SpendSummary {
	/** x: number of repeat purchases; customers with x = 0 carry no spend information. */
	frequency: number;
	/** Mean value of the repeat purchases. */
	monetary: number;
	weight?: number;
}

export interface BgnbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

export interface BgnbdFit extends BgnbdParams {
	logLikelihood: number;
	timeUnit: TimeUnit;
	/** Customers the fit used (sum of weights). */
	customers: number;
	converged: boolean;
}

export interface GammaGammaParams {
	p: number;
	q: number;
	/** Scale γ of the Gamma prior on the per-customer spend rate (same currency as `monetary`). */
	v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
	logLikelihood: number;
	/** Repeat customers the fit used (sum of weights of rows with x > 0). */
	customers: number;
}

/** A fit either succeeds or says, in plain English, why the data cannot support it. */
export type FitOutcome<T> = { ok: true; fit: T } | { ok: false; reason: string };

export interface ParetoNbdParams {
	r: number;
	alpha: number;
	/** Shape of the Gamma prior on the drop-out rate μ. */
	s: number;
	/** Scale (rate) of the Gamma prior on μ, in the time unit of the data. */
	beta: number;
}

export interface ParetoNbdFit extends ParetoNbdParams {
	logLikelihood: number;
	timeUnit: TimeUnit;
	/** Customers the fit used (sum of weights). */
	customers: number;
	converged: boolean;
}

/** The two purchase models: BG/NBD (drop-out only right after a repeat purchase) and Pareto/NBD (at any time). */
export type PurchaseModelName = 'bgnbd' | 'paretoNbd';
