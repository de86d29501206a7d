/**
 * A drill-down selection: which customers a click on a segment, group, tier, cohort or Discontent
 * row stands for, or which reviews a click on a review term stands for.
 */
import type { ChurnRisk, CltvSegment, CustomerFilter } from '$lib/analyses/index';

export type CustomerSelection =
	| { kind: 'segment'; value: string }
	| { kind: 'churnRisk'; value: ChurnRisk }
	| { kind: 'cltvSegment'; value: CltvSegment }
	| { kind: 'cohort'; value: string }
	/** A lapsing RFM segment (or `'all'`) narrowed to its customers with an unhappy average rating. */
	| { kind: 'discontent'; value: string };

/** The reviews containing a term of "What reviews say"; `side` = the reviews it is typical of. */
export type ReviewSelection = { kind: 'reviews'; value: string; side: 'Unhappy' | 'Happy' };

export type DrillSelection = CustomerSelection | ReviewSelection;

export function drillFilter(s: CustomerSelection): CustomerFilter {
	switch (s.kind) {
		case 'segment':
			return { segment: s.value };
		case 'churnRisk':
			return { churnRisk: s.value };
		case 'cltvSegment':
			return { cltvSegment: s.value };
		case 'cohort':
			return { cohort: s.value };
		case 'discontent':
			return { discontent: s.value };
	}
}

export function drillTitle(s: DrillSelection): string {
	switch (s.kind) {
		case 'segment':
			return `Customers in the RFM segment “${s.value}”`;
		case 'churnRisk':
			return s.value === 'Churned' ? 'Churned customers' : `Customers at ${s.value.toLowerCase()} churn risk`;
		case 'cltvSegment':
			return `Customers in the ${s.value.toLowerCase()} value tier`;
		case 'cohort':
			return `Customers whose first order was in ${s.value}`;
		case 'discontent':
			return s.value === 'all' ? 'Discontent customers: lapsing and unhappy on average' : `Discontent ${s.value}: customers in “${s.value}” who are unhappy on average`;
		case 'reviews':
			return `Reviews containing “${s.value}”`;
	}
}

export function drillFilename(s: CustomerSelection): string {
	return `customers-${s.kind}-${s.value}`;
}

const CHURN: ChurnRisk[] = ['Churned', 'High', 'Medium', 'Low'];
const TIERS: CltvSegment[] = ['Low', 'Medium', 'High'];

/** Maps Plot's datum under the pointer (a chart click) to a selection. */
export function selectionFromDatum(kind: CustomerSelection['kind'], datum: unknown): CustomerSelection | null {
	if (!datum || typeof datum !== 'object') return null;
	const d = datum as Record<string, unknown>;
	if (kind === 'segment' && typeof d.segment === 'string') return { kind, value: d.segment };
	if (kind === 'cltvSegment' && TIERS.includes(d.segment as CltvSegment)) return { kind, value: d.segment as CltvSegment };
	if (kind === 'cohort' && typeof d.cohort === 'string' && /^\d{4}-\d{2}$/.test(d.cohort)) return { kind, value: d.cohort };
	if (kind === 'churnRisk') {
		const raw = typeof d.group === 'string' ? d.group : typeof d.label === 'string' ? d.label.replace(/ risk$/, '') : null;
		if (raw && CHURN.includes(raw as ChurnRisk)) return { kind, value: raw as ChurnRisk };
	}
	return null;
}
