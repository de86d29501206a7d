/**
 * RFM segment rules, written once as data: the SQL that assigns segments and the data dictionary
 * are both generated from these tables. Rules use 5-level scores (r5, f5, m5) whatever `rfmBins`
 * is, and FM = round half up of (F + M) / 2.
 */

/** The standard 11 segments, in display order (best first). */
export const STANDARD_SEGMENTS = [
	'Champions',
	'Loyal Customers',
	'Potential Loyalists',
	'New Customers',
	'Promising',
	'Need Attention',
	'About to Sleep',
	'At Risk',
	"Can't Lose Them",
	'Hibernating',
	'Lost'
] as const;

/**
 * Standard scheme: STANDARD_GRID[R − 1][FM − 1]. Rows are the recency score R = 1…5 (5 = most
 * recent), columns the FM score 1…5. This is the widely used R × F map (Champions 5·4–5, Loyal
 * 3–4·4–5, Potential Loyalists 4–5·2–3, New Customers 5·1, Promising 4·1, Need Attention 3·3,
 * About to Sleep 3·1–2, At Risk 1–2·3–4, Can't Lose Them 1–2·5, Hibernating 1–2·1–2) with FM in
 * place of F and its 1·1 cell split off as Lost.
 */
export const STANDARD_GRID: readonly (readonly (typeof STANDARD_SEGMENTS)[number][])[] = [
	/* R=1 */ ['Lost', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
	/* R=2 */ ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
	/* R=3 */ ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
	/* R=4 */ ['Promising', 'Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'Loyal Customers'],
	/* R=5 */ ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions']
];

/** The simple 5-segment scheme, same grid layout. */
export const SIMPLE_SEGMENTS = ['VIPs', 'Loyal Customers', 'Potential Loyalists', 'At Risk', 'Lost Customers'] as const;

export const SIMPLE_GRID: readonly (readonly (typeof SIMPLE_SEGMENTS)[number][])[] = [
	/* R=1 */ ['Lost Customers', 'Lost Customers', 'At Risk', 'At Risk', 'At Risk'],
	/* R=2 */ ['Lost Customers', 'Lost Customers', 'At Risk', 'At Risk', 'At Risk'],
	/* R=3 */ ['Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'Loyal Customers', 'Loyal Customers'],
	/* R=4 */ ['Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'VIPs', 'VIPs'],
	/* R=5 */ ['Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'VIPs', 'VIPs']
];

/** Value overlays of the standard scheme, checked in this order; the first that matches is the label. */
export const OVERLAYS = [
	{ overlay: 'Big Spenders', rule: 'M = 5', sql: 'm5 = 5' },
	{ overlay: 'Price Shoppers', rule: 'F ≥ 4 and M ≤ 2', sql: 'f5 >= 4 AND m5 <= 2' },
	{ overlay: 'Lost Cheap', rule: 'R = 1 and M = 1', sql: 'r5 = 1 AND m5 = 1' }
] as const;

/** Human-readable rules, one line per segment: "Champions: R 5 with FM 4–5" (rows with the same FM cells merged). */
export function segmentRules(grid: readonly (readonly string[])[], order: readonly string[]): { segment: string; rule: string }[] {
	return order.map((segment) => {
		const byFm = new Map<string, number[]>();
		grid.forEach((row, r) => {
			const fms = row.map((s, i) => (s === segment ? i + 1 : 0)).filter((x) => x > 0);
			if (fms.length) {
				const key = compactRange(fms);
				byFm.set(key, [...(byFm.get(key) ?? []), r + 1]);
			}
		});
		return { segment, rule: [...byFm.entries()].map(([fm, rs]) => `R ${compactRange(rs)} with FM ${fm}`).join('; ') };
	});
}

function compactRange(values: number[]): string {
	const parts: string[] = [];
	let start = values[0];
	let prev = values[0];
	for (const v of [...values.slice(1), Number.NaN]) {
		if (v === prev + 1) {
			prev = v;
			continue;
		}
		parts.push(start === prev ? String(start) : `${start}–${prev}`);
		start = prev = v;
	}
	return parts.join(', ');
}

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** `CASE r5 * 10 + fm5 WHEN 11 THEN 'Lost' … END` for a grid. */
export function segmentCaseSql(grid: readonly (readonly string[])[], r = 'r5', fm = 'fm5'): string {
	const whens = grid.flatMap((row, ri) => row.map((segment, fi) => `WHEN ${(ri + 1) * 10 + fi + 1} THEN ${sqlText(segment)}`));
	return `CASE ${r} * 10 + ${fm} ${whens.join(' ')} END`;
}

export function overlayCaseSql(): string {
	return `CASE ${OVERLAYS.map((o) => `WHEN ${o.sql} THEN ${sqlText(o.overlay)}`).join(' ')} ELSE NULL END`;
}

export function segmentOrder(scheme: 'standard' | 'simple'): readonly string[] {
	return scheme === 'simple' ? SIMPLE_SEGMENTS : STANDARD_SEGMENTS;
}
