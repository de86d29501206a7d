export interface SegmentedPrediction {
	segment: string;
	pAlive: number;
	expectedPurchases: number;
	clv: number;
	/** Identical customers this row stands for (default 1). */
	weight?: number;
}

export interface SegmentSummary {
	segment: string;
	customers: number;
	meanPAlive: number;
	/** Total over the segment's customers. */
	expectedPurchases: number;
	/** Total over the segment's customers. */
	predictedClv: number;
}

/**
 * Per-segment roll-up of customer predictions, in order of first appearance. Purchases and CLV are
 * totals because segment value is what the analyst compares; P(alive) is a mean because a sum of
 * probabilities is only the expected number of active customers.
 */
export function summariseSegments(rows: readonly SegmentedPrediction[]): SegmentSummary[] {
	const bySegment = new Map<string, SegmentSummary>();
	for (const row of rows) {
		const w = row.weight ?? 1;
		let s = bySegment.get(row.segment);
		if (s === undefined) {
			s = { segment: row.segment, customers: 0, meanPAlive: 0, expectedPurchases: 0, predictedClv: 0 };
			bySegment.set(row.segment, s);
		}
		s.customers += w;
		s.meanPAlive += w * row.pAlive; // summed here, divided below
		s.expectedPurchases += w * row.expectedPurchases;
		s.predictedClv += w * row.clv;
	}
	return [...bySegment.values()].map((s) => ({ ...s, meanPAlive: s.meanPAlive / s.customers }));
}
