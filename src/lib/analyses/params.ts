/**
 * One object drives every analysis (DESIGN.md "Parameters"). Everything is plain data so it can be
 * serialised into the URL and the command line can build it from flags.
 */
import type { RatingScaleId } from './feedback/types';

export interface AnalysisFilters {
	/** Inclusive `YYYY-MM-DD` bounds on `order_date`; null = open. */
	dateFrom: string | null;
	dateTo: string | null;
	/** Empty array = no filter. */
	countries: string[];
	categories: string[];
	statuses: string[];
}

export type RfmScheme = 'standard' | 'simple';

/** Purchase model of the predictive CLV: chosen per data set on a holdout period, or fixed by the user. */
export type ClvModelSetting = 'auto' | 'bgnbd' | 'paretoNbd';

export interface AnalysisParams {
	/** `YYYY-MM-DD`; null = the day after the last order date in the (filtered) data. */
	asOf: string | null;
	churnDays: number;
	rfmBins: number;
	rfmScheme: RfmScheme;
	/** Profit margin used for CLTV profit when there is no cost column. */
	margin: number;
	forecastHorizon: number;
	/** Predictive CLV horizon (months) and monthly discount rate. */
	clvMonths: number;
	monthlyDiscount: number;
	/** Time unit of the predictive CLV model (BG/NBD): whole days (default) or weeks. */
	clvTimeUnit?: 'day' | 'week';
	/** Purchase model (BG/NBD or Pareto/NBD); 'auto' (default) picks the better one on a holdout period. */
	clvModel?: ClvModelSetting;
	/** Scale of the rating column, chosen in "Review columns"; null or absent = read from the data. */
	ratingScale?: RatingScaleId | null;
	filters: AnalysisFilters;
}

export const DEFAULT_PARAMS: AnalysisParams = {
	asOf: null,
	churnDays: 90,
	rfmBins: 5,
	rfmScheme: 'standard',
	margin: 0.3,
	forecastHorizon: 12,
	clvMonths: 12,
	monthlyDiscount: 0.01,
	clvTimeUnit: 'day',
	clvModel: 'auto',
	filters: { dateFrom: null, dateTo: null, countries: [], categories: [], statuses: [] }
};

export function withDefaults(partial: Partial<AnalysisParams> = {}): AnalysisParams {
	return { ...DEFAULT_PARAMS, ...partial, filters: { ...DEFAULT_PARAMS.filters, ...(partial.filters ?? {}) } };
}
