/**
 * One-click report downloads: the HTML and Markdown reports are built in the page from the results
 * on screen and handed to the browser as files; nothing is uploaded.
 */
import { buildHtmlReport, buildMarkdownReport } from '$lib/report/index';
import { DICTIONARY } from '$lib/insights/index';
import type { Session } from './session.svelte';
import { complete } from '$lib/panels/index';
import { downloadBlob, safeFilename } from './download';

export type ReportFormat = 'html' | 'md';

/** The report includes the duplicate-line count, so a count the load left for later is made first. */
export async function downloadReport(session: Session, format: ReportFormat): Promise<void> {
	await session.countDuplicates();
	const dataset = session.dataset;
	if (!dataset) return;
	const results = complete(session.results);
	const options = { currency: session.currency, fileNames: dataset.sources.map((f) => f.name) };
	const quality = dataset.build.quality;
	const base = safeFilename(`customer-lens-report-${dataset.label}`);
	if (format === 'html') {
		downloadBlob(new Blob([buildHtmlReport(results, quality, DICTIONARY, options)], { type: 'text/html' }), `${base}.html`);
	} else {
		downloadBlob(new Blob([buildMarkdownReport(results, quality, DICTIONARY, options)], { type: 'text/markdown' }), `${base}.md`);
	}
}
