/** Trend tests for a series (plain TypeScript). */
export * from './mann-kendall';
