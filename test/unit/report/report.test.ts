import { describe, expect, it } from 'vitest';
import { PANELS } from '../../../src/lib/panels/index';
import { REPORT_CSP, buildHtmlReport, buildMarkdownReport, escapeHtml, escapeMarkdown, markdownTable } from '../../../src/lib/report/index';
import { DICTIONARY, type DictionaryEntry } from '../../../src/lib/insights/dictionary';
import { createTestDocument } from '../charts/dom';
import * as f from '../../fixtures/results';

const dictionary: DictionaryEntry[] = [
	{ id: 'net-revenue', term: 'Net revenue', definition: 'Sum of line revenue, returns and cancellations included.', formula: 'Σ revenue' },
	{ id: 'churn-rate', term: 'Churn | rate', definition: 'Churned customers / customers.\nSecond line <b>bold</b>' }
];
const document = createTestDocument();
const options = { currency: '£', generatedOn: '2024-06-20', document };
const html = buildHtmlReport(f.results, f.quality, dictionary, options);
const md = buildMarkdownReport(f.results, f.quality, dictionary, options);
/** The panels the report draws panel by panel (the summary and the actions stand for the composed ones, the data-quality section for its own). */
const reported = PANELS.filter((p) => !['overview', 'insights', 'quality'].includes(p.group));

describe('escapeHtml', () => {
	it('escapes markup, quotes and ampersands', () => {
		expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(escapeHtml(`a & b 'c'`)).toBe('a &amp; b &#39;c&#39;');
		expect(escapeHtml('&amp;')).toBe('&amp;amp;');
		expect(escapeHtml(null)).toBe('');
		expect(escapeHtml(42)).toBe('42');
	});
});

