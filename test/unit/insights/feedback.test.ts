import { describe, expect, it } from 'vitest';
import { churnVerdict, feedbackHeadline, feedbackMonthlySentence } from '../../../src/lib/insights/feedback';
import { discontentActions } from '../../../src/lib/insights/actions';
import { feedback } from '../../fixtures/results';

describe('feedback sentences', () => {
	it('say the data cannot tell when the test is not significant, with the figures', () => {
		// Unhappy 1 of 2 churned; others (neutral + happy) 1 of 6.
		expect(churnVerdict(feedback)).toBe('the data cannot tell whether unhappy customers churn more (50.0% of 2 unhappy customers churned against 16.7% of 6 others; the difference is within chance)');
	});

	it('say unhappy customers churn more only when the test says so', () => {
		expect(churnVerdict({ ...feedback, unhappyChurnMore: 'yes' })).toMatch(/^unhappy customers churn more: 50\.0% of 2/);
	});

	it('give the average, the scale and the month', () => {
		expect(feedbackHeadline(feedback)).toMatch(/^Customers rate 3\.80 on the 1-5 scale on average \(10 rated orders\);/);
		expect(feedbackMonthlySentence(feedback)).toBe('June 2024: an average of 4.33 from 6 answers.');
	});

	it('turn discontented lapsing segments into action rows', () => {
		expect(discontentActions(feedback)).toEqual([
			{ group: 'Discontent Hibernating', customers: 1, revenue: 30, category: 'Win-back', action: expect.stringMatching(/^Address the complaint before any win-back offer/) }
		]);
	});
});
