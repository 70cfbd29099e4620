/**
 * Rounds a score to `decimals` decimals, halves away from zero (2.5 → 3, −2.5 → −3, 1.005 → 1.01 at 2).
 *
 * Works on the decimal form of the number, not its binary one, so values such as 1.005 (stored as
 * 1.00499…) round the way a scoring manual computed by hand does. Arithmetic noise below 12
 * significant digits (0.1 + 0.2) is dropped first for the same reason.
 *
 * @example
 * roundScore(19.125, 0); // 19
 * roundScore(-2.5, 0); // -3
 * roundScore(1.666666, 2); // 1.67
 */
export function roundScore(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new Error(`Cannot round ${value}.`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new Error(`Cannot round to ${decimals} decimals.`);
  const magnitude = Math.abs(Number(value.toPrecision(12)));
  const rounded = shift(Math.round(shift(magnitude, decimals)), -decimals);
  // −0.4 rounds to 0, not −0.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Multiplies by 10^places through the decimal exponent, exactly for any decimal the number prints as. */
function shift(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
