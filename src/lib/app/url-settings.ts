/**
 * View settings ↔ URL query string. Only settings and filter choices go into the URL — never rows
 * of data — so a link reproduces the same view when the same file is loaded again.
 *
 *   ?asOf=2011-12-10&churn=90&margin=0.3&horizon=12&scheme=standard&cur=€
 *    &model=paretoNbd&from=2011-01-01&to=2011-06-30&country=France&country=Germany&cat=…&status=…
 */
import { DEFAULT_PARAMS, withDefaults, type AnalysisParams, type ClvModelSetting, type RfmScheme } from '$lib/analyses/index';

const CLV_MODELS: readonly ClvModelSetting[] = ['auto', 'bgnbd', 'paretoNbd'];

export interface ViewSettings {
	params: AnalysisParams;
	currency: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string | null): string | null {
	if (!s || !DATE.test(s)) return null;
	const d = new Date(`${s}T00:00:00Z`);
	return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : s;
}

function num(s: string | null, min: number, max: number, integer: boolean): number | null {
	if (s === null || s.trim() === '') return null;
	const n = Number(s);
	if (!Number.isFinite(n) || n < min || n > max) return null;
	return integer ? Math.round(n) : n;
}

export const LIMITS = {
	churnDays: { min: 1, max: 3650 },
	margin: { min: 0, max: 1 },
	forecastHorizon: { min: 1, max: 36 }
} as const;

export function settingsFromQuery(q: URLSearchParams): ViewSettings {
	const scheme = q.get('scheme');
	const model = q.get('model');
	const list = (k: string) =>
		q
			.getAll(k)
			.map((v) => v.trim())
			.filter((v) => v !== '')
			.slice(0, 200);
	const params = withDefaults({
		asOf: validDate(q.get('asOf')),
		churnDays: num(q.get('churn'), LIMITS.churnDays.min, LIMITS.churnDays.max, true) ?? DEFAULT_PARAMS.churnDays,
		margin: num(q.get('margin'), LIMITS.margin.min, LIMITS.margin.max, false) ?? DEFAULT_PARAMS.margin,
		forecastHorizon: num(q.get('horizon'), LIMITS.forecastHorizon.min, LIMITS.forecastHorizon.max, true) ?? DEFAULT_PARAMS.forecastHorizon,
		rfmScheme: scheme === 'simple' || scheme === 'standard' ? (scheme as RfmScheme) : DEFAULT_PARAMS.rfmScheme,
		clvModel: CLV_MODELS.find((m) => m === model) ?? DEFAULT_PARAMS.clvModel,
		filters: {
			dateFrom: validDate(q.get('from')),
			dateTo: validDate(q.get('to')),
			countries: list('country'),
			categories: list('cat'),
			statuses: list('status')
		}
	});
	const currency = (q.get('cur') ?? '').slice(0, 4);
	return { params, currency };
}

/** Only values that differ from the defaults, so a fresh view has a clean URL. */
export function settingsToQuery(s: ViewSettings): URLSearchParams {
	const q = new URLSearchParams();
	const p = s.params;
	if (p.asOf) q.set('asOf', p.asOf);
	if (p.churnDays !== DEFAULT_PARAMS.churnDays) q.set('churn', String(p.churnDays));
	if (p.margin !== DEFAULT_PARAMS.margin) q.set('margin', String(p.margin));
	if (p.forecastHorizon !== DEFAULT_PARAMS.forecastHorizon) q.set('horizon', String(p.forecastHorizon));
	if (p.rfmScheme !== DEFAULT_PARAMS.rfmScheme) q.set('scheme', p.rfmScheme);
	if (p.clvModel && p.clvModel !== DEFAULT_PARAMS.clvModel) q.set('model', p.clvModel);
	if (s.currency) q.set('cur', s.currency);
	if (p.filters.dateFrom) q.set('from', p.filters.dateFrom);
	if (p.filters.dateTo) q.set('to', p.filters.dateTo);
	for (const c of p.filters.countries) q.append('country', c);
	for (const c of p.filters.categories) q.append('cat', c);
	for (const c of p.filters.statuses) q.append('status', c);
	return q;
}
