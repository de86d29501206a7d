/**
 * The app layer's public face for the components and routes: the session, its settings, downloads,
 * drill-down selections and UI formatting.
 */
export { Session, type Loaded, type Progress } from './session.svelte';
export { LIMITS, settingsFromQuery, settingsToQuery } from './url-settings';
export { SAMPLES, fetchSampleFile, type Sample } from './samples';
export { drillFilename, drillFilter, drillTitle, type CustomerSelection, type DrillSelection, type ReviewSelection } from './drill';
export { downloadBlob, findChartSvg, pngBlob, safeFilename, svgBlob } from './download';
export { chartDraws } from './chart-draws.svelte';
export { downloadReport, type ReportFormat } from './report-export';
export { downloadAllCustomers, type CustomersFormat } from './customers-export';
export { toUserError, type UserError } from './errors';
export { latestOnly } from './latest-only';
export { forgetMapping } from './mapping';
export type { FilterOptions } from './filter-options';
export { forgetDevice, keepOnDevice, keepOptedIn, keepSupported, keptManifest, reopenFromDevice, setKeepOptedIn, type KeptManifest } from './device-store';
export * from './format';
