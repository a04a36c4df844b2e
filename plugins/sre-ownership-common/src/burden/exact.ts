/**
 * Exact comparisons of measured figures with configured limits. Figures are
 * ratios of integers (milliseconds, minutes, page counts) and limits are
 * decimals from app-config; both are turned into fractions of big integers,
 * so "1,080 hours and 1 ms" is above "1,080 hours" and 0.5 is exactly 1/2,
 * with no floating-point tolerance anywhere.
 */

/** A non-negative fraction `numerator / denominator` of big integers. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * The exact fraction of a finite, non-negative decimal number as written in
 * its shortest form (`0.1` is 1/10, not the binary double nearest to it).
 *
 * @throws RangeError for negative, infinite or NaN values.
 */
export function fractionOf(value: number): Fraction {
  const match = DECIMAL.exec(String(value));
  if (!match || !Number.isFinite(value)) {
    throw new RangeError(
      `Expected a finite number of at least 0, got ${value}`,
    );
  }
  const [, whole, decimals = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - decimals.length;
  const digits = BigInt(whole + decimals);
  return exponent >= 0
    ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}

/** The product of fractions. */
export function times(...factors: Fraction[]): Fraction {
  return factors.reduce(
    (product, factor) => ({
      numerator: product.numerator * factor.numerator,
      denominator: product.denominator * factor.denominator,
    }),
    { numerator: 1n, denominator: 1n },
  );
}

/** `numerator / denominator` of two measured numbers, exactly. */
export function ratio(numerator: number, denominator: number): Fraction {
  const top = fractionOf(numerator);
  const bottom = fractionOf(denominator);
  return {
    numerator: top.numerator * bottom.denominator,
    denominator: top.denominator * bottom.numerator,
  };
}

/** Whether `a > b`; a fraction with a zero denominator is never above. */
export function isGreater(a: Fraction, b: Fraction): boolean {
  if (a.denominator === 0n || b.denominator === 0n) return false;
  return a.numerator * b.denominator > b.numerator * a.denominator;
}

/** The smallest integer at least `value` (value non-negative). */
export function ceiling(value: Fraction): number {
  const { numerator, denominator } = value;
  return Number((numerator + denominator - 1n) / denominator);
}
