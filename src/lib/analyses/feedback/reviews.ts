/**
 * The reviews behind a term of "What reviews say": the rated orders of the scope whose review
 * contains the word or two-word phrase, token for token as the term list counts them. Queried on
 * demand (a click), capped: the page shows the first ones and the total.
 */
import type { Engine } from '../../engine/index';
import { withDefaults, type AnalysisParams } from '../params';
import { scopeQuery } from '../scope';
import { orderRatingsSql } from './compute';
import { tokensSql } from './words';

export const REVIEWS_SHOWN = 50;

export interface TermReview {
	order_id: string;
	customer_id: string | null;
	rating: number;
	/** `YYYY-MM-DD`: review date, else order date. */
	rated_at: string;
	/** User text: render as text only. */
	review_text: string;
}

/**
 * Reviews containing `term` (lower-case words separated by one space), lowest ratings first for a
 * term typical of unhappy reviews, highest first otherwise; newest first within a rating.
 */
export async function reviewsWithTerm(
	engine: Engine,
	params: Partial<AnalysisParams>,
	term: string,
	lowestFirst: boolean,
	limit = REVIEWS_SHOWN
): Promise<{ total: number; reviews: TermReview[] }> {
	const rated = orderRatingsSql(`(${scopeQuery(withDefaults(params).filters)})`);
	const hits = `SELECT order_id, customer_id, rating, rated_at, review_text FROM (${rated})
		WHERE review_text IS NOT NULL AND contains(' ' || array_to_string(${tokensSql('review_text')}, ' ') || ' ', ' ' || ? || ' ')`;
	const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM (${hits})`, [term]);
	const reviews = await engine.query<TermReview>(
		`SELECT CAST(order_id AS VARCHAR) AS order_id, CAST(customer_id AS VARCHAR) AS customer_id, rating, strftime(rated_at, '%Y-%m-%d') AS rated_at, review_text
		FROM (${hits}) ORDER BY rating ${lowestFirst ? 'ASC' : 'DESC'}, rated_at DESC, order_id LIMIT ${Math.max(1, Math.floor(limit))}`,
		[term]
	);
	return { total: Number(n), reviews };
}
