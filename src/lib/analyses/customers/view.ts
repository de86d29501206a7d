/**
 * The per-customer table the drill-down lists and the export writes: the customer scores with the
 * CLV model's columns, the customer's feedback (when a rating is mapped) and their attributes from
 * the optional `customers` table joined on.
 */
import type { AnalysisContext } from '../context';
import { CUSTOMER_ATTRIBUTES } from '../../ingest/index';
import { quoteIdent } from '../../sql';
import { clvModel } from '../clv/model';
import { customerScores } from '../customerScoring/scores';
import { bandSql, customerFeedbackSql, discontentSql, ratingScaleOf } from '../feedback/compute';

export interface CustomerViewInfo {
	view: string;
	/** Why the model columns are null, when they are. */
	modelNote: string | null;
	/** Customer attributes (`CUSTOMER_ATTRIBUTES` fields) with at least one value, in that list's order. */
	attributes: string[];
	/** A rating is mapped and fits a scale: the feedback columns carry values. */
	feedback: boolean;
}

/** Attributes of the `customers` table that carry a value for someone. */
async function presentAttributes(ctx: AnalysisContext): Promise<string[]> {
	const columns = await ctx.customerColumns();
	if (!columns.has('customer_id')) return [];
	const candidates = CUSTOMER_ATTRIBUTES.map((a) => a.field as string).filter((f) => columns.has(f));
	if (candidates.length === 0) return [];
	const [counts] = await ctx.engine.query<Record<string, number>>(`SELECT ${candidates.map((f) => `count(${quoteIdent(f)}) AS ${quoteIdent(f)}`).join(', ')} FROM customers`);
	return candidates.filter((f) => Number(counts[f]) > 0);
}

/** The per-customer table; model, feedback and attribute columns are null when their source is missing. */
export function customerView(ctx: AnalysisContext): Promise<CustomerViewInfo> {
	return ctx.cached('customerView', async () => {
		const table = await customerScores(ctx);
		const model = await clvModel(ctx);
		const fit = ctx.has('rating') ? await ratingScaleOf(ctx) : null;
		const scale = fit && 'scale' in fit ? fit.scale : null;
		const attributes = await presentAttributes(ctx);

		const joins: string[] = [];
		const modelCols = model.ok
			? 'm.p_alive, m.expected_purchases, m.expected_aov, m.predicted_clv'
			: 'CAST(NULL AS DOUBLE) AS p_alive, CAST(NULL AS DOUBLE) AS expected_purchases, CAST(NULL AS DOUBLE) AS expected_aov, CAST(NULL AS DOUBLE) AS predicted_clv';
		if (model.ok) joins.push(`LEFT JOIN ${model.table} m USING (customer_id)`);
		let feedbackCols = 'CAST(NULL AS BIGINT) AS ratings, CAST(NULL AS DOUBLE) AS avg_rating, CAST(NULL AS DOUBLE) AS last_rating, CAST(NULL AS VARCHAR) AS feedback_band';
		if (scale) {
			feedbackCols = `f.ratings, f.avg_rating, f.last_rating, CASE WHEN f.avg_rating IS NULL THEN NULL ELSE ${bandSql(scale, 'f.avg_rating')} END AS feedback_band`;
			joins.push(`LEFT JOIN (${customerFeedbackSql(ctx.scope)}) f USING (customer_id)`);
		}
		let attributeCols = '';
		if (attributes.length) {
			attributeCols = `, ${attributes.map((a) => `a.${quoteIdent(a)}`).join(', ')}`;
			joins.push(
				`LEFT JOIN (SELECT CAST(customer_id AS VARCHAR) AS customer_id, ${attributes.map((a) => `any_value(${quoteIdent(a)}) AS ${quoteIdent(a)}`).join(', ')}
					FROM customers WHERE customer_id IS NOT NULL GROUP BY 1) a ON a.customer_id = CAST(c.customer_id AS VARCHAR)`
			);
		}
		const sql = `SELECT c.customer_id, c.recency_days, c.frequency, c.monetary, c.r, c.f, c.m, c.segment, c.cltv_revenue, c.cltv_profit,
				c.cltv_segment, c.churned, c.churn_risk, c.first_date, c.last_date, ${modelCols}, c.cohort, c.overlay, ${feedbackCols}${attributeCols}
			FROM ${table} c ${joins.join(' ')}`;
		const withDiscontent = `SELECT *, coalesce(${discontentSql('feedback_band', 'segment')}, false) AS discontent FROM (${sql})`;
		const name = await ctx.tempView('customer_view', withDiscontent);
		const modelNote = !model.ok
			? `Predictive columns are empty: ${model.reason}`
			: model.gammaGamma
				? null
				: `Expected order value and predicted CLV are empty: ${model.gammaGammaRefusal}`;
		return { view: name, modelNote, attributes, feedback: scale !== null };
	});
}
