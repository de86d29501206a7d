import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { exportAllCustomers, exportCustomers, runAnalysis } from '../../../../src/lib/analyses/index';
import { loadTransactions } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

describe('churn risk groups (worked by hand, window 90 days, as of 2024-04-01)', () => {
	it('never calls a one-time buyer low risk on recency alone', async () => {
		await loadTransactions(engine, [
			// once: one order 5 days ago → recency 5 ≤ 30, but a single order: Medium.
			{ order: 'o1', customer: 'once', ts: '2024-03-27', revenue: 10 },
			// twice: orders 60 and 5 days ago → recency 5 ≤ 30 with two orders: Low.
			{ order: 't1', customer: 'twice', ts: '2024-02-01', revenue: 10 },
			{ order: 't2', customer: 'twice', ts: '2024-03-27', revenue: 10 },
			// mid: recency 45 (30 < 45 ≤ 60): Medium; late: recency 75 (> 60): High; gone: recency 100 (> 90): Churned.
			{ order: 'm1', customer: 'mid', ts: '2024-01-10', revenue: 10 },
			{ order: 'm2', customer: 'mid', ts: '2024-02-16', revenue: 10 },
			{ order: 'l1', customer: 'late', ts: '2024-01-17', revenue: 10 },
			{ order: 'g1', customer: 'gone', ts: '2023-12-23', revenue: 10 }
		]);
		const params = { asOf: '2024-04-01', churnDays: 90 };
		const rows = await exportCustomers(engine, params);
		expect(Object.fromEntries(rows.map((r) => [r.customer_id, [r.recency_days, r.churn_risk]]))).toEqual({
			gone: [100, 'Churned'],
			late: [75, 'High'],
			mid: [45, 'Medium'],
			once: [5, 'Medium'],
			twice: [5, 'Low']
		});
		// The full export carries the same risk under the CRM-facing column names.
		const all = await exportAllCustomers(engine, params);
		expect(all.columns.slice(0, 6)).toEqual(['customer_id', 'first_order_date', 'last_order_date', 'recency_days', 'frequency', 'monetary']);
		expect(all.columns.slice(-3)).toEqual(['p_alive', 'expected_purchases_next_12m', 'predicted_clv_next_12m']);
		expect(all.rows.map((r) => r.customer_id)).toEqual(['gone', 'late', 'mid', 'once', 'twice']);
		expect(all.rows[4]).toMatchObject({
			first_order_date: '2024-02-01',
			last_order_date: '2024-03-27',
			recency_days: 5,
			frequency: 2,
			monetary: 20,
			churned: false,
			risk_group: 'Low'
		});
		expect(all.rows[3]).toMatchObject({ customer_id: 'once', risk_group: 'Medium', frequency: 1 });
		const churn = await runAnalysis('churn', engine, params);
		if (!churn.available) throw new Error(churn.reason);
		expect(churn.groups.map((g) => [g.group, g.customers])).toEqual([
			['Churned', 1],
			['High', 1],
			['Medium', 2],
			['Low', 1]
		]);
	});
});
