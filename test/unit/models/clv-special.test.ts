import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digamma, hyp2f1, hyp2f1Excess, lgamma, logAddExp } from '../../../src/lib/models/clv/special';

const relErr = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('lgamma', () => {
	it('matches exact values', () => {
		expect(lgamma(1)).toBeCloseTo(0, 14);
		expect(lgamma(2)).toBeCloseTo(0, 14);
		expect(relErr(lgamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
		expect(relErr(lgamma(10), Math.log(362880))).toBeLessThan(1e-14);
		// ln Γ(100) and ln Γ(1e-8) from mpmath at 40 digits.
		expect(relErr(lgamma(100), 359.1342053695754)).toBeLessThan(1e-14);
		expect(relErr(lgamma(1e-8), 18.420680738180209)).toBeLessThan(1e-14);
	});

	it('satisfies Γ(x+1) = xΓ(x)', () => {
		fc.assert(
			fc.property(fc.double({ min: 1e-6, max: 1e4, noNaN: true }), (x) => {
				expect(lgamma(x + 1) - lgamma(x) - Math.log(x)).toBeCloseTo(0, 9);
			})
		);
	});

	it('rejects non-positive arguments', () => {
		expect(() => lgamma(0)).toThrow(RangeError);
	});
});

describe('digamma', () => {
	it('matches exact values', () => {
		const eulerGamma = 0.5772156649015329;
		expect(digamma(1)).toBeCloseTo(-eulerGamma, 14);
		expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.LN2, 14);
		expect(relErr(digamma(30), 3.384438132685525)).toBeLessThan(1e-14);
	});

	it('is the derivative of lgamma', () => {
		fc.assert(
			fc.property(fc.double({ min: 0.05, max: 500, noNaN: true }), (x) => {
				const h = 1e-5 * x;
				const numeric = (lgamma(x + h) - lgamma(x - h)) / (2 * h);
				expect(Math.abs(numeric - digamma(x))).toBeLessThan(1e-6 * Math.max(1, Math.abs(digamma(x))));
			})
		);
	});
});

describe('logAddExp', () => {
	it('does not overflow or underflow', () => {
		expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
		expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.LN2, 12);
		expect(logAddExp(-Infinity, 3)).toBe(3);
		expect(logAddExp(3, -Infinity)).toBe(3);
		expect(logAddExp(0, 800)).toBe(800);
	});
});

describe('hyp2f1', () => {
	it('matches closed forms across the whole range z < 1', () => {
		for (const z of [-50, -3, -0.7, -0.2, 0, 0.3, 0.5, 0.51, 0.9, 0.99, 0.999999, 1 - 1e-10]) {
			// 2F1(1, 1; 2; z) = −ln(1−z)/z
			const log = z === 0 ? 1 : -Math.log1p(-z) / z;
			expect(relErr(hyp2f1(1, 1, 2, z), log)).toBeLessThan(1e-12);
			// 2F1(a, b; b; z) = (1−z)^−a
			expect(relErr(hyp2f1(0.7, 2.3, 2.3, z), Math.pow(1 - z, -0.7))).toBeLessThan(1e-12);
		}
		for (const x of [0.1, 0.6, 0.95, 0.9999]) {
			// 2F1(½, ½; 3/2; x²) = arcsin(x)/x
			expect(relErr(hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x)).toBeLessThan(1e-12);
		}
	});

	it('matches mpmath reference values, including c − a − b at or near an integer', () => {
		// [a, b, c, z, mpmath.hyp2f1 at 40 digits]
		const cases: [number, number, number, number, number][] = [
			[0.243, 2.426, 2.219, 0.9, 1.9476311698186019],
			[2.2, 3.4, 1.0, 0.999999, 1.6218164558176496e28],
			[1.5, 0.5, 2.0, 0.97, 2.7774054785388026], // c − a − b = 0
			[1.2, 3.0, 4.2, 0.9999, 31.363779787432375], // c − a − b = 0
			[0.5, 1.5, 1.0, 0.999, 638.00174073446289], // c − a − b = −1
			[1.3, 0.7, 3.0, 0.98, 1.7805768473369353], // c − a − b = 1
			[-3, 2, 1.5, 0.9, -0.045028571428571424], // terminating
			[2.5, 1.5, 1.0, -5, -0.016968370824636605]
		];
		for (const [a, b, c, z, expected] of cases) expect(relErr(hyp2f1(a, b, c, z), expected)).toBeLessThan(1e-12);
	});

	it('agrees with the plain series on both sides of the switch to continuation', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -3, max: 5, noNaN: true }),
				fc.double({ min: -3, max: 5, noNaN: true }),
				fc.double({ min: 0.1, max: 6, noNaN: true }),
				(a, b, c) => {
					const below = hyp2f1(a, b, c, 0.5 - 1e-9);
					const above = hyp2f1(a, b, c, 0.5 + 1e-9);
					expect(Math.abs(above - below)).toBeLessThan(1e-7 * Math.max(1, Math.abs(below)));
				}
			)
		);
	});

	it('approaches Gauss’s value Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) at z → 1 when c > a + b', () => {
		const [a, b, c] = [0.3, 0.8, 2.6];
		const gauss = Math.exp(lgamma(c) + lgamma(c - a - b) - lgamma(c - a) - lgamma(c - b));
		expect(relErr(hyp2f1(a, b, c, 1 - 1e-12), gauss)).toBeLessThan(1e-9);
	});

	it('sums a series whose term ratio falls through 1 towards z (a + b > c + 1), which once gave up as never converging', () => {
		// The ratio (a+n)(b+n)z/((c+n)(n+1)) is 3.4 at n = 1 and passes 1.0000 at the terms' peak. mpmath at 40 digits.
		expect(relErr(hyp2f1(45.58592276666494, 13.485799944177508, 47.37678672293202, 0.48345285304427194), 4872.093240095069)).toBeLessThan(1e-13);
	});

	it('rejects z ≥ 1 and c a non-positive integer', () => {
		expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
		expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
	});
});

describe('hyp2f1Excess', () => {
	it('is (2F1 − 1)/b, with the finite limit Σ (a)ₙ zⁿ/((c)ₙ n) at b = 0', () => {
		for (const z of [0.01, 0.4, 0.8, 0.99999]) {
			expect(relErr(hyp2f1Excess(0.7, 1.9, 2.4, z), (hyp2f1(0.7, 1.9, 2.4, z) - 1) / 1.9)).toBeLessThan(1e-12);
			// With a = c the limit is Σ zⁿ/n = −ln(1−z).
			expect(relErr(hyp2f1Excess(2.4, 0, 2.4, z), -Math.log1p(-z))).toBeLessThan(1e-12);
		}
	});

	it('keeps full precision where 2F1 − 1 would cancel', () => {
		// (2F1(1, b; 2; z) − 1)/b → Σ zⁿ/(n(n+1)) = z/2 + z²/6 + z³/12 + … as b → 0.
		const z = 1e-6;
		const expected = z / 2 + (z * z) / 6 + (z * z * z) / 12;
		expect(relErr(hyp2f1Excess(1, 1e-12, 2, z), expected)).toBeLessThan(1e-9);
	});
});
