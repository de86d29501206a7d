/**
 * The format layer's public face: how numbers, money, dates and group labels are written in
 * sentences, chart labels, tables and the report. Imports nothing, so every layer may use it
 * (the slices' takeaways, the insights, the charts) without an import cycle.
 */
export * from './format';
export * from './buckets';
