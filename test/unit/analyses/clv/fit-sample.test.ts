/**
 * Above FIT_SAMPLE_CUSTOMERS customers the CLV model parameters are fitted on a sample of that many,
 * chosen by the MD5 of the customer id; predictions still cover every customer. The sample is
 * recomputed here with Node's own MD5, and the fits on it with the model functions directly.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../../src/lib/engine/engine';
import { clvSentence, fitSampleSentence, runAnalysis } from '../../../../src/lib/analyses/index';
import { FIT_SAMPLE_CUSTOMERS } from '../../../../src/lib/analyses/clv/model';
import { fitBgnbd, fitGammaGamma, type BgnbdParams, type CustomerSummary } from '../../../../src/lib/models/clv/index';
import { simulateCustomers } from '../../../../src/lib/models/clv/simulate';
import { prepareBgnbd } from '../../../../src/lib/models/clv/bgnbd-data';
import { preparedBgnbdLogLikelihood } from '../../../../src/lib/models/clv/bgnbd-likelihood';
import { CLV_AS_OF, clvFixture, type ClvCustomer } from '../../../fixtures/analyses/clv-data';
import { loadTransactions } from '../../../fixtures/analyses/transactions';
import { clv as clvResultFixture } from '../../../fixtures/results';
import { invert } from '../../../fixtures/matrix';

const md5 = (id: string): string => createHash('md5').update(id, 'utf8').digest('hex');

/** The sampling rule, independently: the ids with the smallest MD5 (hex), ties by id. */
function sampleIds(ids: readonly string[], size: number): Set<string> {
	const keyed = ids.map((id) => ({ id, hash: md5(id) }));
	keyed.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.id < b.id ? -1 : 1));
	return new Set(keyed.slice(0, size).map((k) => k.id));
}

