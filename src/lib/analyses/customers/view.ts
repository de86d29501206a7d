/** The per-customer table the drill-down lists: the customer scores with the CLV model's columns joined on. */
import type { AnalysisContext } from '../context';
import { clvModel } from '../clv/model';
import { customerScores } from '../customerScoring/scores';

/** The per-customer table with the model columns (null when the fit is refused). */
export function customerView(ctx: AnalysisContext): Promise<{ view: string; modelNote: string | null }> {
	return ctx.cached('customerView', async () => {
		const table = await customerScores(ctx);
		const model = await clvModel(ctx);
		const cols = `c.customer_id, c.recency_days, c.frequency, c.monetary, c.r, c.f, c.m, c.segment, c.cltv_revenue, c.cltv_profit,
			c.cltv_segment, c.churned, c.churn_risk, c.first_date, c.last_date`;
		const sql = model.ok
			? `SELECT ${cols}, m.p_alive, m.expected_purchases, m.expected_aov, m.predicted_clv, c.cohort, c.overlay
				FROM ${table} c LEFT JOIN ${model.table} m USING (customer_id)`
			: `SELECT ${cols}, CAST(NULL AS DOUBLE) AS p_alive, CAST(NULL AS DOUBLE) AS expected_purchases,
				CAST(NULL AS DOUBLE) AS expected_aov, CAST(NULL AS DOUBLE) AS predicted_clv, c.cohort, c.overlay FROM ${table} c`;
		const name = await ctx.tempView('customer_view', sql);
		const modelNote = !model.ok
			? `Predictive columns are empty: ${model.reason}`
			: model.gammaGamma
				? null
				: `Expected order value and predicted CLV are empty: ${model.gammaGammaRefusal}`;
		return { view: name, modelNote };
	});
}
