import { describe, expect, it } from 'vitest';
import { isBucketLabel, realGroups } from '../../../src/lib/format/buckets';

describe('bucket labels', () => {
	it('recognises catch-all and missing-value labels, with or without a count', () => {
		for (const l of ['Other', 'Others', 'other (29)', 'Other (1,204)', 'Unknown', 'UNKNOWN', '(not given)', '(missing)', 'N/A', 'n/a', 'NA', 'none', 'null', '-', '—', '', '  ', null, undefined]) {
			expect(isBucketLabel(l), String(l)).toBe(true);
		}
	});

	it('leaves real names alone, even ones that start like a bucket', () => {
		for (const l of ['Madrid', 'Otherworld Games', 'Unknown Pleasures (LP)', 'Nairobi', 'Nonesuch', 'Small', '0']) expect(isBucketLabel(l), l).toBe(false);
	});

	it('realGroups keeps order and drops flagged rows whatever their label', () => {
		const rows = [
			{ label: 'Other (3)', isOther: true },
			{ label: 'Paris', isOther: false },
			{ label: 'Rome', isMissing: true },
			{ label: 'Unknown' },
			{ label: 'Oslo' }
		];
		expect(realGroups(rows, (r) => r.label).map((r) => r.label)).toEqual(['Paris', 'Oslo']);
	});
});