/** Whole-day summaries of the fixture's customers, as the analysis computes them. */
function summaryOf(c: ClvCustomer): CustomerSummary & { monetary: number } {
	const x = c.days.length - 1;
	return {
		frequency: x,
		recency: c.days[x] - c.days[0],
		T: -c.days[0] - 1,
		monetary: x > 0 ? c.values.slice(1).reduce((s, v) => s + v, 0) / x : 0
	};
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

describe('CLV fit sample', () => {
	it('is the one fixed a priori: 20,000 customers', () => {
		expect(FIT_SAMPLE_CUSTOMERS).toBe(20_000);
	});

	it('says nothing and changes nothing at or below the threshold', async () => {
		const { lines, customers } = clvFixture(300);
		await loadTransactions(engine, lines);
		const clv = await runAnalysis('clv', engine, { asOf: CLV_AS_OF, clvModel: 'bgnbd' });
		if (!clv.available) throw new Error(clv.reason);
		expect(clv.fitSample).toBeNull();
		expect(clv.bgnbdFit.customers).toBe(300);
		const direct = fitBgnbd(customers.map(summaryOf), { timeUnit: 'day' });
		if (!direct.ok) throw new Error(direct.reason);
		for (const k of ['r', 'alpha', 'a', 'b', 'logLikelihood'] as const) expect(rel(clv.bgnbd[k], direct.fit[k])).toBeLessThan(1e-5);
		expect(fitSampleSentence(clv)).toBeNull();
	});

	it('above it fits every model on the MD5 sample of 20,000 and predicts for every customer', async () => {
		const total = FIT_SAMPLE_CUSTOMERS + 500;
		const { lines, customers } = clvFixture(total, 11);
		await loadTransactions(engine, lines);
		const clv = await runAnalysis('clv', engine, { asOf: CLV_AS_OF, clvModel: 'bgnbd' });
		if (!clv.available) throw new Error(clv.reason);
		expect(clv.fitSample).toEqual({ customers: FIT_SAMPLE_CUSTOMERS, of: total });
		expect(clv.customers).toBe(total);
		expect(clv.bgnbdFit.customers).toBe(FIT_SAMPLE_CUSTOMERS);
		expect(clv.segments.reduce((s, x) => s + x.customers, 0)).toBe(total);
		expect(clv.histogram.reduce((s, h) => s + h.customers, 0)).toBe(total);

		const chosen = sampleIds(
			customers.map((c) => c.id),
			FIT_SAMPLE_CUSTOMERS
		);
		const sample = customers.filter((c) => chosen.has(c.id)).map(summaryOf);
		const onSample = fitBgnbd(sample, { timeUnit: 'day' });
		// Another 20,000 (the first by id, most of them in the sample too) for contrast.
		const onOther = fitBgnbd(customers.slice(0, FIT_SAMPLE_CUSTOMERS).map(summaryOf), { timeUnit: 'day' });
		const spend = fitGammaGamma(sample.filter((s) => s.frequency > 0 && s.monetary > 0));
		if (!onSample.ok || !onOther.ok || !spend.ok) throw new Error('direct fit refused');
		for (const k of ['r', 'alpha', 'a', 'b', 'logLikelihood'] as const) expect(rel(clv.bgnbd[k], onSample.fit[k])).toBeLessThan(1e-5);
		// The comparison above tells samples apart: swapping a few hundred customers moves the fit far more.
		expect(Math.max(...(['r', 'alpha', 'a', 'b'] as const).map((k) => rel(clv.bgnbd[k], onOther.fit[k])))).toBeGreaterThan(1e-3);
		// Mean repeat values are rounded to 6 decimals in SQL.
		for (const k of ['p', 'q', 'v'] as const) expect(rel(clv.gammaGamma![k], spend.fit[k])).toBeLessThan(1e-4);

		// The holdout check refits on the sample's calibration period but compares every customer.
		if (!clv.holdout.available) throw new Error(clv.holdout.reason);
		const hold = Math.round(0.25 * Math.max(...customers.map((c) => -c.days[0])));
		expect(clv.holdout.customers).toBe(customers.filter((c) => c.days[0] < -hold).length);

		expect(fitSampleSentence(clv)).toBe('Fitted on a random sample of 20,000 of 20,500 customers.');
		expect(clvSentence({ clv } as never, {})?.text).toMatch(/ Fitted on a random sample of 20,000 of 20,500 customers\.$/);

		// Same file, same sample: a second run fits the same parameters.
		const again = await runAnalysis('clv', engine, { asOf: CLV_AS_OF, clvModel: 'bgnbd' });
		if (!again.available) throw new Error(again.reason);
		expect(again.bgnbd).toEqual(clv.bgnbd);
		expect(again.fitSample).toEqual(clv.fitSample);
	});

	it('recovers simulated parameters from the sample within four standard errors', () => {
		const truth: BgnbdParams = { r: 0.5, alpha: 8, a: 0.6, b: 2.5 };
		const population = simulateCustomers(truth, { customers: 50_000, age: [26, 104], seed: 5 }).map((c, i) => ({ ...c, id: `c${i}` }));
		const chosen = sampleIds(
			population.map((c) => c.id),
			FIT_SAMPLE_CUSTOMERS
		);
		const sample = population.filter((c) => chosen.has(c.id));
		expect(sample).toHaveLength(FIT_SAMPLE_CUSTOMERS);
		const fit = fitBgnbd(sample, { timeUnit: 'week' });
		if (!fit.ok) throw new Error(fit.reason);
		const toLog = (p: BgnbdParams) => [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)];
		// Standard errors on the log scale from the observed information (numeric Hessian), as in the
		// BG/NBD recovery test: four of them is a failure rate of ~1e-4 per parameter for a correct fit.
		const u0 = toLog(fit.fit);
		const prepared = prepareBgnbd(sample, 1);
		const ll = (u: readonly number[]) => preparedBgnbdLogLikelihood(u, prepared);
		const h = 1e-3;
		const at = (i: number, si: number, j: number, sj: number) => ll(u0.map((v, k) => v + (k === i ? si * h : 0) + (k === j ? sj * h : 0)));
		const covariance = invert(u0.map((_, i) => u0.map((__, j) => -(at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h))));
		toLog(truth).forEach((truthLog, i) => {
			const standardError = Math.sqrt(covariance[i][i]);
			expect(standardError).toBeGreaterThan(0);
			expect(standardError).toBeLessThan(0.2);
			expect(Math.abs(u0[i] - truthLog)).toBeLessThan(4 * standardError);
		});
	});

	it('says in the takeaway sentence when the model sees no measurable drop-out (mean P(alive) of 0.99 or more), and only then', () => {
		const withPAlive = (meanPAlive: number) => clvSentence({ clv: { ...clvResultFixture, totals: { ...clvResultFixture.totals, meanPAlive } } } as never, {})?.text;
		expect(withPAlive(0.9995)).toMatch(/average\)\. The purchase histories show no measurable drop-out over this period/);
		expect(withPAlive(0.99)).toMatch(/no measurable drop-out/);
		expect(withPAlive(0.989)).not.toMatch(/drop-out/);
		expect(withPAlive(0.6)).not.toMatch(/drop-out/);
	});

	it('states the sample in the takeaway sentence only when there is one', () => {
		expect(fitSampleSentence({ fitSample: { customers: 20_000, of: 83_012 } })).toBe('Fitted on a random sample of 20,000 of 83,012 customers.');
		expect(clvSentence({ clv: clvResultFixture } as never, {})?.text).not.toMatch(/sample/);
	});
});
