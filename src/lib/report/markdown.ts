/**
 * The report as Markdown: the same content as the HTML report, with each panel's charts replaced
 * by its one-line takeaway. User text is escaped (tables: `|` and line breaks too).
 */
import type { AnalysisResults } from '../analyses/index';
import type { QualitySummary } from '../ingest/index';
import { buildReportContent, type DictionaryEntry, type ReportOptions, type Table } from './content';
import { sentence } from '../format/index';
import { escapeMarkdown, markdownTable } from './escape';

function table(t: Table): string {
	const note = t.note ? `\n\n${escapeMarkdown(t.note)}` : '';
	return `**${escapeMarkdown(t.caption)}**\n\n${markdownTable(t.header, t.rows, t.numeric)}${note}`;
}

/**
 * The whole analysis as one Markdown document. Charts are still drawn (with `options.document`,
 * default `globalThis.document`; throws when there is neither), see below.
 */
export function buildMarkdownReport(
	results: AnalysisResults,
	quality: QualitySummary | null | undefined,
	dictionary: readonly DictionaryEntry[],
	options: ReportOptions = {}
): string {
	// Charts are drawn (and dropped) so that availability and takeaways match the HTML report exactly.
	const c = buildReportContent(results, quality, dictionary, options);
	const out: string[] = [`# ${escapeMarkdown(c.title)}`, c.meta.map((m) => `**${escapeMarkdown(m.label)}:** ${escapeMarkdown(m.value)}`).join('  \n')];

	out.push('## Executive summary');
	out.push(c.summary.length ? c.summary.map((s) => `- ${escapeMarkdown(s.text)}`).join('\n') : '_No analysis could be computed._');
	if (c.keyFigures) out.push(table(c.keyFigures));

	for (const s of c.sections) {
		out.push(`## ${escapeMarkdown(s.heading)}`);
		for (const p of s.panels) {
			out.push(`### ${escapeMarkdown(p.heading)}`);
			if (p.unavailable !== null) out.push(`_Not available: ${escapeMarkdown(sentence(p.unavailable))}_`);
			else out.push(p.takeaway ? escapeMarkdown(p.takeaway) : '_See the charts in the HTML report._');
		}
	}

	out.push('## Data quality');
	for (const p of c.quality.panels) if (p.takeaway) out.push(escapeMarkdown(p.takeaway));
	if (c.quality.tables.length) out.push(c.quality.tables.map(table).join('\n\n'));
	if (c.quality.notes.length) out.push(c.quality.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n'));

	out.push('## Recommended actions');
	out.push(c.actions.length ? c.actions.map(table).join('\n\n') : '_Not available: needs customer ids._');

	out.push('## Data dictionary');
	out.push(c.dictionary.length ? markdownTable(['Term', 'Definition', 'Formula'], c.dictionary.map((d) => [d.term, d.definition, d.formula ?? ''])) : '_No definitions._');
	return `${out.join('\n\n')}\n`;
}
