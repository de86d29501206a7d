/**
 * What the reviews say: the words and two-word phrases most typical of unhappy against happy
 * reviews. Tokenised in SQL, so the work runs in the database worker, off the page thread. No model:
 * each term's share of unhappy reviews against its share of happy reviews (smoothed log ratio).
 * Review text is user text: it is only ever rendered as text.
 */
import type { Engine } from '../../engine/index';
import { quoteString } from '../../sql';
import type { RatingScale, ReviewTerm } from './types';

/** A term must occur in at least this many reviews of its side to be listed. */
export const MIN_TERM_REVIEWS = 2;
export const TERMS_PER_SIDE = 10;

/**
 * Function words of English, German, French, Spanish, Italian, Dutch and Portuguese. Negations are
 * kept on purpose: "not working" says more than "working".
 */
export const STOP_WORDS: readonly string[] = (
	'the a an and or but of to in on at for with from by as is are was were be been it its this that these those i me my we our you your he she they them ' +
	'his her their have has had do does did so very just also too than then there here what which who when all any some more most can could would will should ' +
	'again get got one im ive am if about up out after before over into only really still even much many because while ' +
	'der die das den dem des ein eine einen einem und oder aber ist sind war waren sein mit von zu im in am auf für bei aus als auch sehr noch nur wie ich wir sie es er ' +
	'le la les un une des du de et ou mais est sont était être avec pour par dans sur au aux ce cette ces je nous vous il elle ils très aussi que qui en ' +
	'el los las una unos unas y o pero es son era ser con por para en del al lo este esta estos yo nosotros muy también que ' +
	'il lo gli una uno e ed ma sono era essere con per nel nella di da al che questo questa molto anche io ' +
	'het een en of maar zijn was waren met voor door naar bij uit als ook heel nog ik wij ze dat deze dit ' +
	'o os as um uma umas uns e ou mas é são foi ser com para por em no na nos nas do da dos das ao que este esta muito também eu'
)
	.split(/\s+/)
	.filter((w, i, all) => w.length > 0 && all.indexOf(w) === i);

/** The tokens of a text column: lower-case runs of letters (the unit every term is made of). */
export function tokensSql(column: string): string {
	return `regexp_extract_all(lower(${column}), '\\p{L}+')`;
}

/**
 * Terms of unhappy (rating ≤ the scale's unhappy bound) and happy (≥ its happy bound) reviews, each
 * review counted once per term. `rated` is the per-order table with `rating` and `review_text`.
 */
export async function reviewTerms(engine: Engine, rated: string, scale: RatingScale): Promise<{ unhappy: ReviewTerm[]; happy: ReviewTerm[]; unhappyReviews: number; happyReviews: number }> {
	const stop = STOP_WORDS.map((w) => `(${quoteString(w)})`).join(', ');
	const rows = await engine.query<{ term: string; words: number; u: number; h: number; nu: number; nh: number }>(
		`WITH docs AS (
			SELECT order_id, CASE WHEN rating <= ${scale.unhappyAtMost} THEN 'u' WHEN rating >= ${scale.happyAtLeast} THEN 'h' END AS side,
				${tokensSql('review_text')} AS toks
			FROM ${rated} WHERE review_text IS NOT NULL
		), d AS (SELECT * FROM docs WHERE side IS NOT NULL),
		stop(w) AS (VALUES ${stop}),
		toks AS (SELECT order_id, side, unnest(toks) AS t, generate_subscripts(toks, 1) AS pos FROM d),
		words AS (SELECT order_id, side, t AS term, 1 AS words FROM toks WHERE length(t) > 1 AND t NOT IN (SELECT w FROM stop)),
		pairs AS (
			SELECT a.order_id, a.side, a.t || ' ' || b.t AS term, 2 AS words FROM toks a JOIN toks b ON a.order_id = b.order_id AND b.pos = a.pos + 1
			WHERE length(a.t) > 1 AND length(b.t) > 1 AND a.t NOT IN (SELECT w FROM stop) AND b.t NOT IN (SELECT w FROM stop)
		), terms AS (SELECT DISTINCT * FROM (SELECT * FROM words UNION ALL SELECT * FROM pairs))
		SELECT term, any_value(words) AS words, count(*) FILTER (WHERE side = 'u') AS u, count(*) FILTER (WHERE side = 'h') AS h,
			(SELECT count(*) FROM d WHERE side = 'u') AS nu, (SELECT count(*) FROM d WHERE side = 'h') AS nh
		FROM terms GROUP BY term`
	);
	const nu = Number(rows[0]?.nu ?? 0);
	const nh = Number(rows[0]?.nh ?? 0);
	const scored = rows.map((r) => {
		const u = Number(r.u);
		const h = Number(r.h);
		return { term: r.term, words: Number(r.words), unhappyReviews: u, happyReviews: h, score: Math.log((u + 0.5) / (nu + 1) / ((h + 0.5) / (nh + 1))) };
	});
	const side = (count: (t: ReviewTerm) => number, sign: number) =>
		scored
			.filter((t) => count(t) >= MIN_TERM_REVIEWS && sign * t.score > 0)
			.sort((a, b) => sign * (b.score - a.score) || count(b) - count(a) || a.term.localeCompare(b.term))
			.slice(0, TERMS_PER_SIDE);
	return { unhappy: side((t) => t.unhappyReviews, 1), happy: side((t) => t.happyReviews, -1), unhappyReviews: nu, happyReviews: nh };
}
