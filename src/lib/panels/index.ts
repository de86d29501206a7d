/**
 * The panels layer's public face: the dashboard's panel list, built from the slices' `panel.ts`
 * files, in screen order, and the few rules every panel shares. Components render this list and
 * never reach into an analysis. (The command line never imports this layer: it draws with Plot.)
 */
import type { AnalysisName, AnalysisResults } from '../analyses/index';
import type { DisabledAnalysis } from '../ingest/index';
import { kpisPanel } from '../analyses/kpis/panel';
import { seasonalityPanel, trendPanel } from '../analyses/trend/panel';
import { countriesPanel, productsPanel } from '../analyses/breakdowns/panel';
import { dealSizePanel } from '../analyses/dealSize/panel';
import { statusPanel } from '../analyses/status/panel';
import { rfmHeatmapPanel, rfmPanel, rfmScatterPanel } from '../analyses/rfm/panel';
import { cltvPanel } from '../analyses/cltv/panel';
import { churnPanel } from '../analyses/churn/panel';
import { engagementPanel } from '../analyses/engagement/panel';
import { cohortsPanel } from '../analyses/cohorts/panel';
import { demographicsPanel } from '../analyses/demographics/panel';
import { qualityPanel } from '../analyses/dataQuality/panel';
import { inGroupOrder } from '../charts/index';
import { feedbackPanel } from '../analyses/feedback/panel';
import type { PanelDefinition } from './types';

export type * from './types';
export { PANEL_GROUPS, groupAnchor, byGroup, type PanelGroup } from '../charts/index';
export { complete, dictionaryEntries, insightsFor, type DictionaryEntry, type Insights } from './insights';
export { memoizedPanel, type PanelContent } from './memo';
import { firstDictionaryId } from './insights';

/** The recommended actions and executive summary: composed from the other panels' analyses, drawn by the dashboard. */
const insightsPanel: PanelDefinition = {
	name: 'insights',
	group: 'insights',
	title: 'Insights and actions',
	analyses: [],
	wide: true,
	dictionary: ['rfm-segments-standard', 'rfm'],
	takeaway: () => null,
	views: () => []
};

/** In group order (`inGroupOrder` keeps the order below within a group, so a new panel only sets its `group`). */
export const PANELS: readonly PanelDefinition[] = inGroupOrder([
	kpisPanel,
	trendPanel,
	seasonalityPanel,
	productsPanel,
	countriesPanel,
	dealSizePanel,
	statusPanel,
	rfmPanel,
	rfmHeatmapPanel,
	rfmScatterPanel,
	demographicsPanel,
	feedbackPanel,
	cltvPanel,
	churnPanel,
	engagementPanel,
	cohortsPanel,
	qualityPanel,
	insightsPanel
]);

export function dictionaryId(panel: PanelDefinition): string | null {
	return firstDictionaryId(panel.dictionary);
}

/**
 * Why a whole panel is off: its results' own reason, or (before they are computed) what ingest
 * said the mapping turns off.
 */
/** Whether the column mapping switched the panel off (a field it needs is missing): then recomputing it is no update to show. */
export function panelSwitchedOff(panel: PanelDefinition, disabled: readonly DisabledAnalysis[]): boolean {
	return disabled.some((d) => panel.unlockedBy?.includes(d.analysis));
}

export function panelUnavailable(panel: PanelDefinition, results: Partial<AnalysisResults>, disabled: readonly DisabledAnalysis[], computing: (names: AnalysisName[]) => boolean): string | null {
	if (panel.analyses.length === 0) return null;
	const states = panel.analyses.map((n) => results[n] as { available: boolean; reason?: string } | undefined);
	if (states.some((x) => x?.available)) return null;
	const first = states.find((x) => x && !x.available);
	if (first) return first.reason ?? 'not available';
	const off = disabled.find((d) => panel.unlockedBy?.includes(d.analysis));
	return off && !computing(panel.analyses) ? off.reason : null;
}
