import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import type { Engine } from '../../../src/lib/engine/engine';
import { exportCustomers, runAll } from '../../../src/lib/analyses/index';
import { BREAKDOWN_LINES, COHORT_LINES, KPI_LINES, RFM_LINES, TREND_LINES, UNUSUAL_LINES } from '../../fixtures/analyses/lines';
import { clvFixture } from '../../fixtures/analyses/clv-data';
import { loadCustomers, loadTransactions, type Line } from '../../fixtures/analyses/transactions';
import { assertClose } from '../../fixtures/assert-close';

const prefixed = (p: string, lines: Line[]): Line[] =>
	lines.map((l) => ({ ...l, order: l.order && /^C\d/.test(l.order) ? `C${p}${l.order.slice(1)}` : `${p}${l.order ?? ''}`, customer: l.customer === null || l.customer === undefined ? null : `${p}${l.customer}` }));

const FIXTURES: { name: string; lines: Line[]; customers?: boolean }[] = [
	{
		name: 'combined (KPIs, breakdowns, cohorts, unusual days, simulated CLV base, customer attributes)',
		lines: [...KPI_LINES, ...prefixed('b', BREAKDOWN_LINES), ...prefixed('k', COHORT_LINES), ...prefixed('u', UNUSUAL_LINES), ...clvFixture(120, 3).lines],
		customers: true
	},
	{ name: 'RFM', lines: RFM_LINES },
	{ name: 'trend', lines: TREND_LINES }
];

describe('wasm and native engines agree on every analysis', () => {
	let wasm: Engine;
	let native: Engine;
	beforeAll(async () => {
		[wasm, native] = await Promise.all([createWasmNodeEngine(), createNativeEngine()]);
	});
	afterAll(async () => {
		await Promise.all([wasm?.close(), native?.close()]);
	});

	for (const f of FIXTURES) {
		it(f.name, async () => {
			const out = [];
			for (const e of [wasm, native]) {
				await loadTransactions(e, f.lines);
				if (f.customers) {
					await loadCustomers(e, [
						{ customer_id: 'c1', age: 30, gender: 'F', city: 'London', customer_channel: 'Web' },
						{ customer_id: 'c2', age: 71, gender: 'M', city: 'Paris', customer_channel: 'Store' },
						{ customer_id: 's001', age: 22, gender: 'F', city: 'Rome', customer_channel: 'Web' }
					]);
				} else await e.exec('DROP TABLE IF EXISTS customers');
				const { engine: _name, ...results } = await runAll(e, { asOf: null });
				const customers = await exportCustomers(e, {});
				out.push({ results, customers });
			}
			expect(out[0].customers.length).toBeGreaterThan(0);
			if (f.customers) {
				const unavailable = Object.entries(out[0].results).filter(([, v]) => v && typeof v === 'object' && 'available' in v && !v.available).map(([k]) => k);
				expect(unavailable).toEqual(['regions', 'feedback']);
			}
			assertClose(out[0], out[1]);
		});
	}
});
