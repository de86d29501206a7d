/**
 * Roles that only make sense among several files: an order-lines file without dates next to an
 * orders file (one row per order, with dates and status), a file of ratings or reviews keyed by
 * order id or customer id, and a customers file whose customer id is per order while another
 * column names the real customer (a marketplace's `customer_unique_id`). Decided on the column
 * matches of every file together, so such exports load with zero clicks.
 */
import type { CanonicalField } from './canonical-fields';
import type { ColumnProfile, FeedbackKey, FieldChoice, FileRole, LoadedFile, Mapping } from './types';

export interface FileMatchLike {
	fields: Partial<Record<CanonicalField, FieldChoice>>;
	attributes: Partial<Record<string, FieldChoice>>;
}

export interface JoinRole {
	role: FileRole;
	reason: string;
	joinOn?: FeedbackKey;
	uniqueCustomer?: string;
}

/** Fields an orders file gives its lines (joined on order id). */
export const ORDER_FIELDS: readonly CanonicalField[] = ['order_id', 'customer_id', 'order_ts', 'status', 'channel', 'country', 'region', 'deal_size', 'rating', 'review_text', 'review_date'];
/** Fields a feedback file gives (joined on order id or customer id). */
export const FEEDBACK_FIELDS: readonly CanonicalField[] = ['order_id', 'customer_id', 'rating', 'review_text', 'review_date'];
/** Fields a customers file with a real-customer column gives the lines (joined on its per-order customer id). */
export const CUSTOMER_LINE_FIELDS: readonly CanonicalField[] = ['customer_id', 'country', 'region'];

/** `customer_unique_id`, `unique_customer_id`, `master_customer_id`, `person_id`… (normalized names). */
const UNIQUE_CUSTOMER = /^(customer|client|cust|buyer|user)?(unique|master|global|person|real|canonical)(customer|client|user|person)?(id|key)$/;

function column(file: LoadedFile, name: string | undefined): ColumnProfile | undefined {
	return name ? file.columns.find((c) => c.name === name) : undefined;
}

/** Every value present and different (HyperLogLog counts are within a few percent on big tables). */
export function isUniqueKey(c: ColumnProfile | undefined): boolean {
	if (!c) return false;
	const nonNull = c.rows - c.nulls;
	return nonNull > 0 && c.nulls === 0 && c.distinct >= nonNull * (c.distinctApprox ? 0.97 : 1);
}

const hasAmount = (m: FileMatchLike) => Boolean(m.fields.revenue || m.fields.unit_price);
const hasFeedback = (m: FileMatchLike) => Boolean(m.fields.rating || m.fields.review_text);

/** The column naming the real customer in a customers file (not its customer id column). */
export function uniqueCustomerColumn(file: LoadedFile, customerIdColumn: string | undefined): string | undefined {
	const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
	return file.columns.find((c) => c.name !== customerIdColumn && UNIQUE_CUSTOMER.test(norm(c.name)) && c.rows > c.nulls)?.name;
}

/**
 * Revises the single-file roles: returns the role per file (same order as `files`), with the join
 * details. A file keeps its role unless the set of files shows a join.
 */
