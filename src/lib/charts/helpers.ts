/**
 * Shared conventions of every chart: options, the colour palette (colour-blind safe, ≥ 3:1 contrast
 * against the chart background in light and dark mode), the frame (title, caption, ARIA, size),
 * axis labels with the currency, tick formats, label truncation and text-on-fill contrast.
 * Text and axes use `currentColor`, so they follow the page's text colour.
 */
import * as Plot from '@observablehq/plot';
import { formatCompact, formatMoneyCompact, truncate, withCurrency } from '../format/index';

export interface ChartOptions {
	/** Outer width in px (default 640). */
	width?: number;
	/** Currency symbol or code shown in money labels ("£", "EUR"); none by default. */
	currency?: string;
	/** Use the dark-mode palette. */
	dark?: boolean;
	/** The document to build elements with (Plot's `document` option); defaults to `window.document`. */
	document?: Document;
	/** Interactive tooltips (default true); the static report turns them off. */
	tips?: boolean;
}

/** What every chart function returns: Plot's `<svg>`, or a `<figure>` wrapping title, legend and svg. */
export type Chart = HTMLElement | SVGElement;

/** Chart backgrounds the palette is checked against (the app's `--chart-bg`). */
export const BACKGROUND = { light: '#ffffff', dark: '#1a1f25' } as const;

/**
 * Okabe–Ito based, ordered series colours. Light variants are darkened where needed for ≥ 3:1
 * against white; dark variants are the light Okabe–Ito tones (≥ 4:1 against the dark background).
 */
const PALETTES = {
	light: { series: ['#0072B2', '#D55E00', '#007A5A', '#AA4499'], neutral: '#6F6F6F' },
	dark: { series: ['#56B4E9', '#E69F00', '#2FBF8F', '#E8A0C8'], neutral: '#9E9E9E' }
} as const;

export interface Palette {
	primary: string;
	secondary: string;
	tertiary: string;
	quaternary: string;
	/** "Other", missing values, churned customers. */
	neutral: string;
	series: readonly string[];
	background: string;
	/** Sequential scheme for heatmaps (Plot scheme name). */
	sequential: 'blues';
}

export function palette(dark = false): Palette {
	const p = dark ? PALETTES.dark : PALETTES.light;
	return {
		primary: p.series[0],
		secondary: p.series[1],
		tertiary: p.series[2],
		quaternary: p.series[3],
		neutral: p.neutral,
		series: p.series,
		background: dark ? BACKGROUND.dark : BACKGROUND.light,
		sequential: 'blues'
	};
}

/* ───────────── colour contrast (WCAG 2 relative luminance) ───────────── */

/** Parses "#rgb", "#rrggbb" and "rgb(r, g, b)"; null otherwise. */
export function parseColor(color: string): [number, number, number] | null {
	const c = color.trim();
	let m = /^#([0-9a-f]{6})$/i.exec(c);
	if (m) {
		const n = parseInt(m[1], 16);
		return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
	}
	m = /^#([0-9a-f]{3})$/i.exec(c);
	if (m) return [...m[1]].map((h) => parseInt(h + h, 16)) as [number, number, number];
	m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(c);
	return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function luminance(color: string): number {
	const rgb = parseColor(color) ?? [0, 0, 0];
	const [r, g, b] = rgb.map((v) => {
		const s = v / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `fill` (for numbers printed inside heatmap cells). */
export function textOn(fill: string): '#000000' | '#ffffff' {
	return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#ffffff') ? '#000000' : '#ffffff';
}

/** A sequential colour function for heatmap cells (same scheme Plot uses), to pick text colours. */
export function sequentialColor(domain: [number, number], scheme: Plot.ColorScheme = 'blues'): (v: number) => string {
	const [lo, hi] = domain[0] === domain[1] ? [domain[0], domain[0] + 1] : domain;
	const scale = Plot.scale({ color: { type: 'linear', scheme, domain: [lo, hi], clamp: true } });
	return (v: number) => String(scale.apply(v));
}

/* ───────────── labels and ticks ───────────── */

/** Axis label for money: "Net revenue (£)". */
export const moneyLabel = withCurrency;

/** Tick format for money axes: "£1.2K". */
export function moneyTicks(currency?: string): (v: number) => string {
	return (v: number) => formatMoneyCompact(v, currency);
}

/** Tick format for counts: "1.2K". */
export function countTicks(v: number): string {
	return formatCompact(v);
}

/** Tick format for ratios shown as percentages: 0.25 → "25%". */
export function percentTicks(v: number): string {
	return `${formatCompact(v * 100)}%`;
}

/** Longest label characters kept on a categorical axis. */
export const LABEL_MAX = 28;

/** Tick format that truncates long category labels safely (the full text stays in the tooltip). */
export function truncateTicks(max = LABEL_MAX): (v: unknown) => string {
	return (v: unknown) => truncate(String(v ?? ''), max);
}

/** Left margin (px) that fits the longest (truncated) label: ~7 px per character of 10 px text (capitals included). */
export function labelMargin(labels: readonly string[], max = LABEL_MAX, min = 40): number {
	const longest = labels.reduce((n, l) => Math.max(n, Math.min(Array.from(l).length, max)), 0);
	return Math.max(min, Math.ceil(longest * 7) + 14);
}

/** Options of a continuous colour legend (a ramp) whose end labels are not clipped. */
export const RAMP_LEGEND = { legend: true, width: 260, marginLeft: 12, marginRight: 12 } as const;

/** `YYYY-MM` or `YYYY-MM-DD` → a UTC Date (first of the month for months). */
export function toDate(label: string): Date {
	return new Date(/^\d{4}-\d{2}$/.test(label) ? `${label}-01T00:00:00Z` : `${label.slice(0, 10)}T00:00:00Z`);
}

/* ───────────── the frame ───────────── */

export interface Frame {
	title: string;
	/** Plain-language note under the chart (method, what is marked, what is excluded). */
	caption?: string;
	/** Short label for screen readers (defaults to the title). */
	ariaLabel?: string;
	/** What the chart shows, in a sentence, for screen readers. */
	ariaDescription: string;
	height?: number;
}

/**
 * The options every chart shares: size, document, title/caption (Plot wraps the svg in a
 * `<figure>` with an `<h2>` and `<figcaption>`), ARIA, and the tooltip background.
 */
export function frame(opts: ChartOptions, f: Frame): Plot.PlotOptions {
	const pal = palette(opts.dark);
	return {
		width: opts.width ?? 640,
		height: f.height,
		document: opts.document,
		title: f.title,
		caption: f.caption,
		ariaLabel: f.ariaLabel ?? f.title,
		ariaDescription: f.ariaDescription,
		// A string: Plot assigns it as cssText, the only way to set a custom property inline.
		style: `--plot-background: var(--chart-bg, ${pal.background}); overflow: visible;`
	};
}

/** `Plot.plot`, typed as our `Chart`. */
export function render(options: Plot.PlotOptions): Chart {
	return Plot.plot(options) as Chart;
}

/** Tooltip option for a mark, honouring `tips: false`. */
export function tip(opts: ChartOptions): boolean {
	return opts.tips !== false;
}

/** Height for a horizontal bar chart of `n` rows. */
export function barHeight(n: number, perRow = 26, extra = 60): number {
	return Math.max(120, n * perRow + extra);
}
