import type Database from 'better-sqlite3';
import type { WalSync } from './wal-sync.js';

export interface GroupCommitOptions {
  /** Most writes in one transaction, so one commit never holds the event loop for long. */
  maxBatch?: number;
  /** When the queued writes run; by default after the I/O callbacks of this event-loop turn. */
  schedule?: (flush: () => void) => void;
  /**
   * Makes a batch durable off the event loop: the batch commits with `synchronous = NORMAL` (no
   * fsync inside COMMIT) and its writes settle once `wal.sync()` has flushed the log (wal-sync.ts).
   * Without it the batch commits with the connection's own setting (FULL), fsync included.
   */
  wal?: Pick<WalSync, 'sync'>;
  /**
   * With `wal`: how long a batch may wait for the writers the previous flush just answered, so that
   * they share the next flush instead of starting one of their own (PostgreSQL's `commit_delay`).
   * Default 3 ms; 0 turns it off.
   */
  gatherMs?: number;
  /**
   * The smallest batch after which the next one waits (PostgreSQL's `commit_siblings`): a few
   * writers at a time are served at once, since waiting for them would cost more than their flushes.
   */
  gatherAfter?: number;
  /** Timers for the gathering wait (tests replace them). */
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const DEFAULT_MAX_BATCH = 64;
const DEFAULT_GATHER_MS = 3;
const DEFAULT_GATHER_AFTER = 3;

/**
 * Group commit. With synchronous=FULL every COMMIT waits for the disk, and better-sqlite3 waits on
 * the event loop, so under load the fsync rather than the SQL is what a write costs. Writes asked
 * for in the same event-loop turn therefore share one transaction: each runs in its own savepoint
 * (a write that throws is undone alone and rejects alone), and every promise settles only after
 * the shared COMMIT returned, so a resolved write is as durable as one committed by itself. If the
 * COMMIT itself fails, every write of the batch rejects.
 *
 * With `wal` the fsync leaves the event loop too: while one batch's log flush runs on the thread
 * pool, the event loop serves other requests, and the writes that arrive meanwhile commit as the
 * next batch once the flush has returned. Rows are visible to other requests before the flush
 * returns, but nobody is told they are stored until it has; a write that depends on them (an alert
 * acknowledged) commits later in the same log, so its own flush covers them. If the flush fails,
 * every write waiting for it rejects (see wal-sync.ts for why later ones fail too).
 *
 * @example
 * const record = groupCommit(db, (input: Input) => { insert.run(input); audit.run(input); return input.id; });
 * const id = await record(input); // committed
 */
export function groupCommit<I, O>(db: Database.Database, write: (input: I) => O, options: GroupCommitOptions = {}): (input: I) => Promise<O> {
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  const schedule = options.schedule ?? ((flush: () => void) => setImmediate(flush));
  // Called inside the batch's transaction, better-sqlite3 makes this a savepoint.
  const one = db.transaction(write);
  type Outcome = { ok: true; value: O } | { ok: false; error: unknown };
  const all = db.transaction((inputs: readonly I[]): Outcome[] =>
    inputs.map((input) => {
      try {
        return { ok: true, value: one(input) };
      } catch (error) {
        // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the writes
        // before this one are gone too, so the batch must fail as a whole.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );

  const wal = options.wal;
  // Put back afterwards: the connection's other writers keep their own fsync inside COMMIT.
  const ownLevel = wal ? Number(db.pragma('synchronous', { simple: true })) : 0;
  const commit = (inputs: readonly I[]): Outcome[] => {
    if (!wal) return all(inputs);
    // The setting is read by COMMIT (1 = NORMAL: the WAL is written but not fsynced). `exec`, not
    // `pragma()`: a PRAGMA takes effect when compiled, so it cannot be prepared once, and pragma()
    // also builds a statement object to read the rows a setting does not return.
    db.exec('PRAGMA synchronous = 1');
    try {
      return all(inputs);
    } finally {
      db.exec(`PRAGMA synchronous = ${ownLevel}`);
    }
  };

  const queue: Array<{ input: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];
  let scheduled = false;
  // Gathering (with `wal`): the writers of the batch just acknowledged usually write again at once
  // (a patient's next answer, a busy client's next request). Without waiting for them, the writers
  // split into two groups that take turns, each paying for its own flush; the disk's flushes per
  // second, not the writers, then decide the batch size. So after a flush, while fewer writes are
  // queued than the last batch held plus those that queued during its flush, the next commit waits
  // up to `gatherMs` for them.
  const gatherMs = wal ? (options.gatherMs ?? DEFAULT_GATHER_MS) : 0;
  const gatherAfter = Math.max(2, options.gatherAfter ?? DEFAULT_GATHER_AFTER);
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as NodeJS.Timeout));
  let gatherFor = 0;
  let gathering: unknown;
  const stopGathering = () => {
    if (gathering === undefined) return;
    clearTimer(gathering);
    gathering = undefined;
  };
  // With `wal`: a batch committed and waiting for its log flush. Writes that arrive meanwhile could
  // not be acknowledged before the next flush anyway, so they wait in the queue and commit together
  // when it returns: fewer, larger commits write fewer pages and cost less CPU per write.
  let flushing = false;
  const request = () => {
    if (scheduled || flushing || queue.length === 0) return;
    if (gatherFor > queue.length) {
      gathering ??= setTimer(() => {
        gathering = undefined;
        gatherFor = 0;
        request();
      }, gatherMs);
      return;
    }
    stopGathering();
    scheduled = true;
    schedule(flush);
  };
  const flush = () => {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = commit(batch.map((entry) => entry.input));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      request();
      return;
    }
    const settle = () =>
      batch.forEach((entry, position) => {
        const outcome = outcomes[position]!;
        if (outcome.ok) entry.resolve(outcome.value);
        else entry.reject(outcome.error);
      });
    if (!wal) {
      settle();
      request();
      return;
    }
    flushing = true;
    wal.sync().then(settle, (error: unknown) => {
      for (const entry of batch) entry.reject(error);
    }).finally(() => {
      flushing = false;
      // Everyone known to be writing: those just answered, who usually write again at once, and
      // those who queued during the flush. Waiting only for as many as were answered let the queued
      // ones commit with the first few to come back, and the rest formed a group of their own.
      gatherFor = gatherMs > 0 && batch.length >= gatherAfter ? Math.min(maxBatch, batch.length + queue.length) : 0;
      request();
    });
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      request();
    });
}
