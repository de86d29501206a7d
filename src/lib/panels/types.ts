/**
 * What a panel hands the components: views (a chart factory, a table spec) and the panel's own
 * facts. Plain types so slices can define panels without importing Svelte components.
 */
import type { AnalysisName, AnalysisResults } from '../analyses/index';
import type { QualitySummary } from '../ingest/index';
import type { DrillSelection } from '../app/drill';
import type { PanelGroup } from '../charts/index';

export interface ChartContext {
	/** Width available to the chart, in CSS pixels. */
	width: number;
	/** Whether the page is in dark mode (charts may pick colours from it). */
	dark: boolean;
	/** The document to draw in (the report passes one outside the browser); default the page's. */
	document?: Document;
	/** Pointer tips (the static report has none). */
	tips?: boolean;
}

/** Builds the chart element; receives the available width. Returning null shows the placeholder. */
export type ChartFactory = (ctx: ChartContext) => Element | null;

export interface Column<R> {
	key: string;
	label: string;
	numeric?: boolean;
	format?: (value: unknown, row: R) => string;
}

export interface TableSpec<R extends object = Record<string, unknown>> {
	caption: string;
	columns: Column<R>[];
	rows: R[];
	limit?: number;
	/** Drill-down from a row (the first cell becomes a button). */
	onactivate?: (row: R) => void;
	activateLabel?: (row: R) => string;
}

export interface PanelView {
	id: string;
	/** Label of the view switch (only shown when a panel has several views). */
	label: string;
	/** Chart title for downloads and screen readers. */
	title: string;
	chart: ChartFactory | null;
	/** Why this view has nothing to show. */
	unavailable?: string | null;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	table?: TableSpec<any> | null;
	/** Show the table openly (it is the drill-down surface), not folded under the chart. */
	tableOpen?: boolean;
	/** How to drill down from this view. */
	hint?: string;
	/** Called with Plot's value under the pointer when the chart is clicked (drill-down). */
	onchartclick?: (datum: unknown) => void;
}

/** Everything a panel is drawn from. */
export interface PanelInput {
	results: Partial<AnalysisResults>;
	currency: string;
	quality: QualitySummary | null;
	ondrill: (selection: DrillSelection) => void;
}

/** A headline number shown at the top of a panel (`data-metric` / `data-value` are test contracts). */
export interface PanelMetric {
	metric: string;
	label: string;
	value: number;
	text: string;
	secondary?: string;
}

/** One dashboard panel, defined in the slice of the analysis it shows. */
export interface PanelDefinition {
	/** The `data-panel` attribute: a contract pinned by the end-to-end tests, spelled as it always was. */
	name: string;
	/** The section of the dashboard (and of the report) the panel sits in; the screen order follows the groups. */
	group: PanelGroup;
	title: string;
	/** Analyses shown; the panel is "updating" while any of them recomputes. */
	analyses: AnalysisName[];
	wide?: boolean;
	/** Dictionary entries that explain the panel; the first that exists is linked. */
	dictionary: string[];
	/**
	 * Ids of ingest's `disabledAnalyses` (decided from the mapped fields) that switch the panel off
	 * before anything is computed: the fields that unlock it, as ingest names them.
	 */
	unlockedBy?: string[];
	/** The one sentence under the panel, or null. */
	takeaway(input: PanelInput): string | null;
	/** Headline numbers above the views (the KPI panel draws its own cards). */
	metrics?(input: PanelInput): PanelMetric[];
	views(input: PanelInput): PanelView[];
}
