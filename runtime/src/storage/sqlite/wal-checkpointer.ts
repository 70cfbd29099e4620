import type Database from 'better-sqlite3';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** Copy the log into the database once it holds this many bytes (SQLite's own default is about 4 MiB). */
  startAtBytes?: number;
  /**
   * Past this size the writer's own connection finishes the copy, on the event loop. Under a
   * steady stream of writes a checkpoint on another connection can never catch up with the last
   * frame, and SQLite only starts the log over once one has; this keeps the log bounded.
   */
  limitBytes?: number;
  /** How often the log's size is looked at, in milliseconds. */
  intervalMs?: number;
  /** The SQLite driver the thread loads (better-sqlite3; tests pass one that fails). */
  driver?: string;
  /** Told when the background thread failed and the connection went back to checkpointing itself. */
  onProblem?: (message: string, fields: Readonly<Record<string, string | number>>) => void;
}

export interface WalCheckpointer {
  /** Runs one background checkpoint now (tests; the timer does this on its own). */
  checkpoint(): Promise<CheckpointResult>;
  /** Stops the timer and the thread; call before the writer's connection closes. */
  close(): Promise<void>;
}

export interface CheckpointResult {
  /** Frames in the log, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

// The thread's whole program. A script rather than a module file, so it runs the same under tsx,
// in the test runner and from the production build, and loads nothing of Careloom's.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

const SQLITE_DEFAULT_PAGES = 1000;

/**
 * Moves SQLite's WAL checkpoints off the event loop. A checkpoint copies the log's pages into the
 * database file and fsyncs both; SQLite runs it inside whichever COMMIT crosses about 4 MiB of log,
 * so one request in a few hundred waited for a flush of megabytes. Here the writer's connection
 * stops checkpointing (`wal_autocheckpoint = 0`) and a worker thread with its own connection runs
 * PASSIVE checkpoints, which never block the writer. The thread starts the first time the log is
 * big enough, so short-lived databases (tests) never start one.
 *
 * If the thread fails, the connection goes back to checkpointing itself, as before.
 *
 * @example
 * const checkpointer = startWalCheckpointer(db, file);
 * await checkpointer.close();
 * db.close();
 */
export function startWalCheckpointer(db: Database.Database, file: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
  const databaseFile = resolve(file);
  const walFile = `${databaseFile}-wal`;
  const startAtBytes = options.startAtBytes ?? 4 * 1024 * 1024;
  const limitBytes = options.limitBytes ?? 64 * 1024 * 1024;
  db.pragma('wal_autocheckpoint = 0');

  let worker: Worker | null = null;
  let failed = false;
  let closed = false;
  let looking = false;
  let pending: { resolve: (result: CheckpointResult) => void; reject: (error: Error) => void } | null = null;
  let running: Promise<CheckpointResult> | null = null;

  const giveUp = (message: string) => {
    if (failed || closed) return;
    failed = true;
    options.onProblem?.('The background WAL checkpoint stopped; the database connection checkpoints itself again.', { reason: message });
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
    pending?.reject(new Error(message));
    pending = null;
    void worker?.terminate();
    worker = null;
  };

  const threadOf = (): Worker => {
    if (worker) return worker;
    const driver = options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3');
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: databaseFile }, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 } });
    started.unref();
    started.on('message', (reply: { ok: true; log: number; checkpointed: number } | { ok: false; message: string }) => {
      const waiting = pending;
      pending = null;
      if (reply.ok) waiting?.resolve({ log: reply.log, checkpointed: reply.checkpointed });
      else waiting?.reject(new Error(reply.message));
    });
    started.on('error', (error) => giveUp(error.message));
    started.on('exit', (code) => {
      if (!closed) giveUp(`the checkpoint thread exited (${code})`);
    });
    worker = started;
    return started;
  };

  const checkpoint = (): Promise<CheckpointResult> => {
    if (running) return running;
    if (failed || closed) return Promise.reject(new Error('The background checkpoint is not running.'));
    running = new Promise<CheckpointResult>((resolveRun, rejectRun) => {
      pending = { resolve: resolveRun, reject: rejectRun };
      threadOf().postMessage('checkpoint');
    }).finally(() => {
      running = null;
    });
    return running;
  };

  const look = async () => {
    if (looking || failed || closed) return;
    looking = true;
    try {
      const size = await stat(walFile).then((info) => info.size, () => 0);
      if (closed || failed || !db.open) return;
      if (size >= limitBytes && !db.inTransaction) {
        // Frames the thread has copied are skipped; this copies the rest and lets the next write
        // start the log over. It blocks this turn, but only once per limitBytes of log.
        db.pragma('wal_checkpoint(PASSIVE)');
      } else if (size >= startAtBytes) {
        await checkpoint().catch((error: Error) => {
          options.onProblem?.('A background WAL checkpoint failed.', { reason: error.message });
        });
      }
    } finally {
      looking = false;
    }
  };

  const timer = setInterval(() => void look(), options.intervalMs ?? 200);
  timer.unref();

  return {
    checkpoint,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      const thread = worker;
      worker = null;
      if (!thread) return;
      // Unreferenced so it never keeps the process alive; while closing, the wait for its exit must.
      thread.ref();
      await new Promise<void>((done) => {
        thread.once('exit', () => done());
        thread.postMessage('close');
      });
    },
  };
}
