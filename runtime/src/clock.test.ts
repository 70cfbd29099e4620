import { describe, expect, it } from 'vitest';
import { createTestClock, systemClock } from './clock.js';
import { createSequentialIds, uuidGenerator } from './ids.js';

describe('clocks', () => {
  it('the test clock stands still until moved', () => {
    const clock = createTestClock('2026-03-01T12:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-03-01T12:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T12:01:30.000Z');
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('hands out copies, so callers cannot move it by mutating a Date', () => {
    const clock = createTestClock('2026-03-01T12:00:00Z');
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it('the system clock follows real time', () => {
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('refuses an invalid start time', () => {
    expect(() => createTestClock('yesterday')).toThrow(/Not a valid time/);
  });
});

describe('id generators', () => {
  it('makes unique time-ordered UUIDs (version 7)', () => {
    const ids = new Set(Array.from({ length: 100 }, () => uuidGenerator.newId()));
    expect(ids.size).toBe(100);
    expect([...ids][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes predictable ids for tests', () => {
    const ids = createSequentialIds('audit');
    expect([ids.newId(), ids.newId()]).toEqual(['audit-1', 'audit-2']);
  });
});