export function inferJoinRoles(files: LoadedFile[], matches: FileMatchLike[], roles: { role: FileRole; reason: string }[]): JoinRole[] {
	const out: JoinRole[] = roles.map((r) => ({ ...r }));
	const isLines = (i: number) => Boolean(matches[i].fields.order_id && hasAmount(matches[i]) && !matches[i].fields.order_ts);
	const isHeader = (i: number) =>
		Boolean(matches[i].fields.order_id && matches[i].fields.order_ts && !hasAmount(matches[i]) && isUniqueKey(column(files[i], matches[i].fields.order_id.column)));
	const lines = files.map((_, i) => i).filter(isLines);
	const headers = files.map((_, i) => i).filter(isHeader);
	if (lines.length && headers.length) {
		const h = files[headers[0]];
		for (const i of headers) {
			const m = matches[i];
			out[i] = { role: 'orders', reason: `one row per order: every "${m.fields.order_id!.column}" is different and "${m.fields.order_ts!.column}" has the dates; joined onto the order lines by order id` };
		}
		for (const i of lines) {
			const m = matches[i];
			out[i] = {
				role: 'transactions',
				reason: `order lines: "${(m.fields.revenue ?? m.fields.unit_price)!.column}" has amounts; dates come from ${h.name} by "${m.fields.order_id!.column}"`
			};
		}
	}
	const anyLines = out.some((r) => r.role === 'transactions');
	for (const [i, m] of matches.entries()) {
		if (!anyLines || out[i].role === 'transactions' || out[i].role === 'orders' || !hasFeedback(m) || hasAmount(m)) continue;
		const what = m.fields.rating ? `ratings in "${m.fields.rating.column}"` : `reviews in "${m.fields.review_text!.column}"`;
		if (m.fields.order_id) {
			out[i] = { role: 'feedback', joinOn: 'order_id', reason: `${what}, joined by order id "${m.fields.order_id.column}"` };
		} else if (m.fields.customer_id && Object.keys(m.attributes).length === 0) {
			out[i] = { role: 'feedback', joinOn: 'customer_id', reason: `${what}, joined by customer id "${m.fields.customer_id.column}"` };
		}
	}
	if (anyLines) {
		for (const [i, m] of matches.entries()) {
			if (out[i].role !== 'customers') continue;
			const unique = uniqueCustomerColumn(files[i], m.fields.customer_id?.column);
			if (unique) {
				out[i].uniqueCustomer = unique;
				out[i].reason += `; "${unique}" names the real customer (the customer id is per order), so one customer's orders count as one customer`;
			}
		}
	}
	return out;
}

/** The fields a file of this role contributes (the others are dropped from its mapping). */
export function fieldsForRole(role: FileRole, uniqueCustomer: string | undefined): readonly CanonicalField[] | null {
	if (role === 'orders') return ORDER_FIELDS;
	if (role === 'feedback') return FEEDBACK_FIELDS;
	if (role === 'customers') return uniqueCustomer ? CUSTOMER_LINE_FIELDS : ['customer_id'];
	return null;
}

export interface PlannedJoin {
	file: string;
	other: string;
	role: 'orders' | 'customers' | 'feedback';
	/** Key columns in the order-lines file (or the customer id the lines end up with) and in the other file. */
	key: string;
	otherKey: string;
	/** Customers join: the column naming the real customer. */
	realCustomer?: string;
}

/** The joins a mapping asks for, before building (the column review shows them). */
export function plannedJoins(mapping: Mapping): PlannedJoin[] {
	const out: PlannedJoin[] = [];
	const orders = mapping.files.find((m) => m.role === 'orders' && m.fields.order_id);
	for (const t of mapping.files.filter((m) => m.role === 'transactions')) {
		const customer = t.fields.customer_id ?? orders?.fields.customer_id;
		if (orders && t.fields.order_id) out.push({ file: t.file, other: orders.file, role: 'orders', key: t.fields.order_id, otherKey: orders.fields.order_id! });
		const people = mapping.files.find((m) => m.role === 'customers' && m.uniqueCustomer && m.fields.customer_id);
		if (people && customer) out.push({ file: t.file, other: people.file, role: 'customers', key: customer, otherKey: people.fields.customer_id!, realCustomer: people.uniqueCustomer });
		const byOrder = mapping.files.find((m) => m.role === 'feedback' && (m.joinOn ?? 'order_id') === 'order_id' && m.fields.order_id);
		if (byOrder && t.fields.order_id) out.push({ file: t.file, other: byOrder.file, role: 'feedback', key: t.fields.order_id, otherKey: byOrder.fields.order_id! });
		const byCustomer = mapping.files.find((m) => m.role === 'feedback' && m.joinOn === 'customer_id' && m.fields.customer_id);
		if (byCustomer && customer) out.push({ file: t.file, other: byCustomer.file, role: 'feedback', key: people?.uniqueCustomer ?? customer, otherKey: byCustomer.fields.customer_id! });
	}
	return out;
}
