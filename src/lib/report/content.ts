/**
 * The report's content, built once from the results and rendered twice (HTML and Markdown) so the
 * two exports always say the same thing. Its panels are the dashboard's (`panels/index.ts`): the
 * same titles, views, charts and takeaways, so a new panel is in the report without another edit.
 * Every string here is plain text; the renderers escape it.
 */
import type { AnalysisResults, Sentence } from '../analyses/index';
import { qualityReasons } from '../charts/index';
import { formatCount, formatDate, formatMoney, formatPercent, listJoin } from '../format/index';
import type { QualitySummary } from '../ingest/index';
import { actionTables, executiveSummary, type ActionRow, type DictionaryEntry, type GroupedAction } from '../insights/index';
import { PANELS, byGroup, panelUnavailable, type ChartContext, type PanelDefinition, type PanelGroup, type PanelInput, type PanelView } from '../panels/index';

export type { DictionaryEntry };

export interface ReportOptions {
	/** Report title (default "Customer Lens report"). */
	title?: string;
	/** Source file names (default: the files in the data-quality summary). */
	fileNames?: string[];
	currency?: string;
	/** When the report was made, `YYYY-MM-DD` (default today). */
	generatedOn?: string;
	/**
	 * Document to draw the charts with (default: `globalThis.document`, i.e. the page's in the browser).
	 * Outside a browser pass one, e.g. linkedom's `parseHTML('<!doctype html><html><body></body></html>').document`.
	 */
	document?: Document;
	/** Chart width in px (default 720). */
	chartWidth?: number;
}

export interface Table {
	caption: string;
	header: string[];
	/** Right-aligned (numeric) columns. */
	numeric: boolean[];
	rows: string[][];
	/** A sentence under the table. */
	note?: string;
}

/** One view of a panel: its chart (HTML only), or null with `unavailable` saying why. */
export interface ReportView {
	title: string;
	chart: Element | null;
	unavailable: string | null;
}

export interface ReportPanel {
	/** The dashboard's `data-panel` name. */
	name: string;
	group: PanelGroup;
	heading: string;
	/** Why the whole panel has nothing to show, else null. */
	unavailable: string | null;
	/** The views that draw a chart or say why they cannot (a table-only view stays on the dashboard). */
	views: ReportView[];
	takeaway: string | null;
}

/**
 * The report's own sections stand for these groups' panels: the executive summary for the headline
 * numbers, the recommended actions for the insights panel.
 */
const COMPOSED_GROUPS: readonly PanelGroup[] = ['overview', 'insights'];

export interface ReportContent {
	title: string;
	/** "Files: …", "Period: …", "As of …", "Generated …". */
	meta: { label: string; value: string }[];
	summary: Sentence[];
	keyFigures: Table | null;
	/** The dashboard's panels by group, in its order (the quality group's go to `quality`). */
	sections: { group: PanelGroup; heading: string; panels: ReportPanel[] }[];
	actions: Table[];
	/** The data-quality chart (from the "Data" panels), tables and notes. */
	quality: { panels: ReportPanel[]; tables: Table[]; notes: string[] };
	dictionary: DictionaryEntry[];
}

function keyFigures(r: AnalysisResults, c?: string): Table | null {
	const k = r.kpis;
	if (!k.available) return null;
	const rows: [string, string][] = [
		['Net revenue', formatMoney(k.revenue, c)],
		['Gross sales', formatMoney(k.grossSales, c)],
		['Returned value', formatMoney(k.returnedValue, c)],
		['Orders', formatCount(k.orders)],
		['Average order value', formatMoney(k.aov, c)]
	];
	if (k.customers !== null) rows.push(['Customers', formatCount(k.customers)]);
	if (k.units !== null) rows.push(['Units', formatCount(k.units)]);
	if (k.products !== null) rows.push(['Products', formatCount(k.products)]);
	rows.push(['Order lines', formatCount(k.lines)], ['Return lines', formatCount(k.returnLines)], ['Cancelled orders', formatCount(k.cancelledOrders)]);
	return { caption: 'Key figures', header: ['Measure', 'Value'], numeric: [false, true], rows };
}

function actionTable(caption: string, groupHeader: string, rows: ActionRow[], c?: string): Table {
	return {
		caption,
		header: [groupHeader, 'Customers', 'Revenue', 'Action type', 'Recommended action'],
		numeric: [false, true, true, false, false],
		rows: rows.map((r) => [r.group, formatCount(r.customers), formatMoney(r.revenue, c), r.category, r.action])
	};
}

function groupedTable(rows: GroupedAction[], from: 'segments' | 'churn', c?: string): Table {
	return {
		caption: 'Actions by type',
		header: ['Action type', 'Customers', 'Revenue', from === 'segments' ? 'RFM segments' : 'Churn-risk groups'],
		numeric: [false, true, true, false],
		rows: rows.map((g) => [g.category, formatCount(g.customers), formatMoney(g.revenue, c), listJoin(g.groups) || '—']),
		note: `Summed from the ${from === 'segments' ? 'RFM segment' : 'churn-risk'} table: each customer is counted once.`
	};
}

function actionSection(r: AnalysisResults, c?: string): Table[] {
	const t = actionTables(r);
	const out: Table[] = [];
	if (t.grouped && t.groupedFrom) out.push(groupedTable(t.grouped, t.groupedFrom, c));
	if (t.segments) out.push(actionTable('By RFM segment', 'Segment', t.segments, c));
	if (t.churn) out.push(actionTable('By churn risk', 'Risk group', t.churn, c));
	if (t.cltv) out.push(actionTable('By customer value tier (historical CLTV)', 'Tier', t.cltv, c));
	if (t.feedback) out.push(actionTable('Discontent: lapsing segments with unhappy customers (also counted in their segment)', 'Group', t.feedback, c));
	return out;
}

