/**
 * A plain CSV reading and the headline numbers recomputed from it in TypeScript, independent of
 * the app's SQL, so tests can check the dashboard against a second method. The rules are written
 * here from the definitions in the data dictionary, not taken from the code under test.
 */

/** Minimal CSV line split (double quotes, no embedded newlines). */
export function split(line: string): string[] {
	if (!line.includes('"')) return line.split(',');
	const out: string[] = [];
	let f = '';
	let q = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (q) {
			if (c === '"' && line[i + 1] === '"') {
				f += '"';
				i++;
			} else if (c === '"') q = false;
			else f += c;
		} else if (c === '"') q = true;
		else if (c === ',') {
			out.push(f);
			f = '';
		} else f += c;
	}
	out.push(f);
	return out;
}

/** Rows of a CSV text as objects keyed by header (no embedded newlines). */
export function readRows(text: string): Record<string, string>[] {
	const lines = text.split(/\r?\n/).filter((l) => l !== '');
	const header = split(lines[0]);
	return lines.slice(1).map((l) => {
		const f = split(l);
		return Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']));
	});
}

export interface PlainColumns {
	order: string;
	customer: string;
	quantity: string;
	/** Line amount column; without it, quantity × price. */
	revenue?: string;
	price?: string;
	status?: string;
	product?: string;
}

export interface PlainKpis {
	revenue: number;
	orders: number;
	aov: number;
	customers: number;
	units: number;
	products: number;
	/** Value of the non-negative lines of cancelled orders (left out of the money). */
	leftOut: number;
	cancelledOrders: number;
}

/**
 * Headline numbers by the definitions: an order is cancelled when its id has the `C` prefix (only
 * when `cPrefix`, the Online Retail convention), when any of its lines has a status starting with
 * "cancel", or when every line is negative. A non-negative line of a cancelled order adds no money;
 * negative lines always count. Orders = distinct non-cancelled ids; customers = distinct ids of any
 * line; AOV = net revenue of non-cancelled orders / orders; units = positive quantities counted in
 * the money; products = distinct product values (surrounding spaces are not part of a value).
 */
export function plainKpis(rows: Record<string, string>[], c: PlainColumns, cPrefix = false): PlainKpis {
	const lines = rows.map((r) => {
		const qty = Number(r[c.quantity]);
		const revenue = c.revenue ? Number(r[c.revenue]) : qty * Number(r[c.price!]);
		return { order: r[c.order], customer: r[c.customer], qty, revenue, negative: qty < 0 || revenue < 0, status: c.status ? r[c.status] : '', product: c.product ? r[c.product].trim() : '' };
	});
	const byOrder = new Map<string, typeof lines>();
	for (const l of lines) byOrder.set(l.order, [...(byOrder.get(l.order) ?? []), l]);
	const cancelled = new Set<string>();
	for (const [id, ls] of byOrder) {
		if ((cPrefix && /^[Cc]\d/.test(id)) || ls.some((l) => /^cancel/i.test(l.status)) || ls.every((l) => l.negative)) cancelled.add(id);
	}
	let revenue = 0;
	let orderRevenue = 0;
	let units = 0;
	let leftOut = 0;
	for (const l of lines) {
		const isCancelled = cancelled.has(l.order);
		if (isCancelled && !l.negative) {
			leftOut += l.revenue;
			continue;
		}
		revenue += l.revenue;
		if (!isCancelled) orderRevenue += l.revenue;
		if (l.qty > 0) units += l.qty;
	}
	const orders = byOrder.size - cancelled.size;
	return {
		revenue,
		orders,
		aov: orderRevenue / orders,
		customers: new Set(lines.map((l) => l.customer).filter((x) => x !== '')).size,
		units,
		products: new Set(lines.map((l) => l.product).filter((x) => x !== '')).size,
		leftOut,
		cancelledOrders: cancelled.size
	};
}
