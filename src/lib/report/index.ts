/**
 * The report layer's public face: the HTML and Markdown reports (drawn from the dashboard's
 * panels) and the CSV writer. The command line imports `./csv` directly instead: this file also
 * loads the panels, and with them Observable Plot, which the CLI never loads.
 */
export { buildHtmlReport, REPORT_CSP } from './html';
export { buildMarkdownReport } from './markdown';
export { buildReportContent, type ReportContent, type ReportOptions, type ReportPanel, type ReportView, type Table } from './content';
export { csvCell, neutraliseFormula, toCsv, type CsvCell } from './csv';
export { escapeHtml, escapeMarkdown, markdownTable } from './escape';
