/**
 * One self-contained HTML report: inline CSS (with a print stylesheet, so "Save as PDF" works),
 * every chart as inline SVG, no scripts, no external resources, and a Content-Security-Policy that
 * forbids both. All user text in our own markup goes through `escapeHtml`; chart SVG is Plot's, drawn
 * with the caller's document (`options.document`, default the page's) and serialised with `outerHTML`.
 */
import type { AnalysisResults } from '../analyses/index';
import { groupAnchor } from '../charts/index';
import type { QualitySummary } from '../ingest/index';
import { buildReportContent, type DictionaryEntry, type ReportContent, type ReportOptions, type ReportPanel, type ReportView, type Table } from './content';
import { sentence } from '../format/index';
import { escapeHtml } from './escape';

export type { DictionaryEntry, ReportOptions } from './content';

/** No scripts, no remote anything: only inline styles and `data:` images (Plot's colour ramps). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; base-uri 'none'; form-action 'none'";

const CSS = `
:root { color-scheme: light; --text: #1b1f24; --muted: #525a66; --border: #cfd5dd; --surface: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: var(--text); background: #fff; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--border); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
.meta { color: var(--muted); margin: 0; padding: 0; list-style: none; }
.meta li { display: inline; margin-right: 1.25rem; }
.meta b { font-weight: 600; color: var(--text); }
nav ol { columns: 2; padding-left: 1.25rem; }
a { color: #1f5fbf; }
.summary li { margin: .35rem 0; }
.panel { margin: 1.5rem 0 2rem; }
.panel figure { margin: 0; }
.panel figure h4 { font-size: 1rem; margin: 0 0 .25rem; }
.panel figcaption, .note { color: var(--muted); font-size: .85rem; }
.panel svg { max-width: 100%; height: auto; }
.takeaway { font-weight: 600; margin: .5rem 0 0; }
.unavailable { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--border); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--surface); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl.dictionary dt { font-weight: 600; margin-top: .75rem; }
dl.dictionary dd { margin: .15rem 0 0 1.25rem; }
code { font: .85em ui-monospace, Menlo, Consolas, monospace; background: var(--surface); padding: 0 .2em; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
	@page { size: A4; margin: 14mm 12mm; }
	body { max-width: none; padding: 0; font-size: 10.5pt; }
	nav { display: none; }
	h2 { break-after: avoid; page-break-after: avoid; }
	h3, h4 { break-after: avoid; page-break-after: avoid; }
	.panel, table, figure, tr { break-inside: avoid; page-break-inside: avoid; }
	a { color: inherit; text-decoration: none; }
}
`;

function table(t: Table): string {
	const cls = (i: number) => (t.numeric[i] ? ' class="num"' : '');
	const head = t.header.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('');
	const body = t.rows.map((r) => `<tr>${r.map((v, i) => `<td${cls(i)}>${escapeHtml(v)}</td>`).join('')}</tr>`).join('\n');
	const note = t.note ? `\n<p class="note">${escapeHtml(t.note)}</p>` : '';
	return `<table>\n<caption>${escapeHtml(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${note}`;
}

/** The chart's markup, its Plot title demoted from `<h2>` to `<h4>` to fit the report's outline. */
function chartHtml(chart: Element): string {
	const doc = chart.ownerDocument;
	for (const h of Array.from(chart.querySelectorAll('h2'))) {
		const h4 = doc.createElement('h4');
		h4.append(...Array.from(h.childNodes));
		h.replaceWith(h4);
	}
	return chart.outerHTML;
}

const anchor = (id: string) => `panel-${id}`;

const unavailable = (reason: string) => `<p class="unavailable">Not available: ${escapeHtml(sentence(reason))}</p>`;

/** A view's chart; without one, why not (under the view's title when the panel has several views). */
function view(v: ReportView, titled: boolean): string {
	if (v.chart) return chartHtml(v.chart);
	return `${titled ? `<h4>${escapeHtml(v.title)}</h4>\n` : ''}${unavailable(v.unavailable ?? 'no data')}`;
}

