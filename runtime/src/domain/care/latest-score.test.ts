import { describe, expect, it } from 'vitest';
import type { InstrumentBlock } from '@careloom/format';
import { higherIsWorse } from './latest-score.js';

const withBands = (bands: Array<{ min: number; max: number; level?: number }>) =>
  ({ scoring: { bands: bands.map((band, index) => ({ id: `b${index}`, label: { en: `Band ${index}` }, ...band })) } }) as unknown as InstrumentBlock;

describe('which way an instrument gets worse', () => {
  it('reads it from the severity levels of the lowest and highest bands', () => {
    expect(higherIsWorse(withBands([{ min: 0, max: 4, level: 0 }, { min: 5, max: 27, level: 4 }]))).toBe(true);
    // A wellbeing scale: low totals are the severe end.
    expect(higherIsWorse(withBands([{ min: 0, max: 12, level: 3 }, { min: 13, max: 25, level: 0 }]))).toBe(false);
  });

  it('does not guess when the bands do not say', () => {
    expect(higherIsWorse(withBands([{ min: 0, max: 10 }, { min: 11, max: 20 }]))).toBeNull();
    expect(higherIsWorse(withBands([{ min: 0, max: 10, level: 1 }, { min: 11, max: 20, level: 1 }]))).toBeNull();
    expect(higherIsWorse(withBands([{ min: 0, max: 10, level: 1 }]))).toBeNull();
  });
});
