/**
 * Plain types shared by the ingest modules and the UI. Everything here is serialisable (no class
 * instances except `InputFile.read`), so results can cross a worker boundary or be stored.
 */
import type { FileSource } from '../engine/index';
import type { CanonicalField, CustomerAttribute } from './canonical-fields';
import type { IngestErrorInfo } from './errors';

export type { IngestErrorInfo, IngestProblem } from './errors';

/** A file handed to `loadFiles`. Build one with `inputFromBytes`, `inputFromBlob` or (Node) `inputFromPath`. */
export interface InputFile {
	name: string;
	size: number;
	/** How DuckDB gets at the bytes (registered by handle: a browser `File` is never copied whole). */
	source: FileSource;
	/** Reads bytes `[start, end)` (whole file by default); used for sniffing and for the JS parsers. */
	read(start?: number, end?: number): Promise<Uint8Array>;
}

/** Explicit reading options for one file, when detection gets it wrong or the file has no header. */
export interface ReadOptions {
	/** true: the first line is a header; false: no header (names from `columnNames`, else `column1`…). Default: detected. */
	header?: boolean;
	/** `,` `;` `\t` `|` (any single character), or `'whitespace'` for columns separated by runs of spaces. Default: detected. */
	delimiter?: string;
	/** Column names to use (required in practice when `header: false`). */
	columnNames?: string[];
	/** XLSX: the sheet to read. Default: the first sheet. */
	sheet?: string;
	/** Text encoding. Default: UTF-8, with an automatic retry as Latin-1 when the bytes are not valid UTF-8. */
	encoding?: 'utf-8' | 'latin-1' | 'utf-16';
}

export type FileFormat = 'csv' | 'whitespace' | 'parquet' | 'json' | 'ndjson' | 'xlsx';

export type LoadPhase = 'reading' | 'parsing' | 'profiling' | 'building';

export interface LoadProgress {
	file: string;
	phase: LoadPhase;
	bytesDone: number;
	bytesTotal: number;
	rows?: number;
}

export interface LoadOptions {
	onProgress?: (p: LoadProgress) => void;
	/** Cancels the load between steps and batches; raw tables of this load are dropped, the rejection is `signal.reason`. */
	signal?: AbortSignal;
	/** Per-file reading options, keyed by file name. */
	read?: Record<string, ReadOptions>;
}

/** What profiling found about one column of a raw table. */
export interface ColumnProfile {
	name: string;
	/** DuckDB type of the raw column, e.g. `VARCHAR`, `BIGINT`, `DOUBLE`, `TIMESTAMP`. */
	type: string;
	rows: number;
	nulls: number;
	/** Distinct non-null values; approximate (HyperLogLog) when `distinctApprox`. */
	distinct: number;
	distinctApprox: boolean;
	/** Up to 5 distinct non-null example values (from the first rows), as text. */
	examples: string[];
	/** Share (0…1) of non-null values readable as a number (on a sample for big tables). */
	numericShare: number;
	/** Share (0…1) of non-null values that look like a date or timestamp (on a sample for big tables). */
	dateShare: number;
}

/** One file after `loadFiles`: a raw table plus its profile. */
export interface LoadedFile {
	name: string;
	/** Raw table `raw_<k>`; never reused while it exists. */
	table: string;
	format: FileFormat;
	rows: number;
	columns: ColumnProfile[];
	/** `headerSignature` of the column names, to remember a user's mapping for files of this shape. */
	signature: string;
	/** The options actually used (detected or given), so the UI can show and edit them. */
	readOptions: ReadOptions;
	/** XLSX: all sheet names (the UI offers a picker) and the one read. */
	sheets?: string[];
	/** Plain sentences about how the file was read (encoding fallback, skipped blank lines…). */
	notes: string[];
}

export interface LoadResult {
	files: LoadedFile[];
	/** Files that could not be loaded; the others are still usable. */
	failures: IngestErrorInfo[];
}

/**
 * What a file holds: order lines (`transactions`), one row per order without amounts (`orders`:
 * dates, status and customer joined onto the lines by order id), one row per customer
 * (`customers`), ratings or reviews keyed by order id or customer id (`feedback`), or nothing usable.
 */
