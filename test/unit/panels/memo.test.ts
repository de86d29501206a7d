import { describe, expect, it } from 'vitest';
import { memoizedPanel } from '../../../src/lib/panels/memo';
import type { PanelDefinition, PanelInput } from '../../../src/lib/panels/types';
import type { AnalysisResults } from '../../../src/lib/analyses/index';
import type { QualitySummary } from '../../../src/lib/ingest/index';

const ondrill = () => {};
const input = (results: Record<string, unknown>, currency = 'GBP', quality: PanelInput['quality'] = null): PanelInput => ({ results: results as Partial<AnalysisResults>, currency, quality, ondrill });
/** Two quality summaries that differ only in identity, as when the duplicate count is added. */
const qualityA = { notes: [] } as unknown as QualitySummary;
const qualityB = { notes: [] } as unknown as QualitySummary;

/** A panel declared for churn that also reads clv, as the churn panel does; counts how often its views are built. */
function countingPanel() {
	const calls = { views: 0 };
	const panel: PanelDefinition = {
		name: 'churn',
		group: 'customers',
		title: 'Churn',
		analyses: ['churn'],
		dictionary: [],
		takeaway: (i) => (i.results.churn ? 'some churn' : null),
		views: (i) => {
			calls.views++;
			const clv = i.results.clv;
			return [{ id: 'v', label: 'v', title: 'v', chart: () => (i.results.cohorts ? null : clv ? null : null) }];
		}
	};
	return { panel, calls };
}

describe('memoizedPanel', () => {
	it('keeps the same views while only results it never read change', () => {
		const { panel, calls } = countingPanel();
		const content = memoizedPanel(panel);
		const churn = { available: true };
		const first = content(input({ churn }));
		const second = content(input({ churn, kpis: { available: true }, products: { available: true } }));
		expect(second).toBe(first);
		expect(calls.views).toBe(1);
	});

	it('rebuilds when a result it read changes, including one of another analysis', () => {
		const { panel, calls } = countingPanel();
		const content = memoizedPanel(panel);
		const churn = { available: true };
		const first = content(input({ churn }));
		const clv = { available: true };
		const withClv = content(input({ churn, clv }));
		expect(withClv).not.toBe(first);
		const newChurn = content(input({ churn: { available: true }, clv }));
		expect(newChurn).not.toBe(withClv);
		expect(calls.views).toBe(3);
	});

	it('tracks what a chart reads when it draws, and the currency', () => {
		const { panel, calls } = countingPanel();
		const content = memoizedPanel(panel);
		const churn = { available: true };
		const first = content(input({ churn }));
		first.views[0].chart!({ width: 600, dark: false });
		expect(content(input({ churn, cohorts: { available: true } }))).not.toBe(first);
		const again = content(input({ churn, cohorts: { available: true } }, 'EUR'));
		expect(calls.views).toBe(3);
		expect(content(input({ churn, cohorts: { available: true } }, 'EUR'))).toBe(again);
	});

	it('keeps a panel that never reads the quality summary when only the summary changes', () => {
		const { panel, calls } = countingPanel();
		const content = memoizedPanel(panel);
		const churn = { available: true };
		const first = content(input({ churn }, 'GBP', qualityA));
		first.views[0].chart!({ width: 600, dark: false });
		expect(content(input({ churn }, 'GBP', qualityB))).toBe(first);
		expect(calls.views).toBe(1);
	});

	it('rebuilds a panel that read the quality summary, also when only its chart read it', () => {
		const calls = { views: 0 };
		const panel: PanelDefinition = {
			name: 'quality',
			group: 'quality',
			title: 'Data quality',
			analyses: ['dataQuality'],
			dictionary: [],
			takeaway: () => null,
			views: (i) => {
				calls.views++;
				return [{ id: 'v', label: 'v', title: 'v', chart: () => (i.quality ? null : null) }];
			}
		};
		const content = memoizedPanel(panel);
		const first = content(input({}, 'GBP', qualityA));
		expect(content(input({}, 'GBP', qualityB))).toBe(first);
		first.views[0].chart!({ width: 600, dark: false });
		const second = content(input({}, 'GBP', qualityB));
		expect(second).not.toBe(first);
		expect(calls.views).toBe(2);
	});
});
