/**
 * The charts layer's public face: every Observable Plot drawing of a result, and the dashboard's
 * sections (groups). Which chart a panel draws is the slice's `panel.ts`; the dashboard and the
 * report both draw from that list (`panels/index.ts`).
 */
export * from './activity';
export * from './breakdowns';
export * from './customers';
export * from './profile';
export * from './sales';
export * from './feedback';
export { palette, type Chart, type ChartOptions } from './helpers';
export * from './groups';
