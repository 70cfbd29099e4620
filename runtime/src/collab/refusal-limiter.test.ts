import { describe, expect, it } from 'vitest';
import { RefusalLimiter } from './refusal-limiter.js';

describe('RefusalLimiter', () => {
  const limits = { maxRefusals: 3, windowMs: 1000, barMs: 5000 };

  it('bars a person at the limit within the window, until barMs after the last refusal', () => {
    let now = 0;
    const limiter = new RefusalLimiter(limits, () => now);
    expect(limiter.record('p')).toBe(false);
    now = 100;
    expect(limiter.record('p')).toBe(false);
    expect(limiter.barredFor('p')).toBe(0);
    now = 200;
    expect(limiter.record('p')).toBe(true);
    expect(limiter.barredFor('p')).toBe(5000);
    expect(limiter.barredFor('someone else')).toBe(0);
    now = 5199;
    expect(limiter.barredFor('p')).toBe(1);
    now = 5200;
    expect(limiter.barredFor('p')).toBe(0);
  });

  it('does not count refusals spread wider than the window', () => {
    let now = 0;
    const limiter = new RefusalLimiter(limits, () => now);
    for (let i = 0; i < 10; i++) {
      now = i * 600;
      expect(limiter.record('p')).toBe(false);
      expect(limiter.barredFor('p')).toBe(0);
    }
  });

  it('forgets people whose refusals are long past, so the map stays small', () => {
    let now = 0;
    const limiter = new RefusalLimiter(limits, () => now);
    for (let i = 0; i < 1500; i++) limiter.record(`p${i}`);
    expect(limiter.size).toBe(1500);
    now = 10_000;
    limiter.record('late');
    expect(limiter.barredFor('p1')).toBe(0);
    expect(limiter.size).toBe(1);
  });
});