describe('HTML report', () => {
	it('is one document with the title, files, period and a CSP that forbids scripts and remote loads', () => {
		expect(html.startsWith('<!doctype html>')).toBe(true);
		expect(html).toContain('<h1>Customer Lens report</h1>');
		expect(html).toContain('1 Jan 2023 – 15 Jun 2024');
		expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`);
		expect(REPORT_CSP).toMatch(/default-src 'none'/);
		expect(REPORT_CSP).not.toMatch(/script-src/);
	});

	it('contains the executive summary, every panel heading, the actions, data quality and dictionary', () => {
		expect(html).toContain('<h2>Executive summary</h2>');
		expect(html).toContain('Net revenue was £1,234.50');
		for (const p of reported) expect(html, p.title).toContain(`<h3>${escapeHtml(p.title)}</h3>`);
		expect(html).toContain('<h2>Recommended actions</h2>');
		expect(html).toContain('<caption>Actions by type</caption>');
		expect(html).toContain('<h2>Data quality</h2>');
		expect(html).toContain('Data quality: flagged rows per reason');
		expect(html).toContain('<h2>Data dictionary</h2>');
		expect(html).toContain('<dt id="dict-net-revenue">Net revenue</dt>');
		expect(html).toContain('<code>Σ revenue</code>');
		expect(html).toContain('Not available: the data has no category column.');
	});

	it('has every dashboard panel, with all its views, beyond the summary and the actions that stand for the composed ones', () => {
		for (const p of PANELS) {
			if (p.group === 'overview' || p.group === 'insights') continue;
			expect(html, p.name).toContain(`<section class="panel" id="panel-${p.name}">`);
			if (p.group !== 'quality') expect(md, p.name).toContain(`### ${escapeMarkdown(p.title)}`);
		}
		expect(html).toContain('<section id="section-overview">');
		expect(html).toContain('<section id="section-insights">');
	});

	it('inlines every chart as SVG', () => {
		// The fixture's views with a chart, counted by hand: trend 3 (monthly, forecast, unusual days), seasonality 1,
		// products 1 and countries 1 (no category or region column), deal size 1, status 1, the three RFM panels 3,
		// demographics 2 (age, gender), feedback 4 (ratings, by month, by segment, churn), value 3 (tiers, predicted, holdout),
		// churn 2 (groups, P(active)), engagement 2, cohorts 1, data quality 1.
		const charts = 3 + 1 + 1 + 1 + 1 + 1 + 3 + 2 + 4 + 3 + 2 + 2 + 1 + 1;
		// `class` anywhere in the tag: linkedom writes attributes in reverse order (browsers: insertion order).
		const figures = html.match(/<figure\s(?:[^>]*\s)?class="plot-[\w-]*figure"/g) ?? [];
		expect(figures.length).toBe(charts);
		expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(charts);
	});

	it('has no scripts, no event handlers and no remote references', () => {
		const found = (re: RegExp) => html.match(re)?.[0] ?? null;
		expect(found(/<script/i)).toBeNull();
		expect(found(/<[^>]*\son[a-z]+\s*=/i)).toBeNull();
		expect(found(/https?:\/\//i)).toBeNull();
		// The only URLs are data: images (Plot's colour ramps) and in-page anchors.
		expect(found(/<[^>]*\s(src|href)\s*=\s*["']?(?!["']|data:image\/|#)[^"'\s>]*/i)).toBeNull();
		expect(found(/url\(\s*['"]?\s*(?!#)[^)]*\)/i)).toBeNull();
		expect(found(/@import/i)).toBeNull();
	});

	it('escapes user text everywhere (product names, file names, segment labels, dictionary)', () => {
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('orders &lt;img src=x onerror=alert(1)&gt;.csv');
		expect(html).toContain('Second line &lt;b&gt;bold&lt;/b&gt;');
		const evil = buildHtmlReport(f.results, f.quality, [], { title: '</title><script>alert(1)</script>', fileNames: ['"><svg onload=alert(1)>'], document });
		expect(evil).not.toMatch(/<script/i);
		expect(evil).not.toContain('<svg onload');
		expect(evil).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
	});

	it('has a print stylesheet', () => {
		expect(html).toMatch(/@media print/);
		expect(html).toMatch(/break-inside: avoid/);
	});

	it('prints the real data dictionary', () => {
		const full = buildHtmlReport(f.results, f.quality, DICTIONARY, options);
		for (const d of DICTIONARY) expect(full).toContain(`<dt id="dict-${escapeHtml(d.id)}">${escapeHtml(d.term)}</dt>`);
		expect(full.match(/<script/i)).toBeNull();
		const mdFull = buildMarkdownReport(f.results, f.quality, DICTIONARY, options);
		const rows = mdFull.split('## Data dictionary')[1].trim().split('\n');
		expect(rows.length).toBe(DICTIONARY.length + 2);
	});

	it('still builds when most analyses are unavailable and there is no import summary', () => {
		const off = { available: false as const, reason: 'no customer id column' };
		const thin = { ...f.results, rfm: off, churn: off, cltv: off, clv: off, cohorts: off, engagement: off, demographics: off, feedback: off };
		const out = buildHtmlReport(thin, null, [], { document });
		expect(out).toContain('Not available: no customer id column.');
		expect(out).toContain('Not available: needs customer ids.');
		expect(out).not.toMatch(/<script/i);
	});

	it('ends a reason that is whole sentences with its own full stop, not a second one', () => {
		const refusal = 'The BG/NBD\'s best fit is degenerate. Use a longer period or more customers.';
		const off = { available: false as const, reason: refusal };
		const thin = { ...f.results, cltv: off, clv: off };
		const out = buildHtmlReport(thin, null, [], { document });
		const mdOut = buildMarkdownReport(thin, null, [], { document });
		expect(out).toContain(`Not available: ${escapeHtml(refusal)}</p>`);
		expect(mdOut).toContain(`_Not available: ${escapeMarkdown(refusal)}_`);
		expect(out + mdOut).not.toContain('customers..');
	});

	it('follows the dashboard section order: overview, the chart groups, quality, then the actions', () => {
		const h2 = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
		expect(h2).toEqual(['Executive summary', 'Sales', 'Products and markets', 'Customers', 'Value', 'Churn and engagement', 'Cohorts', 'Data quality', 'Recommended actions', 'Data dictionary']);
		const mdH2 = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
		expect(mdH2).toEqual(h2);
		// Panels sit under their group: RFM and the demographics under Customers, churn under Churn and engagement.
		const at = (s: string) => html.indexOf(s);
		expect(at('<h3>RFM segments</h3>')).toBeGreaterThan(at('<h2>Customers</h2>'));
		expect(at('<h3>Demographics</h3>')).toBeGreaterThan(at('<h2>Customers</h2>'));
		expect(at('<h3>Demographics</h3>')).toBeLessThan(at('<h2>Value</h2>'));
		expect(at('<h3>Churn risk</h3>')).toBeGreaterThan(at('<h2>Churn and engagement</h2>'));
		expect(at('<h3>Churn risk</h3>')).toBeLessThan(at('<h2>Cohorts</h2>'));
		expect(html).toContain('<a href="#section-customers">Customers</a>');
		expect(html).toContain('<section id="section-customers">');
	});

	it('says what is missing when there is no document to draw the charts with', () => {
		expect(globalThis.document).toBeUndefined();
		expect(() => buildHtmlReport(f.results, f.quality, [], {})).toThrow(/options\.document/);
		expect(() => buildMarkdownReport(f.results, f.quality, [], {})).toThrow(/options\.document/);
	});
});

describe('Markdown report', () => {
	it('has the same sections and headings', () => {
		expect(md.startsWith('# Customer Lens report\n')).toBe(true);
		for (const h of ['## Executive summary', '## Recommended actions', '## Data quality', '## Data dictionary']) expect(md).toContain(h);
		for (const p of reported) expect(md).toContain(`### ${escapeMarkdown(p.title)}`);
		expect(md).toContain('- Net revenue was £1,234.50');
	});

	it('escapes user text so it stays literal when rendered', () => {
		expect(md).not.toMatch(/(^|[^\\])<img/);
		expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
	});

	it('writes well-formed tables: every row has the header’s column count, no raw line breaks or pipes in cells', () => {
		const tables = md.split('\n\n').filter((b) => b.startsWith('| '));
		expect(tables.length).toBeGreaterThanOrEqual(6);
		for (const t of tables) {
			const lines = t.trimEnd().split('\n');
			const cols = (l: string) => l.replace(/\\\|/g, '').split('|').length - 2;
			expect(lines[1]).toMatch(/^\|( ---:? \|)+$/);
			for (const l of lines) {
				expect(l.startsWith("| ") && l.endsWith(" |") ? "ok" : l).toBe("ok");
				expect(cols(l), l).toBe(cols(lines[0]));
			}
		}
		expect(md).toContain('| Churn \\| rate | Churned customers / customers. Second line \\<b\\>bold\\</b\\> |   |');
	});

	it('markdownTable escapes pipes and newlines and right-aligns numeric columns', () => {
		expect(markdownTable(['a', 'n'], [['x|y\nz', '1']], [false, true])).toBe('| a | n |\n| --- | ---: |\n| x\\|y z | 1 |');
	});
});
