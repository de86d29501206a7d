import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { AnalysisContext, customerPage, exportCustomers, presetModels, runAnalyses, runAnalysis } from '../../../../src/lib/analyses/index';
import {
	CLV_DEFINITION,
	aliveRisk,
	chooseModel,
	paretoNbdProbabilityAlive,
	customerLifetimeValue,
	conditionalExpectedPurchases,
	expectedAverageOrderValue,
	fitBgnbd,
	fitGammaGamma,
	holdoutComparison,
	probabilityAlive,
	UNITS_PER_MONTH,
	type CustomerSummary
} from '../../../../src/lib/models/clv/index';
import { clvSummary } from '../../../../src/lib/analyses/clv/model';
import { CLV_AS_OF, clvFixture } from '../../../fixtures/analyses/clv-data';
import { RFM_LINES } from '../../../fixtures/analyses/lines';
import { loadTransactions } from '../../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

describe('predictive CLV inputs (worked by hand)', () => {
	it('summarises purchase days in SQL: x, t_x, T and the mean repeat-day value', async () => {
		await loadTransactions(engine, [
			// p1: purchase days 01-01 (two orders, 150), 01-11 (30), 01-21 (60); a cancellation on 01-25 is no purchase.
			{ order: 'p1a', customer: 'p1', ts: '2024-01-01 09:00:00', revenue: 100 },
			{ order: 'p1b', customer: 'p1', ts: '2024-01-01 15:00:00', revenue: 50 },
			{ order: 'p1c', customer: 'p1', ts: '2024-01-11', revenue: 30 },
			{ order: 'p1d', customer: 'p1', ts: '2024-01-21', revenue: 60 },
			{ order: 'C1', customer: 'p1', ts: '2024-01-25', revenue: -30 },
			// p2: one purchase.
			{ order: 'p2a', customer: 'p2', ts: '2024-01-20', revenue: 70 },
			// p3: 01-05 (100), 01-15 an order of 80 with a −20 return line → day value 60.
			{ order: 'p3a', customer: 'p3', ts: '2024-01-05', revenue: 100 },
			{ order: 'p3b', customer: 'p3', ts: '2024-01-15', revenue: 80 },
			{ order: 'p3b', customer: 'p3', ts: '2024-01-15', qty: -1, revenue: -20 },
			// After the as-of date: ignored.
			{ order: 'p3c', customer: 'p3', ts: '2024-02-05', revenue: 999 }
		]);
		const ctx = await AnalysisContext.create(engine, { asOf: '2024-02-01' });
		try {
			const t = await clvSummary(ctx);
			const rows = await engine.query(`SELECT customer_id, x, tx, "T", monetary FROM ${t} ORDER BY customer_id`);
			expect(rows).toEqual([
				// T runs to 01-31, the last day before the as-of date (inclusive observation end).
				{ customer_id: 'p1', x: 2, tx: 20, T: 30, monetary: 45 },
				{ customer_id: 'p2', x: 0, tx: 0, T: 11, monetary: null },
				{ customer_id: 'p3', x: 1, tx: 10, T: 26, monetary: 60 }
			]);
		} finally {
			await ctx.dispose();
		}
	});

	it('passes the model refusal through when the data cannot support a fit', async () => {
		await loadTransactions(engine, RFM_LINES);
		const r = await runAnalyses(engine, {}, ['clv', 'churn']);
		expect(r.clv.available).toBe(false);
		if (!r.clv.available) expect(r.clv.reason).toMatch(/at least 20/);
		expect(r.churn.available && r.churn.pAlive.available).toBe(false);
	});
});