function panel(p: ReportPanel): string {
	const body = p.unavailable !== null ? unavailable(p.unavailable) : p.views.map((v) => view(v, p.views.length > 1)).join('\n');
	const note = p.takeaway ? `\n<p class="takeaway">${escapeHtml(p.takeaway)}</p>` : '';
	return `<section class="panel" id="${anchor(p.name)}">\n<h3>${escapeHtml(p.heading)}</h3>\n${body}${note}\n</section>`;
}

function render(c: ReportContent): string {
	const out: string[] = [];
	out.push(`<header>\n<h1>${escapeHtml(c.title)}</h1>`);
	out.push(`<ul class="meta">${c.meta.map((m) => `<li><b>${escapeHtml(m.label)}:</b> ${escapeHtml(m.value)}</li>`).join('')}</ul>\n</header>`);

	const toc = [
		[groupAnchor('overview'), 'Executive summary'],
		...c.sections.map((s) => [groupAnchor(s.group), s.heading]),
		[groupAnchor('quality'), 'Data quality'],
		[groupAnchor('insights'), 'Recommended actions'],
		['dictionary', 'Data dictionary']
	];
	out.push(`<nav aria-label="Contents"><ol>${toc.map(([id, t]) => `<li><a href="#${id}">${escapeHtml(t)}</a></li>`).join('')}</ol></nav>`);

	out.push(`<main>\n<section id="${groupAnchor('overview')}">\n<h2>Executive summary</h2>`);
	out.push(c.summary.length ? `<ul class="summary">\n${c.summary.map((s) => `<li>${escapeHtml(s.text)}</li>`).join('\n')}\n</ul>` : '<p class="unavailable">No analysis could be computed.</p>');
	if (c.keyFigures) out.push(table(c.keyFigures));
	out.push('</section>');

	for (const s of c.sections) {
		out.push(`<section id="${groupAnchor(s.group)}">\n<h2>${escapeHtml(s.heading)}</h2>`);
		out.push(...s.panels.map(panel));
		out.push('</section>');
	}

	out.push(`<section id="${groupAnchor('quality')}">\n<h2>Data quality</h2>`);
	out.push(...c.quality.panels.filter((p) => p.views.some((v) => v.chart)).map((p) => panel({ ...p, heading: 'Flagged rows' })));
	out.push(c.quality.tables.map(table).join('\n'));
	if (c.quality.notes.length) out.push(`<ul>${c.quality.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
	out.push('</section>');

	out.push(`<section id="${groupAnchor('insights')}">\n<h2>Recommended actions</h2>`);
	out.push(c.actions.length ? c.actions.map(table).join('\n') : '<p class="unavailable">Not available: needs customer ids.</p>');
	out.push('</section>');

	out.push(`<section id="dictionary">\n<h2>Data dictionary</h2>`);
	out.push(
		c.dictionary.length
			? `<dl class="dictionary">\n${c.dictionary.map((d) => `<dt id="dict-${escapeHtml(d.id)}">${escapeHtml(d.term)}</dt><dd>${escapeHtml(d.definition)}${d.formula ? `<br><code>${escapeHtml(d.formula)}</code>` : ''}</dd>`).join('\n')}\n</dl>`
			: '<p class="unavailable">No definitions.</p>'
	);
	out.push('</section>\n</main>');
	out.push('<footer>Made with Customer Lens, entirely in the browser: the data never left this device.</footer>');
	return out.join('\n');
}

/**
 * The whole analysis as one self-contained HTML document (a string). Charts are drawn with
 * `options.document`, default `globalThis.document`; throws when there is neither.
 */
export function buildHtmlReport(
	results: AnalysisResults,
	quality: QualitySummary | null | undefined,
	dictionary: readonly DictionaryEntry[],
	options: ReportOptions = {}
): string {
	const content = buildReportContent(results, quality, dictionary, options);
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)}</title>
<style>${CSS}</style>
</head>
<body>
${render(content)}
</body>
</html>
`;
}
