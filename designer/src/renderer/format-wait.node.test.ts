import { describe, expect, it } from 'vitest';
import { formatWait } from './format-wait.js';

describe('formatWait', () => {
  it('says a short wait in seconds and a long one in whole minutes, with each language\'s plural', () => {
    expect(formatWait(1, 'en')).toBe('in 1 second');
    expect(formatWait(30, 'en')).toBe('in 30 seconds');
    expect(formatWait(61, 'sv')).toBe('om 61 sekunder');
    expect(formatWait(90, 'sv')).toBe('om 2 minuter');
    expect(formatWait(900, 'nb')).toBe('om 15 minutter');
    expect(formatWait(60 * 1.5 + 1, 'nb')).toBe('om 2 minutter');
  });
});