describe('predictive CLV on a simulated customer base', () => {
	const { lines, customers } = clvFixture();
	const asOfMs = Date.parse(`${CLV_AS_OF}T00:00:00Z`);
	const summaries: (CustomerSummary & { id: string; monetary: number })[] = customers.map((c) => {
		const x = c.days.length - 1;
		return {
			id: c.id,
			frequency: x,
			recency: c.days[x] - c.days[0],
			// Day 0 is the as-of date; the observation ends the day before it.
			T: -c.days[0] - 1,
			monetary: x > 0 ? c.values.slice(1).reduce((s, v) => s + v, 0) / x : 0
		};
	});

	it('fits the same BG/NBD and Gamma-Gamma as the models on the same summaries, and predicts per customer', async () => {
		await loadTransactions(engine, lines);
		const params = { asOf: CLV_AS_OF, clvMonths: 6, monthlyDiscount: 0.02, margin: 0.25, clvModel: 'bgnbd' as const };
		const clv = await runAnalysis('clv', engine, params);
		if (!clv.available) throw new Error(clv.reason);
		const bg = fitBgnbd(summaries, { timeUnit: 'day' });
		const gg = fitGammaGamma(summaries.filter((s) => s.frequency > 0));
		if (!bg.ok || !gg.ok) throw new Error('direct fit refused');
		expect(Object.keys(clv.bgnbd)).toEqual(['r', 'alpha', 'a', 'b', 'logLikelihood', 'timeUnit']);
		expect(Object.keys(clv.gammaGamma!)).toEqual(['p', 'q', 'v']);
		// Same optimum up to the optimiser's tolerance (the analysis fits weighted distinct triples, the direct fit one row per customer).
		const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
		for (const k of ['r', 'alpha', 'a', 'b', 'logLikelihood'] as const) expect(rel(clv.bgnbd[k], bg.fit[k])).toBeLessThan(1e-5);
		for (const k of ['p', 'q', 'v'] as const) expect(rel(clv.gammaGamma![k], gg.fit[k])).toBeLessThan(1e-5);
		expect(clv.customers).toBe(300);
		expect(clv.definition).toBe(CLV_DEFINITION);

		const rows = await exportCustomers(engine, params, { models: presetModels(clv) });
		expect(rows).toHaveLength(300);
		const byId = new Map(rows.map((r) => [r.customer_id, r]));
		const opts = { horizonMonths: 6, margin: 0.25, monthlyDiscountRate: 0.02 };
		for (const s of summaries.slice(0, 40)) {
			const row = byId.get(s.id)!;
			const fit = { ...bg.fit, ...clv.bgnbd };
			const aov = expectedAverageOrderValue(clv.gammaGamma!, s);
			expect(row.p_alive).toBeCloseTo(probabilityAlive(fit, s), 9);
			expect(row.expected_purchases).toBeCloseTo(conditionalExpectedPurchases(fit, s, 6 * UNITS_PER_MONTH.day), 9);
			// The analysis rounds the mean repeat-day value to 6 decimals (identical inputs on every engine).
			expect(row.expected_aov).toBeCloseTo(aov, 5);
			expect(row.predicted_clv!).toBeCloseTo(customerLifetimeValue(fit, s, aov, opts), 5);
		}
		const total = rows.reduce((s, r) => s + r.predicted_clv!, 0);
		expect(clv.totals.predictedClv!).toBeCloseTo(total, 6);
		expect(clv.segments.reduce((s, x) => s + x.customers, 0)).toBe(300);
		expect(clv.histogram.reduce((s, h) => s + h.customers, 0)).toBe(300);
		expect(clv.histogram.at(-1)!.to).toBeNull();

		// Holdout: cutoff = as-of − round(0.25 × span), refit on days before it.
		if (!clv.holdout.available) throw new Error(clv.holdout.reason);
		const span = Math.max(...summaries.map((s) => s.T)) + 1;
		const hold = Math.round(0.25 * span);
		expect(clv.holdout.cutoff).toBe(new Date(asOfMs - hold * 86_400_000).toISOString().slice(0, 10));
		const cal = customers.filter((c) => c.days[0] < -hold);
		const calSummaries = cal.map((c) => {
			const before = c.days.filter((d) => d < -hold);
			return { frequency: before.length - 1, recency: before[before.length - 1] - before[0], T: -hold - before[0] - 1 };
		});
		const calFit = fitBgnbd(calSummaries, { timeUnit: 'day' });
		if (!calFit.ok) throw new Error(calFit.reason);
		const direct = holdoutComparison(calFit.fit, calSummaries, cal.map((c) => c.days.filter((d) => d >= -hold).length), hold);
		expect(clv.holdout.customers).toBe(cal.length);
		expect(clv.holdout.rows.map((r) => [r.label, r.customers])).toEqual(direct.map((r) => [r.label, r.customers]));
		clv.holdout.rows.forEach((r, i) => {
			expect(r.actualMean).toBeCloseTo(direct[i].actualMean, 12);
			expect(rel(r.predictedMean, direct[i].predictedMean)).toBeLessThan(1e-4);
		});

		// The churn analysis shows P(alive) risk beside the recency rule.
		const churn = await runAnalysis('churn', engine, params);
		if (!churn.available || !churn.pAlive.available) throw new Error('no P(alive) risk');
		// Risk per customer from the model functions: one-time buyers read from the Pareto/NBD fit (or Medium).
		if (!clv.paretoNbd) throw new Error(clv.paretoNbdRefusal ?? 'no Pareto/NBD fit');
		const maxT = Math.max(...summaries.map((s) => s.T));
		const risks = summaries.map((s) => aliveRisk(s, clv.bgnbd, clv.paretoNbd, maxT).group);
		for (const group of ['High', 'Medium', 'Low'] as const) {
			expect(churn.pAlive.groups.find((g) => g.group === group)!.customers).toBe(risks.filter((r) => r === group).length);
		}
		// No one-time buyer is low risk unless Pareto/NBD, which lets them drop out, says so.
		const pareto = clv.paretoNbd;
		summaries.forEach((s, i) => {
			if (s.frequency === 0 && risks[i] === 'Low') expect(paretoNbdProbabilityAlive(pareto, s)).toBeGreaterThanOrEqual(0.7);
		});
		expect(churn.pAlive.crossTab.reduce((s, c) => s + c.customers, 0)).toBe(300);

		const page = await customerPage(engine, params, { sort: { column: 'predicted_clv', direction: 'desc' }, limit: 3, models: presetModels(clv) });
		expect(page.modelNote).toBeNull();
		expect(page.rows[0].predicted_clv).toBe(Math.max(...rows.map((r) => r.predicted_clv!)));
	});

	it('chooses the purchase model on a holdout period unless the settings fix it', async () => {
		await loadTransactions(engine, lines);
		const auto = await runAnalysis('clv', engine, { asOf: CLV_AS_OF });
		const forced = await runAnalysis('clv', engine, { asOf: CLV_AS_OF, clvModel: 'paretoNbd' });
		if (!auto.available || !forced.available) throw new Error('refused');
		// The calibration summaries and holdout purchases worked out from the purchase days themselves.
		const hold = Math.round(0.25 * Math.max(...customers.map((c) => -c.days[0])));
		const cal = customers
			.filter((c) => c.days[0] < -hold)
			.map((c) => {
				const before = c.days.filter((d) => d < -hold);
				return {
					frequency: before.length - 1,
					recency: before[before.length - 1] - before[0],
					T: -hold - before[0] - 1,
					holdoutPurchases: c.days.filter((d) => d >= -hold).length
				};
			});
		// Customers with the same summary share one row with their mean holdout purchases, as the analysis groups them.
		const grouped = new Map<string, (typeof cal)[number] & { weight: number }>();
		for (const c of cal) {
			const key = `${c.frequency},${c.recency},${c.T}`;
			const g = grouped.get(key);
			if (g) {
				g.holdoutPurchases = (g.holdoutPurchases * g.weight + c.holdoutPurchases) / (g.weight + 1);
				g.weight++;
			} else grouped.set(key, { ...c, weight: 1 });
		}
		const direct = chooseModel([...grouped.values()], hold, { timeUnit: 'day' });
		if (!direct.ok) throw new Error(direct.reason);
		expect(auto.model.setting).toBe('auto');
		expect(auto.model.chosen).toBe(direct.fit.chosen);
		expect(auto.model.reason).toMatch(new RegExp(`^${direct.fit.chosen === 'bgnbd' ? 'BG' : 'Pareto'}/NBD was used because it predicted`));
		for (const m of ['bgnbd', 'paretoNbd'] as const) expect(auto.model.holdoutRmse![m]).toBeCloseTo(direct.fit.holdoutRmse[m]!, 4);

		expect(forced.model).toMatchObject({ chosen: 'paretoNbd', setting: 'paretoNbd', holdoutRmse: null });
		expect(forced.model.reason).toBe('Pareto/NBD was used because it was chosen in the settings.');
		expect(Object.keys(forced.paretoNbd!)).toEqual(['r', 'alpha', 's', 'beta', 'logLikelihood', 'timeUnit']);
		// BG/NBD is still fitted and reported beside it.
		expect(forced.bgnbd.r).toBeCloseTo(auto.bgnbd.r, 9);
		const rows = await exportCustomers(engine, { asOf: CLV_AS_OF, clvModel: 'paretoNbd' }, { models: presetModels(forced) });
		const byId = new Map(rows.map((r) => [r.customer_id, r]));
		for (const s of summaries.slice(0, 40)) expect(byId.get(s.id)!.p_alive).toBeCloseTo(paretoNbdProbabilityAlive(forced.paretoNbd!, s), 9);
	});

	it('fits in weeks when asked (α scales by 7, the shapes stay)', async () => {
		const day = await runAnalysis('clv', engine, { asOf: CLV_AS_OF });
		const week = await runAnalysis('clv', engine, { asOf: CLV_AS_OF, clvTimeUnit: 'week' });
		if (!day.available || !week.available) throw new Error('refused');
		expect(week.bgnbd.timeUnit).toBe('week');
		expect(week.bgnbd.alpha).toBeCloseTo(day.bgnbd.alpha / 7, 2);
		expect(week.bgnbd.r).toBeCloseTo(day.bgnbd.r, 3);
		expect(week.totals.expectedPurchases).toBeCloseTo(day.totals.expectedPurchases, 1);
	});
});
