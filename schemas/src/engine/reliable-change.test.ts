import { describe, expect, it } from 'vitest';
import type { ReliableChange } from '../generated/format.js';
import { reliableChange, reliableChangeThreshold } from './reliable-change.js';

// The PHQ-9 example's values: alpha 0.87, SD 3.52. By hand: SEdiff = 3.52 × 1.414214 × √0.13
// = 3.52 × 1.414214 × 0.360555 = 1.794855; 1.96 × SEdiff = 3.517916.
const phq9: ReliableChange = { reliability: { kind: 'cronbachAlpha', value: 0.87 }, normSd: 3.52, direction: 'lowerIsBetter', source: 'Kocalevent et al. 2013' };

describe('reliableChange (Jacobson & Truax 1991)', () => {
  it('computes SEdiff and the RCI by hand for PHQ-9', () => {
    const result = reliableChange(phq9, 15, 9);
    expect(result.change).toBe(-6);
    expect(result.seDiff).toBeCloseTo(1.794855, 5);
    expect(result.rci).toBeCloseTo(-3.342889, 5);
    expect(result.classification).toBe('improved');
    expect(reliableChangeThreshold(phq9)).toBeCloseTo(3.517916, 5);
  });

  it('reads direction: a higher PHQ-9 is a deterioration, a higher score on a well-being scale an improvement', () => {
    expect(reliableChange(phq9, 5, 10)).toMatchObject({ change: 5, classification: 'deteriorated' });
    expect(reliableChange(phq9, 5, 10).rci).toBeCloseTo(2.785741, 5);
    expect(reliableChange({ ...phq9, direction: 'higherIsBetter' }, 5, 10).classification).toBe('improved');
    expect(reliableChange({ ...phq9, direction: 'higherIsBetter' }, 10, 5).classification).toBe('deteriorated');
  });

  it('calls a change within 1.96 SEdiff unchanged, at the edge too', () => {
    expect(reliableChange(phq9, 10, 12)).toMatchObject({ classification: 'unchanged' });
    expect(reliableChange(phq9, 10, 12).rci).toBeCloseTo(1.114296, 5);
    // 3 points: RCI 1.6714 — not reliable; 4 points: 2.2286 — reliable.
    expect(reliableChange(phq9, 10, 7).classification).toBe('unchanged');
    expect(reliableChange(phq9, 10, 6).classification).toBe('improved');
    expect(reliableChange(phq9, 10, 10)).toMatchObject({ change: 0, rci: 0, classification: 'unchanged' });
  });

  it('uses test–retest reliability the same way (GAD-7 with r = 0.83, SD 3.41: SEdiff 1.988355)', () => {
    const gad7: ReliableChange = { reliability: { kind: 'testRetest', value: 0.83 }, normSd: 3.41, direction: 'lowerIsBetter', source: 'test' };
    expect(reliableChange(gad7, 12, 8).seDiff).toBeCloseTo(1.988355, 5);
    expect(reliableChange(gad7, 12, 8).classification).toBe('improved');
    expect(reliableChange(gad7, 12, 9).classification).toBe('unchanged');
  });
});
