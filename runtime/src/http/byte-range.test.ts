import { describe, expect, it } from 'vitest';
import { parseRange } from './byte-range.js';

describe('parseRange', () => {
  it('reads a first-last range, an open range and a suffix, and clamps the end to the body', () => {
    expect(parseRange('bytes=0-1023', 5000)).toEqual({ start: 0, end: 1023 });
    expect(parseRange('bytes=4000-', 5000)).toEqual({ start: 4000, end: 4999 });
    expect(parseRange('bytes=-500', 5000)).toEqual({ start: 4500, end: 4999 });
    expect(parseRange('bytes=-9000', 5000)).toEqual({ start: 0, end: 4999 });
    expect(parseRange('bytes=100-99999999', 5000)).toEqual({ start: 100, end: 4999 });
    expect(parseRange(' Bytes = 1 - 2 ', 5000)).toEqual({ start: 1, end: 2 });
  });

  it('answers unsatisfiable for a start past the end and an empty suffix', () => {
    expect(parseRange('bytes=5000-', 5000)).toBe('unsatisfiable');
    expect(parseRange('bytes=9999-10000', 5000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 5000)).toBe('unsatisfiable');
  });

  it('ignores what it does not serve: no header, other units, several ranges, nonsense and numbers past 2^53', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=0-1,5-6', 'bytes=abc', 'bytes=-', 'bytes=5-1', `bytes=${'9'.repeat(30)}-`]) expect(parseRange(header, 5000)).toBe('ignore');
  });
});
