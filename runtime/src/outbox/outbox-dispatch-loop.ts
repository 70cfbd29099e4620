import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/** setTimeout and clearTimeout, injected so tests move time themselves. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = Object.freeze({
  setTimeout: (callback: () => void, ms: number) => {
    const handle = setTimeout(callback, ms);
    // A pending retry must not keep a finished process (a CLI, a test run) alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

export interface OutboxDispatchLoopOptions<Item> {
  /** The outbox's due rows, oldest first (claimed by this process where several dispatch). */
  due(at: string, limit: number): Promise<Item[]>;
  /** The earliest time a pending row may be tried, if any. */
  nextAttemptAt(): Promise<string | undefined>;
  /** Sends one row and records the outcome (sent, retry later, failed); throws only when recording fails. */
  attempt(item: Item): Promise<void>;
  /** The rest of a batch not attempted because the loop is stopping (for example to give back claims). */
  leftOver?(items: Item[], at: string): Promise<void>;
  clock: Clock;
  logger: Logger;
  timers?: Timers;
  /** Rows per pass; the next pass follows at once while more are due (default 20). */
  batchSize?: number;
  /** Longest sleep between passes, so rows written by another process are picked up too (default 60 s). */
  idleCheckMs?: number;
  /** The log line when a pass fails (a database error): it is tried again after `idleCheckMs`. */
  failureMessage: string;
}

export interface OutboxDispatchLoop {
  /** Sends what is due now (left over from before a restart too) and keeps going until stopped. */
  start(): void;
  /** New rows are waiting: send them soon, without blocking the caller. */
  wake(): void;
  /** Stops scheduling and waits for a pass in progress (at most `graceMs`, 5 s by default); the rest stays pending. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The loop of a transactional outbox's dispatcher (e-mail, webhooks): one pass at a time, each
 * taking up to `batchSize` due rows and attempting them in order; a full batch is followed at once
 * by the next pass, otherwise the loop sleeps until the earliest retry (at most `idleCheckMs`). A
 * wake during a pass runs another pass right after it. What to send and how to record it is the
 * caller's `attempt`; this owns only the timing, the one-pass-at-a-time rule and the stop.
 *
 * @example
 * const loop = createOutboxDispatchLoop({ due: queue.due, nextAttemptAt: queue.nextAttemptAt, attempt: send, clock, logger, failureMessage: 'Mail dispatch failed' });
 * loop.start();
 * await loop.stop();
 */
export function createOutboxDispatchLoop<Item>(options: OutboxDispatchLoopOptions<Item>): OutboxDispatchLoop {
  const { clock, logger } = options;
  const timers = options.timers ?? systemTimers;
  const batchSize = options.batchSize ?? 20;
  const idleCheckMs = options.idleCheckMs ?? 60_000;
  let started = false;
  let stopped = false;
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      pass();
    }, Math.max(0, ms));
  };

  const runPass = async (): Promise<boolean> => {
    const batch = await options.due(clock.now().toISOString(), batchSize);
    for (const [index, item] of batch.entries()) {
      if (stopped) {
        await options.leftOver?.(batch.slice(index), clock.now().toISOString());
        return false;
      }
      await options.attempt(item);
    }
    return batch.length === batchSize;
  };

  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    const passAndWait = async (): Promise<number> => {
      const full = await runPass();
      if (full || again) return 0;
      const next = await options.nextAttemptAt();
      const wait = next === undefined ? idleCheckMs : Date.parse(next) - clock.now().getTime();
      return Math.min(wait, idleCheckMs);
    };
    running = passAndWait().then(
      (wait) => {
        running = undefined;
        schedule(wait);
      },
      (error: unknown) => {
        running = undefined;
        // After a stop that did not wait for it, the database may be closed: the row stays pending.
        if (stopped) return;
        logger.error(options.failureMessage, { error: error instanceof Error ? error.message : String(error) });
        schedule(idleCheckMs);
      },
    );
  };

  return {
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    wake() {
      if (started) schedule(0);
    },
    async stop(graceMs = 5000) {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      if (running) {
        let grace: unknown;
        await Promise.race([running, new Promise<void>((resolve) => (grace = timers.setTimeout(resolve, graceMs)))]);
        timers.clearTimeout(grace);
      }
    },
  };
}