export type FileRole = 'transactions' | 'orders' | 'customers' | 'feedback' | 'unusable';

/** Which key a feedback file joins on. */
export type FeedbackKey = 'order_id' | 'customer_id';

/**
 * How a date column is read: a detected family, or a custom `strptime` pattern such as `%d.%m.%Y`.
 * - `native`: already a DATE/TIMESTAMP column (Parquet, XLSX date cells).
 * - `iso`: `YYYY-MM-DD[ HH:MM[:SS[.fff]]]`, also `T` separator, `/` separators, a trailing zone is ignored.
 * - `mdy`: `M/D/YYYY [H:MM[:SS]] [AM/PM]` (US), also `-` and `.` separators and 2-digit years.
 * - `dmy`: `D/M/YYYY …` (day first).
 * - `ymd`: `YYYYMMDD` (text or integer), also `YYYYMMDDHHMMSS`.
 * - `named`: month names, e.g. `24 Feb 2003`, `Feb 24, 2003`.
 * - `excel`: Excel serial day numbers (1 = 1900-01-01).
 * - `epoch-s` / `epoch-ms`: Unix time in seconds / milliseconds (UTC).
 */
export type DateFamily = 'native' | 'iso' | 'mdy' | 'dmy' | 'ymd' | 'named' | 'excel' | 'epoch-s' | 'epoch-ms';
export type DateFormatSpec = DateFamily | { strptime: string };

/**
 * How a text column's numbers are written: `point` (`1,234.50`) or `comma` (`1.234,50`, `1 234,50`).
 * The other mark, spaces and `'` are thousands separators; see numbers.ts.
 */
export type DecimalMark = 'point' | 'comma';

/** The mapping of one file (what `buildCanonical` consumes; the UI edits it). */
export interface FileMapping {
	/** Raw table of the file (`LoadedFile.table`). */
	table: string;
	file: string;
	role: FileRole;
	/** Canonical field → column name in the raw table. */
	fields: Partial<Record<CanonicalField, string>>;
	/** Customer attribute → column name (from a customers file, or per-customer columns of an orders file). */
	attributes: Partial<Record<CustomerAttribute, string>>;
	/** Date format of `order_ts` (transactions) or `signup_date` (customers); detected when absent. */
	dateFormat?: DateFormatSpec;
	/** Decimal mark per column name (numeric fields); detected when absent. */
	numberFormats?: Record<string, DecimalMark>;
	/** Feedback file: the key it joins on (its `fields.order_id` or `fields.customer_id` column). */
	joinOn?: FeedbackKey;
	/**
	 * Customers file: the column holding the real customer when `fields.customer_id` is a per-order
	 * id (a marketplace's `customer_unique_id`); orders of one real customer then count as one customer.
	 */
	uniqueCustomer?: string;
}

export interface Mapping {
	files: FileMapping[];
}

/** Why a column was chosen for a field. */
export interface FieldChoice {
	column: string;
	/** 0…1. */
	confidence: number;
	reason: string;
}

export interface FileSuggestion {
	file: string;
	table: string;
	signature: string;
	role: FileRole;
	roleReason: string;
	fields: Partial<Record<CanonicalField, FieldChoice>>;
	attributes: Partial<Record<CustomerAttribute, FieldChoice>>;
	/** Columns that look like a product code when a product name column was preferred. */
	productCode?: string;
	/** Feedback file: the key suggested for the join. */
	joinOn?: FeedbackKey;
	/** Customers file: the suggested real-customer column (see `FileMapping.uniqueCustomer`). */
	uniqueCustomer?: string;
}

/** One join made while building: which file joined which, on which key, and how many rows matched. */
export interface JoinReport {
	/** The file whose rows are kept (order lines). */
	file: string;
	/** The file joined onto it. */
	other: string;
	role: 'orders' | 'customers' | 'feedback';
	/** Column names: in `file`, and in `other`. */
	key: string;
	otherKey: string;
	/** Rows of `file` that found a match, and those that did not. */
	matched: number;
	unmatched: number;
	/** Rows (for feedback: keys) of `other` that matched no row of `file`. */
	otherUnmatched: number;
	/** How the join was made, in one sentence (also in the notes). */
	description: string;
}

