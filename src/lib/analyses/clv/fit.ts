/**
 * The CLV model fits and per-customer predictions as one pure function of plain data, so a run can
 * hand them to a worker (the browser's models worker) instead of blocking the page for seconds.
 * `model.ts` gathers the inputs with SQL and writes the outputs back as a table.
 */
import type { ClvModelSetting } from '../params';
import type { ClvBgnbd, ClvModelChoice, ClvParetoNbd } from './types';
import {
	PURCHASE_MODEL_LABEL,
	aliveRisk,
	chooseModel,
	fitBgnbd,
	fitGammaGamma,
	fitParetoNbd,
	holdoutComparison,
	predictPurchases,
	type BgnbdFit,
	type CustomerSummary,
	type FitOutcome,
	type GammaGammaParams,
	type HoldoutCustomer,
	type HoldoutRow,
	type ParetoNbdFit,
	type PurchaseModelFit,
	type PurchaseModelName,
	type PurchaseModelParams,
	type TimeUnit
} from '../../models/clv/index';

/** Fits from an earlier run (e.g. a `clv` result), reused instead of refitting. */
export interface PresetModels {
	bgnbd: ClvBgnbd;
	paretoNbd: ClvParetoNbd | null;
	chosen: ClvModelChoice['chosen'];
	gammaGamma: { p: number; q: number; v: number } | null;
}

export interface ClvFitInput {
	/** Distinct (frequency, recency, T) rows in model time units, with how many customers share each. */
	summaries: CustomerSummary[];
	/** The same rows of a sample of the customers to fit the parameters on; null: fit on `summaries`. */
	fitSummaries: CustomerSummary[] | null;
	unit: TimeUnit;
	setting: ClvModelSetting;
	preset: PresetModels | null;
	/** The calibration period's rows (of the customers fitted on) for choosing the model (auto setting only), or why there are none. */
	calibration: { rows: HoldoutCustomer[]; holdoutLength: number } | { reason: string } | null;
	/** Repeat customers' (frequency, mean spend) rows (of the customers fitted on) for the spend model; null with a preset. */
	spend: { frequency: number; monetary: number; weight: number }[] | null;
	/** Prediction horizon in model time units. */
	horizon: number;
	clvOptions: { horizonMonths: number; margin: number; monthlyDiscountRate: number };
}

export interface ClvFitOutput {
	bgnbd: FitOutcome<BgnbdFit>;
	paretoNbd: FitOutcome<ParetoNbdFit>;
	choice: ClvModelChoice;
	calibrationFits: { bgnbd: FitOutcome<BgnbdFit>; paretoNbd: FitOutcome<ParetoNbdFit> } | null;
	gammaGamma: FitOutcome<GammaGammaParams>;
	/** Per summary row, in input order (empty when the purchase model could not be fitted). */
	predictions: { pAlive: number[]; risk: string[]; expectedPurchases: number[]; clvPerAov: number[] };
}

type Chosen = Pick<ClvFitOutput, 'choice' | 'calibrationFits'>;

/** The fits on every customer (or the sample fitted on): the two purchase models and the spend model. */
export type PurchaseFits = Pick<ClvFitOutput, 'bgnbd' | 'paretoNbd' | 'gammaGamma'>;

/** Both purchase models fitted on the calibration period and compared on the holdout period (`chooseModel`). */
export type CalibrationOutcome = ReturnType<typeof chooseModel>;

/**
 * Whether the two models may be compared on a holdout period: the automatic setting, no preset,
 * and calibration rows. Known before any fit, so the comparison can start beside the other fits.
 */
export const mayCompare = (input: ClvFitInput): boolean => !input.preset && input.setting === 'auto' && input.calibration !== null && 'rows' in input.calibration;

/** Whether the comparison is used once the fits on every customer are known: only when both models could be fitted. */
export const comparesWith = (input: ClvFitInput, fits: PurchaseFits): boolean => mayCompare(input) && fits.bgnbd.ok && fits.paretoNbd.ok;

/** Which purchase model the predictions use: the user's setting, or the better one on the holdout period. */
function choosePurchaseModel(input: ClvFitInput, paretoNbd: FitOutcome<ParetoNbdFit>, calibrated: CalibrationOutcome | null): Chosen {
	const { setting, calibration } = input;
	const bgnbdBecause = (why: string): Chosen => ({ choice: { chosen: 'bgnbd', reason: `BG/NBD was used: ${why}`, setting, holdoutRmse: null }, calibrationFits: null });
	if (setting !== 'auto') {
		if (setting === 'paretoNbd' && !paretoNbd.ok) return bgnbdBecause(`Pareto/NBD was chosen in the settings but could not be fitted (${paretoNbd.reason})`);
		return { choice: { chosen: setting, reason: `${PURCHASE_MODEL_LABEL[setting]} was used because it was chosen in the settings.`, setting, holdoutRmse: null }, calibrationFits: null };
	}
	if (!paretoNbd.ok) return bgnbdBecause(`Pareto/NBD could not be fitted (${paretoNbd.reason})`);
	if (!calibration || 'reason' in calibration || !calibrated) return bgnbdBecause(`the two models could not be compared because ${calibration && 'reason' in calibration ? calibration.reason : 'no holdout period was given'}.`);
	if (!calibrated.ok) return bgnbdBecause(`neither model could be fitted on the calibration period (${calibrated.reason})`);
	const { chosen, reason, holdoutRmse, bgnbd, paretoNbd: calibratedPn } = calibrated.fit;
	return { choice: { chosen, reason, setting, holdoutRmse }, calibrationFits: { bgnbd, paretoNbd: calibratedPn } };
}

