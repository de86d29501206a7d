/** The one horizontal bar chart behind every ranked or categorical chart: labelled bars, values at the bar ends. */
import * as Plot from '@observablehq/plot';
import { barHeight, frame, labelMargin, render, tip, truncateTicks, type Chart, type ChartOptions, type Frame } from './helpers';

export interface BarSpec<T> {
	rows: readonly T[];
	/** Category label (user text: drawn as SVG text, truncated on the axis, complete in the tooltip). */
	label: (d: T) => string;
	value: (d: T) => number;
	/** Printed at the end of each bar. */
	text: (d: T) => string;
	tooltip: (d: T) => string;
	/** A CSS colour per bar. */
	fill: (d: T) => string;
	xLabel: string;
	xTicks: (v: number) => string;
	/** Percent axes etc.: fixed domain. */
	xDomain?: [number, number];
	frame: Frame;
}

/** Horizontal bars in the order given, the value printed past each bar end (left of negative bars). */
export function horizontalBars<T>(spec: BarSpec<T>, opts: ChartOptions): Chart {
	const rows = spec.rows.map((d) => ({ label: spec.label(d), value: spec.value(d), text: spec.text(d), tooltip: spec.tooltip(d), fill: spec.fill(d) }));
	const labels = rows.map((r) => r.label);
	const longestText = rows.reduce((n, r) => Math.max(n, r.text.length), 0);
	const hasNegative = rows.some((r) => r.value < 0);
	return render({
		...frame(opts, { ...spec.frame, height: spec.frame.height ?? barHeight(rows.length) }),
		marginLeft: labelMargin(labels),
		marginRight: Math.min(220, longestText * 6 + 16),
		x: { label: spec.xLabel, tickFormat: spec.xTicks, grid: true, nice: true, domain: spec.xDomain, insetLeft: hasNegative ? longestText * 6 : 0 },
		y: { domain: labels, label: null, tickFormat: truncateTicks() },
		color: { type: 'identity' },
		marks: [
			Plot.barX(rows, { y: 'label', x: 'value', fill: 'fill', title: 'tooltip', tip: tip(opts) }),
			Plot.text(
				rows.filter((r) => r.value >= 0),
				{ y: 'label', x: 'value', text: 'text', dx: 4, textAnchor: 'start' }
			),
			Plot.text(
				rows.filter((r) => r.value < 0),
				{ y: 'label', x: 'value', text: 'text', dx: -4, textAnchor: 'end' }
			),
			Plot.ruleX([0], { stroke: 'currentColor' })
		]
	});
}
