/**
 * A sentence names a group only when it is a real one: never a catch-all ("Other (29)") or a
 * stand-in for a missing value ("Unknown", "(not given)", an empty label). "The largest city is
 * Other" tells the reader nothing, and the catch-all is often largest only because it sums many.
 */

/** Catch-all and missing-value labels, optionally followed by a count: "Other (29)", "Unknown", "N/A", "". */
const BUCKET_LABEL = /^\s*(?:others?|unknown|missing|\(missing\)|\(not given\)|not given|n\/?a|none|null|undefined|unspecified|-+|—|\?)?\s*(?:\(\d[\d,]*\))?\s*$/i;

/** Rows of breakdowns carry these flags; a flagged row is a bucket whatever its label says. */
interface BucketFlags {
	isOther?: boolean;
	isMissing?: boolean;
}

export function isBucketLabel(label: string | null | undefined): boolean {
	return label === null || label === undefined || BUCKET_LABEL.test(label);
}

/** The rows that are real groups, in their order: neither flagged as Other/missing nor labelled like a bucket. */
export function realGroups<T>(rows: readonly T[], label: (row: T) => string | null | undefined): T[] {
	return rows.filter((row) => {
		const flags = row as BucketFlags;
		return !flags.isOther && !flags.isMissing && !isBucketLabel(label(row));
	});
}
