import { describe, expect, it } from 'vitest';
import { sharedRefusalCounter, type RefusalLimits, type SharedAttemptCounters } from './refusal-limiter.js';

const LIMITS: RefusalLimits = { maxRefusals: 3, windowMs: 60_000, barMs: 120_000 };

/**
 * How the collaboration refusal count behaves across processes: `open` gives the counters of two
 * processes on one database (run on SQLite and on PostgreSQL).
 */
export function runSharedRefusalCounterCases(name: string, open: () => Promise<{ one: SharedAttemptCounters; two: SharedAttemptCounters }>): void {
  describe(`collaboration refusals counted in the database: ${name}`, () => {
    it('bars a person on every process once the refusals on all of them reach the limit, for the bar time from then', async () => {
      const { one, two } = await open();
      let now = Date.parse('2026-03-02T08:00:00Z');
      const clock = () => now;
      const a = sharedRefusalCounter(one, LIMITS, clock);
      const b = sharedRefusalCounter(two, LIMITS, clock);
      expect(await a.record('person-1')).toBe(false);
      expect(await b.record('person-1')).toBe(false);
      expect(await a.barredFor('person-1')).toBe(0);
      expect(await b.barredFor('person-1')).toBe(0);
      // The third refusal, on the other process, bars the person everywhere.
      expect(await b.record('person-1')).toBe(true);
      expect(await a.barredFor('person-1')).toBe(120_000);
      expect(await b.barredFor('person-1')).toBe(120_000);
      expect(await a.barredFor('person-2')).toBe(0);
      now += 119_000;
      expect(await a.barredFor('person-1')).toBe(1_000);
      now += 1_000;
      expect(await a.barredFor('person-1')).toBe(0);
      expect(await b.barredFor('person-1')).toBe(0);
      // Fresh windows after the bar: it takes the full count again.
      expect(await a.record('person-1')).toBe(false);
    });

    it('forgets refusals older than the window', async () => {
      const { one, two } = await open();
      let now = Date.parse('2026-03-02T08:00:00Z');
      const a = sharedRefusalCounter(one, LIMITS, () => now);
      const b = sharedRefusalCounter(two, LIMITS, () => now);
      await a.record('person-3');
      await b.record('person-3');
      now += 60_000;
      expect(await a.record('person-3')).toBe(false);
      expect(await b.barredFor('person-3')).toBe(0);
    });
  });
}
