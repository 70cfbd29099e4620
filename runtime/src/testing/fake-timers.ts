import type { TestClock } from '../clock.js';
import type { Timers } from '../outbox/outbox-dispatch-loop.js';

/**
 * Timers that fire on a test clock: `advance` moves the clock and runs every timer that came due,
 * in order, letting promises settle after each (so a timer set by a callback runs too if due).
 *
 * @example
 * const timers = createFakeTimers(clock);
 * timers.setTimeout(() => sent.push(1), 60_000);
 * await timers.advance(60_000); // sent = [1]
 */
export function createFakeTimers(clock: TestClock): Timers & { advance(ms: number): Promise<void>; settle(): Promise<void>; pending(): number } {
  let next = 1;
  const waiting = new Map<number, { at: number; callback: () => void }>();
  const settle = async () => {
    // Enough turns for a chain of awaits (a delivery over a fake sender, then the next schedule).
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  const runDue = async () => {
    for (;;) {
      const now = clock.now().getTime();
      const due = [...waiting.entries()].filter(([, timer]) => timer.at <= now).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) return;
      waiting.delete(due[0]);
      due[1].callback();
      await settle();
    }
  };
  return {
    setTimeout(callback, ms) {
      const handle = next++;
      waiting.set(handle, { at: clock.now().getTime() + ms, callback });
      return handle;
    },
    clearTimeout(handle) {
      waiting.delete(handle as number);
    },
    async advance(ms) {
      clock.advance(ms);
      await runDue();
    },
    async settle() {
      await settle();
      await runDue();
    },
    pending: () => waiting.size,
  };
}