export interface DisabledAnalysis {
	analysis: string;
	reason: string;
}

export interface MappingSuggestion {
	mapping: Mapping;
	files: FileSuggestion[];
	/** Problems that stop the build as suggested (e.g. no file with order lines); plain error info. */
	problems: IngestErrorInfo[];
	notes: string[];
	disabledAnalyses: DisabledAnalysis[];
}

export interface RowExample {
	file: string;
	/** 1-based data row in the file (the header is not counted). */
	row: number;
	value: string | null;
}

export interface QualitySummary {
	files: { file: string; table: string; role: FileRole; format: FileFormat; rowsRead: number; rowsUsed: number }[];
	/** Data rows read from the transaction files. */
	rowsRead: number;
	rowsInTransactions: number;
	flagged: {
		/** Lines of orders flagged `is_cancelled` (kept). */
		cancellationLines: number;
		/** Lines flagged `is_return` (negative quantity or revenue; kept). */
		returnLines: number;
		/** Lines without a customer id (kept; customer analyses skip them). */
		missingCustomerId: number;
		/** Lines whose date is missing or unreadable (excluded). */
		badDates: { count: number; missing: number; unparseable: number; examples: RowExample[] };
		/** Lines with revenue exactly 0 (kept). */
		zeroRevenue: number;
		/** Lines where no revenue could be computed (excluded). */
		missingRevenue: { count: number; examples: RowExample[] };
		/**
		 * Lines identical in every column to an earlier line of the same file (kept); null while not
		 * counted yet (a build with `duplicates: 'later'`, see `duplicates.ts`).
		 */
		duplicateLines: number | null;
	};
	orders: number;
	customers: number;
	revenue: number;
	/** `YYYY-MM-DD` of the first and last order (null when no rows). */
	dateFrom: string | null;
	dateTo: string | null;
	/** How each file's dates were read. */
	dateFormats: { file: string; column: string; format: string; description: string }[];
	/** How each mapped numeric text column was read, and what it held that is not a number. */
	numberFormats: NumberFormatReport[];
	/** Joins of order lines with orders, customers and feedback files (absent when no file joins another). */
	joins?: JoinReport[];
	/** The `customers` table, when built. */
	customersTable: { rows: number; attributes: string[]; withoutOrders: number; orderCustomersMissing: number } | null;
	notes: string[];
	disabledAnalyses: DisabledAnalysis[];
}

export interface NumberFormatReport {
	file: string;
	column: string;
	/** Canonical field or customer attribute the column was mapped to. */
	field: string;
	decimal: DecimalMark;
	description: string;
	/** Set by the user (mapping or build option) rather than detected. */
	chosen: boolean;
	/** Both marks read every value but to different numbers (e.g. `1.500`); `example` shows one. */
	ambiguous: boolean;
	example: string | null;
	/** Missing markers (`N/A`, `NaN`, `-`…) read as empty, and other unreadable values. */
	missing: number;
	unreadable: number;
	examples: RowExample[];
}

export interface BuildOptions {
	/** Date format for every transaction file's `order_ts` (a file's own `dateFormat` wins). */
	dateFormat?: DateFormatSpec;
	/** Decimal mark for every numeric text column (a file's own `numberFormats` entry wins). */
	decimal?: DecimalMark;
	onProgress?: (p: LoadProgress) => void;
	/** Cancels the build before the swap: the previous `transactions` stays; the rejection is `signal.reason`. */
	signal?: AbortSignal;
	/**
	 * `later`: leave the exact-duplicate count (a scan of every raw column) to `withDuplicateLines`,
	 * so the new data is in place sooner. Files joined to their order lines are still counted now.
	 */
	duplicates?: 'now' | 'later';
}

export interface BuildResult {
	quality: QualitySummary;
	/** Canonical fields that are filled in `transactions`. */
	fields: CanonicalField[];
	/** Attributes present in `customers` (empty when the table was not built). */
	attributes: CustomerAttribute[];
}
