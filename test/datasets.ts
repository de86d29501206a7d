/**
 * The real data sets beside the repository (../shared/datasets; their sources are in test/DATASETS.md), found relative
 * to the repo, never by a machine path. `CUSTOMER_LENS_DATASETS` points elsewhere (a test of the
 * missing case sets it to a folder that does not exist).
 *
 * A test needing a file asks {@link needDatasets}: when a file is missing the test is skipped and
 * its title says why, unless `CUSTOMER_LENS_REQUIRE_DATASETS=1` (set by .ci/run), which makes the
 * missing file an error. Framework-free, so Vitest and Playwright tests share it.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATASETS = resolve(ROOT, process.env.CUSTOMER_LENS_DATASETS ?? '../shared/datasets');

/** Path of a file or folder under the data sets folder. */
export const datasetPath = (name: string) => resolve(DATASETS, name);

export interface DatasetNeed {
	/** Some needed file is missing (and the data sets are not required): skip. */
	missing: boolean;
	/** Why the test is skipped ('' when nothing is missing). */
	reason: string;
	/** A test title carrying the skip reason when something is missing. */
	title(title: string): string;
}

/** Checks that `names` exist under {@link DATASETS}; throws when they are missing and required. */
export function needDatasets(...names: string[]): DatasetNeed {
	const absent = names.filter((n) => !existsSync(datasetPath(n)));
	const reason = absent.length ? `SKIPPED: needs ${absent.join(', ')} in ${DATASETS} (README.md, "Two commands", lists the data sets and where they come from)` : '';
	if (absent.length && process.env.CUSTOMER_LENS_REQUIRE_DATASETS === '1') {
		throw new Error(`CUSTOMER_LENS_REQUIRE_DATASETS=1 but ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing from ${DATASETS}`);
	}
	if (absent.length) console.warn(reason);
	return { missing: absent.length > 0, reason, title: (t) => (absent.length ? `${t} [${reason}]` : t) };
}
