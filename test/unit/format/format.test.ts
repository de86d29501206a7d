import { describe, expect, it } from 'vitest';
import {
	formatChange,
	formatCompact,
	formatCount,
	formatDate,
	formatMoney,
	formatMoneyCompact,
	formatMonth,
	formatNumber,
	formatPercent,
	listJoin,
	sentence,
	plural,
	truncate,
	withCurrency
} from '../../../src/lib/format/format';

describe('formatting', () => {
	it('money', () => {
		expect(formatMoney(1234.5)).toBe('1,234.50');
		expect(formatMoney(1234.5, '£')).toBe('£1,234.50');
		expect(formatMoney(-12, '£')).toBe('−£12.00');
		expect(formatMoney(-0.001, '£')).toBe('£0.00');
		expect(formatMoney(5, 'EUR')).toBe('EUR 5.00');
		expect(formatMoney(NaN)).toBe('—');
		expect(formatMoney(null)).toBe('—');
		expect(formatMoneyCompact(1_234_567, '£')).toBe('£1.2M');
		expect(formatMoneyCompact(-950, '$')).toBe('−$950');
	});

	it('numbers, counts and percentages', () => {
		expect(formatCount(12345.4)).toBe('12,345');
		expect(formatNumber(3.14159, 2)).toBe('3.14');
		expect(formatCompact(1500)).toBe('1.5K');
		expect(formatPercent(0.1234)).toBe('12.3%');
		expect(formatChange(0.032)).toBe('+3.2%');
		expect(formatChange(-0.05)).toBe('−5.0%');
		expect(formatChange(0.00001)).toBe('0.0%');
	});

	it('dates and labels', () => {
		expect(formatMonth('2024-03')).toBe('March 2024');
		expect(formatMonth('2024-03', true)).toBe('Mar 2024');
		expect(formatDate('2024-03-05')).toBe('5 Mar 2024');
		expect(withCurrency('Net revenue', '£')).toBe('Net revenue (£)');
		expect(withCurrency('Net revenue')).toBe('Net revenue');
		expect(plural(1, 'customer')).toBe('1 customer');
		expect(plural(1200, 'customer')).toBe('1,200 customers');
		expect(listJoin(['a', 'b', 'c'])).toBe('a, b and c');
		expect(sentence('no customer id column')).toBe('no customer id column.');
		expect(sentence('Use more customers.')).toBe('Use more customers.');
		expect(sentence('Is this a date?')).toBe('Is this a date?');
	});

	it('truncates on code points', () => {
		expect(truncate('short', 10)).toBe('short');
		expect(truncate('abcdefghij', 5)).toBe('abcd…');
		expect(truncate('😀😀😀😀😀😀', 4)).toBe('😀😀😀…');
	});
});
