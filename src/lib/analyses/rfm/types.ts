/** Result of the RFM segmentation. */

export interface RfmSegmentRow {
	segment: string;
	customers: number;
	/** customers / all RFM customers. */
	share: number;
	avgRecency: number;
	avgFrequency: number;
	avgMonetary: number;
	/** Net revenue of the segment's customers. */
	revenue: number;
	/** revenue / net revenue of all RFM customers (null when that total is 0). */
	revenueShare: number | null;
}

export interface RfmHeatCell {
	r: number;
	f: number;
	customers: number;
	meanMonetary: number;
}

export interface RfmScatterCell {
	/** Recency bin [recencyFrom, recencyTo) in days. */
	recencyFrom: number;
	recencyTo: number;
	/** Frequency bin [frequencyFrom, frequencyTo] in orders (the open-ended last bin ends at its highest frequency). */
	frequencyFrom: number;
	frequencyTo: number;
	customers: number;
	meanMonetary: number;
}

export interface RfmResult {
	available: true;
	asOf: string;
	bins: number;
	scheme: 'standard' | 'simple';
	/** Customers scored: an id and at least one non-cancelled order before the as-of date. */
	customers: number;
	/** Customers whose only orders (before as-of) are cancellations: left out of RFM, CLTV, churn and CLV. */
	excludedCancelledOnly: { customers: number; revenue: number };
	segments: RfmSegmentRow[];
	/** Value overlays (standard scheme; null overlay = none). */
	overlays: { overlay: string; customers: number; share: number; revenue: number }[];
	heatmap: RfmHeatCell[];
	scatter: { recencyBinDays: number; cells: RfmScatterCell[] };
}
