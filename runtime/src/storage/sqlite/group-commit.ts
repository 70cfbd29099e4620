import type Database from 'better-sqlite3';

export interface GroupCommitOptions {
  /** Most writes in one transaction, so one commit never holds the event loop for long. */
  maxBatch?: number;
  /** When the queued writes run; by default after the I/O callbacks of this event-loop turn. */
  schedule?: (flush: () => void) => void;
}

const DEFAULT_MAX_BATCH = 64;

/**
 * Group commit. With synchronous=FULL every COMMIT waits for the disk, and better-sqlite3 waits on
 * the event loop, so under load the fsync rather than the SQL is what a write costs. Writes asked
 * for in the same event-loop turn therefore share one transaction: each runs in its own savepoint
 * (a write that throws is undone alone and rejects alone), and every promise settles only after
 * the shared COMMIT returned, so a resolved write is as durable as one committed by itself. If the
 * COMMIT itself fails, every write of the batch rejects.
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

  const queue: Array<{ input: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];
  const flush = () => {
    const batch = queue.splice(0, maxBatch);
    if (queue.length > 0) schedule(flush);
    let outcomes: Outcome[];
    try {
      outcomes = all(batch.map((entry) => entry.input));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, position) => {
      const outcome = outcomes[position]!;
      if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (queue.length === 1) schedule(flush);
    });
}
