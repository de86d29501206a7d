/**
 * The executive summary, composed from the slices' sentences: the takeaways of the panels it
 * repeats (word for word what the panel says) and the facts some slices add for it (peak month,
 * segments, stickiness, forecast…). It computes nothing of its own; a sentence whose analysis is
 * unavailable is left out.
 */
import {
	atRiskSentence,
	backtestSentence,
	churnTakeaway,
	clvSentence,
	cohortsTakeaway,
	feedbackTakeaway,
	forecastSentence,
	kpisTakeaway,
	largestSegmentSentence,
	peakSentence,
	stickinessSentence,
	trendTakeaway,
	unusualDaysSentence,
	valuableSegmentSentence,
	type AnalysisResults,
	type Sentence,
	type Takeaway,
	type TakeawayOptions
} from '../analyses/index';

/** In the order the summary reads. */
const SUMMARY: readonly Takeaway[] = [
	kpisTakeaway,
	trendTakeaway,
	peakSentence,
	largestSegmentSentence,
	valuableSegmentSentence,
	atRiskSentence,
	churnTakeaway,
	clvSentence,
	stickinessSentence,
	cohortsTakeaway,
	unusualDaysSentence,
	feedbackTakeaway,
	forecastSentence,
	backtestSentence
];

export function executiveSummary(r: Partial<AnalysisResults>, options: TakeawayOptions = {}): Sentence[] {
	return SUMMARY.map((sentence) => sentence(r, options)).filter((s): s is Sentence => s !== null);
}
