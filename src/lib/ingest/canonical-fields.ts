/**
 * The canonical data model (see DESIGN.md): every input is mapped onto the `transactions` table,
 * one row per order line, with exactly these columns and SQL types. Only `order_ts` and a way to
 * get revenue are required; every other field unlocks analyses. A rating sits on an order line; when
 * it describes the whole order (or the customer) it is repeated on each line, and the feedback slice
 * counts it once per order.
 */
export const CANONICAL_FIELDS = [
	{ field: 'order_id', type: 'VARCHAR', label: 'Order / invoice id' },
	{ field: 'customer_id', type: 'VARCHAR', label: 'Customer id' },
	{ field: 'order_ts', type: 'TIMESTAMP', label: 'Order date/time' },
	{ field: 'product', type: 'VARCHAR', label: 'Product' },
	{ field: 'category', type: 'VARCHAR', label: 'Category / product line' },
	{ field: 'quantity', type: 'DOUBLE', label: 'Quantity' },
	{ field: 'unit_price', type: 'DOUBLE', label: 'Unit price' },
	{ field: 'revenue', type: 'DOUBLE', label: 'Line revenue' },
	{ field: 'cost', type: 'DOUBLE', label: 'Line cost' },
	{ field: 'country', type: 'VARCHAR', label: 'Country' },
	{ field: 'region', type: 'VARCHAR', label: 'Region / city / territory' },
	{ field: 'status', type: 'VARCHAR', label: 'Order status' },
	{ field: 'deal_size', type: 'VARCHAR', label: 'Deal size' },
	{ field: 'channel', type: 'VARCHAR', label: 'Sales channel' },
	{ field: 'rating', type: 'DOUBLE', label: 'Rating / review score' },
	{ field: 'review_text', type: 'VARCHAR', label: 'Review text' },
	{ field: 'review_date', type: 'TIMESTAMP', label: 'Review date' }
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number]['field'];

/**
 * Columns ingest adds to `transactions` beyond the mapped fields. Analyses rely on them:
 * - `row_no` BIGINT: 1-based data row in the source file (for messages that name a row).
 * - `source_file` VARCHAR: the file the row came from.
 * - `order_date` DATE: `order_ts` truncated to the day.
 * - `is_return` BOOLEAN: the line is negative (quantity < 0 or revenue < 0): a return or the line of a cancellation.
 * - `is_cancelled` BOOLEAN: the whole order is a cancellation: id with the `C` prefix convention, a
 *   cancelled status, or every line of the order negative.
 * `order_id` is never NULL in `transactions`: when the file has no order id, each distinct
 * (customer, timestamp) is one order. `revenue` is never NULL: the mapped revenue column, else quantity × unit price.
 */
export const DERIVED_COLUMNS = ['row_no', 'source_file', 'order_date', 'is_return', 'is_cancelled'] as const;

/**
 * `transactions` is a view with every column above; it reads this table, which stores only the
 * fields the loaded files give. Ingest replaces the table (a new one) when files are loaded.
 */
export const TRANSACTIONS_TABLE = 'transactions_data';

/** Optional per-customer attributes, in table `customers(customer_id, …)` when the data has them. */
export const CUSTOMER_ATTRIBUTES = [
	{ field: 'age', type: 'DOUBLE', label: 'Age' },
	{ field: 'gender', type: 'VARCHAR', label: 'Gender' },
	{ field: 'city', type: 'VARCHAR', label: 'City' },
	{ field: 'customer_channel', type: 'VARCHAR', label: 'Acquisition channel' },
	{ field: 'signup_date', type: 'DATE', label: 'Signup date' }
] as const;

export type CustomerAttribute = (typeof CUSTOMER_ATTRIBUTES)[number]['field'];
