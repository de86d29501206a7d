/** The small toolkit every slice's panel uses: formatters bound to the currency, chart factories, reasons, the takeaway. */
import type { Maybe, Takeaway } from '../analyses/index';
import type { Chart, ChartOptions } from '../charts/index';
import { formatCount, formatMoney, formatPercent } from '../format/index';
import type { ChartFactory, PanelInput } from './types';

export function kit(input: PanelInput) {
	const { currency } = input;
	return {
		r: input.results,
		money: (v: unknown) => formatMoney(v, currency),
		pct: (v: unknown) => formatPercent(v),
		count: (v: unknown) => formatCount(v),
		/** A chart factory for an available result; null when there is nothing to draw. */
		chart<T extends { available: true }>(m: Maybe<T> | undefined, draw: (x: T, o: ChartOptions) => Chart | null): ChartFactory | null {
			if (!m || !m.available) return null;
			return (ctx) => draw(m, { ...ctx, currency });
		},
		drillLabel: (what: string) => (row: Record<string, unknown>) => `Show the customers of ${what} ${String(row.segment ?? row.group ?? row.cohort ?? '')}`
	};
}

/** Why a result is not available, or null. */
export function reason(m: { available: boolean; reason?: string } | undefined): string | null {
	return m && m.available === false ? (m.reason ?? 'not available') : null;
}

/** A panel's takeaway from its slice's sentence; a sentence that fails is left out rather than breaking the dashboard. */
export function takeawayText(sentence: Takeaway): (input: PanelInput) => string | null {
	return (input) => {
		try {
			return sentence(input.results, input)?.text ?? null;
		} catch (e) {
			console.warn('No takeaway:', e);
			return null;
		}
	};
}
