import { describe, expect, it } from 'vitest';
import { createTestClock } from '../clock.js';
import { createFakeTimers } from '../testing/fake-timers.js';
import { createRecordingLogger } from '../testing/recording-logger.js';
import { createOutboxDispatchLoop } from './outbox-dispatch-loop.js';

/** An outbox of numbered rows, each due at a time; `attempt` removes a row (sent). */
function outbox(clock: ReturnType<typeof createTestClock>) {
  const rows = new Map<number, number>();
  const attempted: number[] = [];
  const passes: string[] = [];
  return {
    rows,
    attempted,
    passes,
    add(id: number, inMs = 0) {
      rows.set(id, clock.now().getTime() + inMs);
    },
    due: async (at: string, limit: number) => {
      passes.push(at);
      return [...rows.entries()].filter(([, when]) => when <= Date.parse(at)).map(([id]) => id).sort((a, b) => a - b).slice(0, limit);
    },
    nextAttemptAt: async () => (rows.size === 0 ? undefined : new Date(Math.min(...rows.values())).toISOString()),
  };
}

describe('the outbox dispatch loop', () => {
  it('takes batches until nothing is due, sleeps until the next row is due (at most the idle check), and passes once at a time', async () => {
    const clock = createTestClock();
    const timers = createFakeTimers(clock);
    const box = outbox(clock);
    for (let id = 1; id <= 5; id++) box.add(id);
    box.add(6, 30_000);
    const loop = createOutboxDispatchLoop<number>({
      due: box.due,
      nextAttemptAt: box.nextAttemptAt,
      attempt: async (id) => {
        box.attempted.push(id);
        box.rows.delete(id);
      },
      clock,
      logger: createRecordingLogger(),
      timers,
      batchSize: 2,
      idleCheckMs: 60_000,
      failureMessage: 'failed',
    });
    loop.start();
    loop.start();
    await timers.settle();
    // Batches of 2, 2, 1: the third is not full, so the loop sleeps until row 6 is due.
    expect(box.attempted).toEqual([1, 2, 3, 4, 5]);
    expect(box.passes).toHaveLength(3);
    await timers.advance(29_999);
    expect(box.attempted).toHaveLength(5);
    await timers.advance(1);
    expect(box.attempted).toEqual([1, 2, 3, 4, 5, 6]);
    // Nothing pending: the next look comes after the idle check, or at once when woken.
    const before = box.passes.length;
    await timers.advance(59_999);
    expect(box.passes).toHaveLength(before);
    box.add(7);
    loop.wake();
    await timers.settle();
    expect(box.attempted.at(-1)).toBe(7);
    await loop.stop();
    expect(timers.pending()).toBe(0);
  });

  it('runs another pass when woken during one, and never two at once', async () => {
    const clock = createTestClock();
    const timers = createFakeTimers(clock);
    const box = outbox(clock);
    box.add(1);
    let inFlight = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const loop = createOutboxDispatchLoop<number>({
      due: box.due,
      nextAttemptAt: box.nextAttemptAt,
      attempt: async (id) => {
        inFlight++;
        most = Math.max(most, inFlight);
        if (id === 1) await new Promise<void>((resolve) => (release = resolve));
        box.rows.delete(id);
        box.attempted.push(id);
        inFlight--;
      },
      clock,
      logger: createRecordingLogger(),
      timers,
      failureMessage: 'failed',
    });
    loop.start();
    await timers.settle();
    box.add(2);
    loop.wake();
    loop.wake();
    await timers.settle();
    expect(box.attempted).toEqual([]);
    release();
    await timers.settle();
    expect(box.attempted).toEqual([1, 2]);
    expect(most).toBe(1);
    await loop.stop();
  });

  it('hands back the rest of a batch when stopped mid-pass, waits for the row in progress, and logs a failing pass and tries again later', async () => {
    const clock = createTestClock();
    const timers = createFakeTimers(clock);
    const box = outbox(clock);
    for (let id = 1; id <= 4; id++) box.add(id);
    const handedBack: number[][] = [];
    let release: () => void = () => undefined;
    const logger = createRecordingLogger();
    const loop = createOutboxDispatchLoop<number>({
      due: box.due,
      nextAttemptAt: box.nextAttemptAt,
      attempt: async (id) => {
        if (id === 2) await new Promise<void>((resolve) => (release = resolve));
        box.attempted.push(id);
      },
      leftOver: async (rest) => void handedBack.push(rest),
      clock,
      logger,
      timers,
      failureMessage: 'Outbox dispatch failed',
    });
    loop.start();
    await timers.settle();
    const stopping = loop.stop(5_000);
    release();
    await stopping;
    expect(box.attempted).toEqual([1, 2]);
    expect(handedBack).toEqual([[3, 4]]);

    let failures = 0;
    const failing = createOutboxDispatchLoop<number>({
      due: async () => {
        failures++;
        throw new Error('database is locked');
      },
      nextAttemptAt: box.nextAttemptAt,
      attempt: async () => undefined,
      clock,
      logger,
      timers,
      idleCheckMs: 10_000,
      failureMessage: 'Outbox dispatch failed',
    });
    failing.start();
    await timers.settle();
    expect(logger.records).toEqual([{ level: 'error', message: 'Outbox dispatch failed', fields: { error: 'database is locked' } }]);
    await timers.advance(10_000);
    expect(failures).toBe(2);
    await failing.stop();
    await timers.advance(60_000);
    expect(failures).toBe(2);
  });
});