function qualitySection(q: QualitySummary | null | undefined, r: AnalysisResults): { tables: Table[]; notes: string[] } {
	const tables: Table[] = [];
	const notes: string[] = [];
	if (q) {
		tables.push({
			caption: 'Files',
			header: ['File', 'Role', 'Format', 'Rows read', 'Rows used'],
			numeric: [false, false, false, true, true],
			rows: q.files.map((f) => [f.file, f.role, f.format, formatCount(f.rowsRead), formatCount(f.rowsUsed)])
		});
		const share = (n: number) => (q.rowsRead > 0 ? formatPercent(n / q.rowsRead) : '—');
		tables.push({
			caption: 'Flagged rows',
			header: ['Reason', 'Rows', 'Share of rows read'],
			numeric: [false, true, true],
			rows: qualityReasons(q).map((x) => [x.reason, formatCount(x.rows), share(x.rows)])
		});
		if (q.dateFormats.length) {
			tables.push({
				caption: 'How dates were read',
				header: ['File', 'Column', 'Format'],
				numeric: [false, false, false],
				rows: q.dateFormats.map((d) => [d.file, d.column, d.description || d.format])
			});
		}
		notes.push(...q.notes);
		for (const d of q.disabledAnalyses) notes.push(`${d.analysis} is off: ${d.reason}.`);
	} else if (r.dataQuality.available) {
		const d = r.dataQuality;
		tables.push({
			caption: 'Flagged lines',
			header: ['Reason', 'Lines'],
			numeric: [false, true],
			rows: [
				['Return lines', formatCount(d.returnLines)],
				['Cancelled lines', formatCount(d.cancelledLines)],
				['Without customer id', formatCount(d.linesWithoutCustomer)],
				['Without product', formatCount(d.linesWithoutProduct)],
				['Zero revenue', formatCount(d.zeroRevenueLines)]
			]
		});
	}
	return { tables, notes };
}

/** The document the report's charts are drawn with: `options.document`, else the page's. */
export function reportDocument(options: ReportOptions): Document {
	const document = options.document ?? (globalThis as { document?: Document }).document;
	if (!document) {
		throw new TypeError('The report needs a DOM document to draw its charts: pass `options.document` (e.g. from linkedom) when there is no global `document`.');
	}
	return document;
}

function reportView(view: PanelView, ctx: ChartContext): ReportView | null {
	const chart = view.chart?.(ctx) ?? null;
	const unavailable = chart ? null : (view.unavailable ?? (view.chart ? 'not enough data for this chart' : null));
	return chart || unavailable ? { title: view.title, chart, unavailable } : null;
}

/** A dashboard panel drawn for the report: its views' charts and its takeaway. */
function reportPanel(panel: PanelDefinition, input: PanelInput, ctx: ChartContext): ReportPanel {
	const unavailable = panelUnavailable(panel, input.results, [], () => false);
	const views = unavailable ? [] : panel.views(input).flatMap((v) => reportView(v, ctx) ?? []);
	return { name: panel.name, group: panel.group, heading: panel.title, unavailable, views, takeaway: unavailable ? null : panel.takeaway(input) };
}

/** Everything the report says, as plain text and chart elements. */
export function buildReportContent(
	results: AnalysisResults,
	quality: QualitySummary | null | undefined,
	dictionary: readonly DictionaryEntry[],
	options: ReportOptions
): ReportContent {
	const c = options.currency;
	const ctx: ChartContext = { width: options.chartWidth ?? 720, dark: false, tips: false, document: reportDocument(options) };
	const files = options.fileNames ?? quality?.files.map((f) => f.file) ?? [];
	const k = results.kpis;
	const from = k.available ? k.period.from : quality?.dateFrom;
	const to = k.available ? k.period.to : quality?.dateTo;
	const meta: ReportContent['meta'] = [];
	if (files.length) meta.push({ label: files.length === 1 ? 'File' : 'Files', value: files.join(', ') });
	if (from && to) meta.push({ label: 'Period', value: `${formatDate(from)} – ${formatDate(to)}` });
	if (results.asOf) meta.push({ label: 'As of', value: formatDate(results.asOf) });
	meta.push({ label: 'Generated', value: formatDate(options.generatedOn ?? new Date().toISOString().slice(0, 10)) });

	const input: PanelInput = { results, currency: c ?? '', quality: quality ?? null, ondrill: () => {} };
	const drawn = PANELS.filter((p) => !COMPOSED_GROUPS.includes(p.group)).map((p) => reportPanel(p, input, ctx));
	const groups = byGroup(drawn);
	const sections = groups.filter((g) => g.group !== 'quality').map((g) => ({ group: g.group, heading: g.label, panels: g.items }));
	const dataPanels = groups.find((g) => g.group === 'quality')?.items ?? [];
	return {
		title: options.title ?? 'Customer Lens report',
		meta,
		summary: executiveSummary(results, { currency: c, quality }),
		keyFigures: keyFigures(results, c),
		sections,
		actions: actionSection(results, c),
		quality: { panels: dataPanels, ...qualitySection(quality, results) },
		dictionary: [...dictionary]
	};
}
