/** A drill-down selection: which customers a click on a segment, group, tier or cohort stands for. */
import type { ChurnRisk, CltvSegment, CustomerFilter } from '$lib/analyses/index';

export type DrillSelection =
	| { kind: 'segment'; value: string }
	| { kind: 'churnRisk'; value: ChurnRisk }
	| { kind: 'cltvSegment'; value: CltvSegment }
	| { kind: 'cohort'; value: string };

export function drillFilter(s: DrillSelection): CustomerFilter {
	switch (s.kind) {
		case 'segment':
			return { segment: s.value };
		case 'churnRisk':
			return { churnRisk: s.value };
		case 'cltvSegment':
			return { cltvSegment: s.value };
		case 'cohort':
			return { cohort: s.value };
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
	}
}

export function drillFilename(s: DrillSelection): string {
	return `customers-${s.kind}-${s.value}`;
}

const CHURN: ChurnRisk[] = ['Churned', 'High', 'Medium', 'Low'];
const TIERS: CltvSegment[] = ['Low', 'Medium', 'High'];

/** Maps Plot's datum under the pointer (a chart click) to a selection. */
export function selectionFromDatum(kind: DrillSelection['kind'], datum: unknown): DrillSelection | null {
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
