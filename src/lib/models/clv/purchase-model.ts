/**
 * One face for the two purchase models, so that CLV, diagnostics and model choice work with
 * whichever of BG/NBD and Pareto/NBD was fitted.
 */
import { expectedPurchasesIfAlive, probabilityAlive } from './bgnbd';
import { paretoNbdExpectedPurchasesIfAlive, paretoNbdProbabilityAlive } from './pareto-nbd';
import type { BgnbdParams, CustomerSummary, ParetoNbdParams, PurchaseModelName } from './types';

export type PurchaseModelParams = BgnbdParams | ParetoNbdParams;

type History = Pick<CustomerSummary, 'frequency' | 'recency' | 'T'>;

export const isParetoNbd = (params: PurchaseModelParams): params is ParetoNbdParams => 'beta' in params;

export const purchaseModelName = (params: PurchaseModelParams): PurchaseModelName => (isParetoNbd(params) ? 'paretoNbd' : 'bgnbd');

/** P(alive | x, t_x, T) under either model. */
export function aliveProbability(params: PurchaseModelParams, customer: History): number {
	return isParetoNbd(params) ? paretoNbdProbabilityAlive(params, customer) : probabilityAlive(params, customer);
}

/** Expected purchases in (T, T+t] for a customer alive at T; depends on x and T only. */
export function purchasesIfAlive(params: PurchaseModelParams, customer: Pick<CustomerSummary, 'frequency' | 'T'>, t: number): number {
	return isParetoNbd(params) ? paretoNbdExpectedPurchasesIfAlive(params, customer, t) : expectedPurchasesIfAlive(params, customer, t);
}

/** E[Y(t) | x, t_x, T] under either model. */
export function expectedFuturePurchases(params: PurchaseModelParams, customer: History, t: number): number {
	return aliveProbability(params, customer) * purchasesIfAlive(params, customer, t);
}
