import { describe, expect, it } from 'vitest';
import { roundScore } from './round-score.js';

describe('roundScore', () => {
  it.each([
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [3.5, 0, 4],
    [0.5, 0, 1],
    [19.125, 0, 19],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1.666666, 2, 1.67],
    [0.1 + 0.2, 1, 0.3],
    [12.345, 2, 12.35],
    [-12.345, 2, -12.35],
    [-0.4, 0, 0],
    [7, 3, 7],
    [1e21, 0, 1e21],
  ])('%d to %d decimals → %d', (value, decimals, expected) => {
    expect(roundScore(value, decimals)).toBe(expected);
  });

  it('never gives negative zero', () => {
    expect(Object.is(roundScore(-0.4, 0), 0)).toBe(true);
    expect(Object.is(roundScore(-0, 2), 0)).toBe(true);
  });

  it('rejects non-finite values and bad decimals', () => {
    expect(() => roundScore(Number.NaN, 0)).toThrow();
    expect(() => roundScore(Infinity, 0)).toThrow();
    expect(() => roundScore(1, -1)).toThrow();
    expect(() => roundScore(1, 1.5)).toThrow();
  });
});