/** The purchase and spend models fitted on every customer (or the sample), or taken from the preset. */
export function fitPurchaseModels(input: ClvFitInput): PurchaseFits {
	const { summaries, unit, preset } = input;
	const fitOn = input.fitSummaries ?? summaries;
	const customers = summaries.reduce((s, c) => s + (c.weight ?? 1), 0);
	const bg: FitOutcome<BgnbdFit> = preset ? { ok: true, fit: { ...preset.bgnbd, customers, converged: true } } : fitBgnbd(fitOn, { timeUnit: unit });
	const pn: FitOutcome<ParetoNbdFit> = preset
		? preset.paretoNbd
			? { ok: true, fit: { ...preset.paretoNbd, customers, converged: true } }
			: { ok: false, reason: 'no Pareto/NBD fit was supplied' }
		: bg.ok
			? fitParetoNbd(fitOn, { timeUnit: unit })
			: { ok: false, reason: 'BG/NBD could not be fitted' };
	const gg: FitOutcome<GammaGammaParams> = preset
		? preset.gammaGamma
			? { ok: true, fit: preset.gammaGamma }
			: { ok: false, reason: 'no spend model was supplied' }
		: fitGammaGamma(input.spend ?? []);
	return { bgnbd: bg, paretoNbd: pn, gammaGamma: gg };
}

/** The two purchase models compared on the holdout period, or null when the input does not ask for it ({@link mayCompare}). */
export function fitCalibration(input: ClvFitInput): CalibrationOutcome | null {
	const { calibration } = input;
	if (!mayCompare(input) || !calibration || !('rows' in calibration)) return null;
	return chooseModel(calibration.rows, calibration.holdoutLength, { timeUnit: input.unit });
}

/** The model choice and every summary row's predictions, from the fits and the comparison (null when not made). */
export function finishClvFit(input: ClvFitInput, fits: PurchaseFits, calibrated: CalibrationOutcome | null): ClvFitOutput {
	const { summaries, preset } = input;
	const { bgnbd: bg, paretoNbd: pn, gammaGamma: gg } = fits;
	const none = { pAlive: [], risk: [], expectedPurchases: [], clvPerAov: [] };
	if (!bg.ok) return { bgnbd: bg, paretoNbd: pn, choice: { chosen: 'bgnbd', reason: '', setting: input.setting, holdoutRmse: null }, calibrationFits: null, gammaGamma: gg, predictions: none };
	const { choice, calibrationFits }: Chosen = preset
		? { choice: { chosen: preset.chosen === 'paretoNbd' && pn.ok ? 'paretoNbd' : 'bgnbd', reason: '', setting: input.setting, holdoutRmse: null }, calibrationFits: null }
		: choosePurchaseModel(input, pn, calibrated);
	const fit: PurchaseModelFit = choice.chosen === 'paretoNbd' && pn.ok ? pn.fit : bg.fit;
	const paretoNbd = pn.ok ? pn.fit : null;
	const span = summaries.reduce((m, c) => Math.max(m, c.T), 0);
	// margin × expected AOV × P(alive) × discounted purchases, per unit of AOV and margin.
	const { pAlive, expectedPurchases, clvPerAov } = predictPurchases(fit, summaries, { ...input.clvOptions, purchaseHorizon: input.horizon });
	const predictions = { pAlive, risk: summaries.map((c) => aliveRisk(c, fit, paretoNbd, span).group as string), expectedPurchases, clvPerAov };
	return { bgnbd: bg, paretoNbd: pn, choice, calibrationFits, gammaGamma: gg, predictions };
}

/** The whole CLV fit in one call: the comparison on the holdout period only when it is used. */
export function fitClvModels(input: ClvFitInput): ClvFitOutput {
	const fits = fitPurchaseModels(input);
	return finishClvFit(input, fits, comparesWith(input, fits) ? fitCalibration(input) : null);
}

/** The holdout check: the model in use, fitted on the calibration period, against every customer's held-out purchases. */
export interface HoldoutInput {
	chosen: PurchaseModelName;
	unit: TimeUnit;
	/** The chosen model's calibration fit when the model comparison made one; null: fitted here on `fitRows`. */
	calibrated: FitOutcome<PurchaseModelParams> | null;
	/** Every customer's calibration rows, with their mean holdout purchases. */
	rows: HoldoutCustomer[];
	/** The same of the customers the parameters are fitted on; null: `rows`. */
	fitRows: HoldoutCustomer[] | null;
	holdoutLength: number;
}

export type HoldoutOutcome = { ok: true; rows: HoldoutRow[] } | { ok: false; reason: string };

export function holdoutCheck(input: HoldoutInput): HoldoutOutcome {
	const { chosen, unit, rows } = input;
	const fitOn = input.fitRows ?? rows;
	const fit = input.calibrated ?? (chosen === 'paretoNbd' ? fitParetoNbd(fitOn, { timeUnit: unit }) : fitBgnbd(fitOn, { timeUnit: unit }));
	if (!fit.ok) return { ok: false, reason: `calibration fit refused: ${fit.reason}` };
	return { ok: true, rows: holdoutComparison(fit.fit, rows, rows.map((r) => r.holdoutPurchases), input.holdoutLength) };
}
