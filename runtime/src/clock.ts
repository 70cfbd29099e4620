/** The source of "now". Injected everywhere time matters, so tests control it. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/** A clock for tests: stands still until told to move. */
export interface TestClock extends Clock {
  /** Moves the clock forward (or back, with a negative value) by `milliseconds`. */
  advance(milliseconds: number): void;
  /** Sets the clock to `time`. */
  set(time: Date | string): void;
}

/**
 * Creates a clock that returns `start` until moved.
 *
 * @example
 * const clock = createTestClock('2026-01-01T09:00:00Z');
 * clock.advance(60_000);
 * clock.now().toISOString(); // '2026-01-01T09:01:00.000Z'
 */
export function createTestClock(start: Date | string = '2026-01-01T00:00:00.000Z'): TestClock {
  let current = toTime(start);
  return {
    now: () => new Date(current),
    advance(milliseconds) {
      current += milliseconds;
    },
    set(time) {
      current = toTime(time);
    },
  };
}

function toTime(time: Date | string): number {
  const value = new Date(time).getTime();
  if (Number.isNaN(value)) throw new Error(`Not a valid time: ${String(time)}`);
  return value;
}
