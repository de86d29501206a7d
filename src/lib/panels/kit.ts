/**
 * The panels layer's face for the slices' `panel.ts` files: the panel types and the small toolkit
 * every panel uses (formatters bound to the currency, chart factories, reasons, the takeaway).
 * A separate entry point because `index.ts` imports the slices' panels: importing it back would
 * be a cycle.
 */
import type { Maybe, Takeaway } from '../analyses/index';
import type { Chart, ChartOptions } from '../charts/index';
import { formatCount, formatMoney, formatPercent } from '../format/index';
import type { ChartFactory, PanelInput, PanelView, TableSpec } from './types';

import { selectionFromDatum, type CustomerSelection } from '../app/drill';

export type * from './types';

/** The usual view of one result: how to draw it and which table lists it. */
export type ResultViewSpec<T> = Omit<PanelView, 'chart' | 'unavailable' | 'table'> & {
	draw: (x: T, o: ChartOptions) => Chart | null;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	table: (x: T) => TableSpec<any>;
};

export function kit(input: PanelInput) {
	const { currency } = input;
	/** A chart factory for an available result; null when there is nothing to draw. */
	function chart<T extends { available: true }>(m: Maybe<T> | undefined, draw: (x: T, o: ChartOptions) => Chart | null): ChartFactory | null {
		if (!m || !m.available) return null;
		return (ctx) => draw(m, { ...ctx, currency });
	}
	return {
		r: input.results,
		money: (v: unknown) => formatMoney(v, currency),
		pct: (v: unknown) => formatPercent(v),
		/** A share that may be unknown (null): blank then. */
		share: (v: unknown) => (v === null ? '' : formatPercent(v)),
		count: (v: unknown) => formatCount(v),
		chart,
		/** The view of one result: its chart and table, or why the result is unavailable. */
		resultView<T extends { available: true }>(m: Maybe<T> | undefined, { draw, table, ...view }: ResultViewSpec<T>): PanelView {
			return { ...view, chart: chart(m, draw), unavailable: reason(m), table: m?.available ? table(m) : null };
		},
		/** A chart click handler that drills down to the customers of the clicked `kind` (segment, group…). */
		drillOnClick: (kind: CustomerSelection['kind']) => (datum: unknown) => {
			const s = selectionFromDatum(kind, datum);
			if (s) input.ondrill(s);
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
