/** Churn by recency against the churn window, with the purchase model's P(alive) risk beside it. */
import { P_ALIVE_RISK_THRESHOLDS } from '../../models/clv/index';
import type { AnalysisContext } from '../context';
import type { ChurnResult } from './types';
import type { ChurnRisk, PAliveRisk } from '../customerScoring/types';
import type { Maybe } from '../types';
import { customerScores } from '../customerScoring/scores';
import { clvModel } from '../clv/model';

export async function computeChurn(ctx: AnalysisContext): Promise<Maybe<ChurnResult>> {
	const none = ctx.missing(['customer_id']);
	if (none) return none;
	const table = await customerScores(ctx);
	const rows = await ctx.engine.query<{ grp: ChurnRisk; customers: number; revenue: number; rec: number }>(
		`SELECT churn_risk AS grp, count(*) AS customers, sum(monetary) AS revenue, avg(recency_days) AS rec FROM ${table} GROUP BY grp`
	);
	const n = rows.reduce((s, r) => s + r.customers, 0);
	if (n === 0) return { available: false, reason: 'no customer has a non-cancelled order before the as-of date' };
	const byGroup = new Map(rows.map((r) => [r.grp, r]));
	const groups = (['Churned', 'High', 'Medium', 'Low'] as const).map((group) => {
		const r = byGroup.get(group);
		return { group, customers: r?.customers ?? 0, share: (r?.customers ?? 0) / n, revenue: r?.revenue ?? 0, avgRecency: r?.rec ?? null };
	});
	const churned = byGroup.get('Churned')?.customers ?? 0;
	const w = ctx.params.churnDays;

	let pAlive: ChurnResult['pAlive'];
	const model = await clvModel(ctx);
	if (!model.ok) pAlive = { available: false, reason: model.reason };
	else {
		const cross = await ctx.engine.query<{ churnRisk: ChurnRisk; pAliveRisk: PAliveRisk; customers: number; sp: number }>(
			`SELECT c.churn_risk AS "churnRisk", m.p_alive_risk AS "pAliveRisk", count(*) AS customers, sum(p_alive) AS sp
			FROM ${table} c JOIN ${model.table} m USING (customer_id) GROUP BY ALL ORDER BY ALL`
		);
		const pGroups = (['High', 'Medium', 'Low'] as const).map((group) => {
			const members = cross.filter((c) => c.pAliveRisk === group);
			const customers = members.reduce((s, c) => s + c.customers, 0);
			const sum = members.reduce((s, c) => s + c.sp, 0);
			return { group, customers, share: customers / n, meanPAlive: customers ? sum / customers : null };
		});
		pAlive = {
			available: true,
			thresholds: { ...P_ALIVE_RISK_THRESHOLDS },
			groups: pGroups,
			crossTab: cross.map(({ churnRisk, pAliveRisk, customers }) => ({ churnRisk, pAliveRisk, customers }))
		};
	}
	return {
		available: true,
		asOf: ctx.asOf!,
		churnDays: w,
		customers: n,
		churned,
		churnRate: churned / n,
		thresholds: { low: w / 3, medium: (2 * w) / 3 },
		groups,
		pAlive
	};
}
