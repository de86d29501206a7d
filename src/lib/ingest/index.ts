/**
 * Ingest: files in, canonical `transactions` (and `customers`) out. Browser-safe; the Node-only
 * `inputFromPath` lives in `./node-input`.
 *
 * Typical use:
 *   const loaded = await loadFiles(engine, [inputFromBlob(file)], { onProgress });
 *   const suggestion = suggestMapping(loaded.files);        // zero clicks; the UI may edit `mapping`
 *   const { quality } = await buildCanonical(engine, loaded, suggestion.mapping);
 */
export { loadFiles, loadFile, dropRawTables } from './load';
export { buildCanonical, dropCanonical, fromSeveralFiles } from './build';
export { withDuplicateLines } from './duplicates';
export { suggestMapping, matchColumns, classifyFile, checkMapping, headerSignature, normalizeName, presentFields } from './automap';
export { plannedJoins, fieldsForRole, type PlannedJoin } from './join-roles';
export { profileTable } from './profile';
export { FAMILY_ORDER, detectDateFormat, describeDateFormat } from './dates';
export { disabledAnalyses } from './availability';
export { inputFromBytes, inputFromBlob } from './input';
export { IngestError, type IngestErrorInfo, type IngestProblem } from './errors';
export { CANONICAL_FIELDS, CUSTOMER_ATTRIBUTES, TRANSACTIONS_TABLE, type CanonicalField, type CustomerAttribute } from './canonical-fields';
export type * from './types';
