import { describe, expect, it } from 'vitest';
import { packFitInput, packHoldoutInput, unpackFitInput, unpackHoldoutInput } from '../../../../src/lib/analyses/clv/fit-wire';
import type { ClvFitInput, HoldoutInput } from '../../../../src/lib/analyses/clv/fit';

const base: ClvFitInput = {
	summaries: [
		{ frequency: 0, recency: 0, T: 12.5 },
		{ frequency: 3, recency: 7.25, T: 30, weight: 4 },
		{ frequency: 1, recency: 1 / 3, T: 2 / 7, weight: 1 }
	],
	fitSummaries: null,
	unit: 'week',
	setting: 'auto',
	preset: null,
	calibration: { rows: [{ frequency: 2, recency: 5, T: 9, weight: 2, holdoutPurchases: 0.5 }], holdoutLength: 4 },
	spend: [{ frequency: 3, monetary: 12.34, weight: 4 }],
	horizon: 52,
	clvOptions: { horizonMonths: 12, margin: 0.3, monthlyDiscountRate: 0.01 }
};

/** Across a structured clone, as to a worker. */
const roundTrip = (input: ClvFitInput) => unpackFitInput(structuredClone(packFitInput(input)));

describe('a CLV fit input on the wire to a models worker', () => {
	it('carries every row list as typed arrays, one per field', () => {
		const wire = packFitInput(base);
		expect(wire.summaries.T).toBeInstanceOf(Float64Array);
		expect(Array.from(wire.summaries.recency)).toEqual([0, 7.25, 1 / 3]);
		// An absent weight travels as NaN.
		expect(Array.from(wire.summaries.weight)).toEqual([NaN, 4, 1]);
		expect(wire.spend && Array.from(wire.spend.monetary)).toEqual([12.34]);
	});

	it('arrives as the same input, an absent weight absent again', () => {
		const back = roundTrip(base);
		expect(back).toStrictEqual(base);
		expect('weight' in back.summaries[0]).toBe(false);
	});

	it('keeps a sample, a reason instead of calibration rows, and no spend rows', () => {
		for (const input of [
			{ ...base, fitSummaries: [{ frequency: 5, recency: 3, T: 4, weight: 2 }] },
			{ ...base, calibration: { reason: 'the history is too short' }, spend: null },
			{ ...base, calibration: null, summaries: [] }
		]) expect(roundTrip(input)).toStrictEqual(input);
	});

	it('carries the holdout check\'s input too: its rows packed, a calibration fit as it is, no sample as null', () => {
		const rows = [
			{ frequency: 2, recency: 5, T: 9, weight: 2, holdoutPurchases: 0.5 },
			{ frequency: 0, recency: 0, T: 3, weight: 1, holdoutPurchases: 0 }
		];
		const calibrated = { ok: true as const, fit: { r: 0.2, alpha: 4, a: 0.8, b: 2.5, logLikelihood: -10, customers: 3, converged: true, timeUnit: 'week' as const } };
		for (const input of [
			{ chosen: 'bgnbd', unit: 'week', calibrated, rows, fitRows: null, holdoutLength: 4 },
			{ chosen: 'paretoNbd', unit: 'day', calibrated: null, rows, fitRows: rows.slice(1), holdoutLength: 30 }
		] satisfies HoldoutInput[]) {
			const wire = packHoldoutInput(input);
			expect(wire.rows.holdoutPurchases).toBeInstanceOf(Float64Array);
			expect(unpackHoldoutInput(structuredClone(wire))).toStrictEqual(input);
		}
	});
});
