import { close, fdatasync, open } from 'node:fs';

/**
 * Makes what was written to a SQLite write-ahead log durable without holding the event loop.
 *
 * With `synchronous = FULL` SQLite fsyncs the WAL inside COMMIT, and better-sqlite3 runs COMMIT on
 * the event loop, so every HTTP request waits while the disk flushes. A commit made with
 * `synchronous = NORMAL` writes the same WAL frames but leaves out that fsync; calling `sync()`
 * afterwards and waiting for it gives the guarantee FULL gives (the frames are on disk before
 * anyone is told the write happened), with the fsync on libuv's thread pool instead.
 *
 * Why one fdatasync of the file is enough: the WAL is written in order and SQLite's recovery stops
 * at the first frame whose checksum chain breaks, so after a crash the log holds a prefix of the
 * commits. Once an fdatasync that began after a commit returned, that commit and every one before
 * it are in the prefix.
 *
 * Coalescing: at most one fdatasync runs at a time. A caller that arrives while one runs waits for
 * the next, because the running one may have started before the caller's frames were written; all
 * callers that arrive meanwhile share that next one. So under load one fsync covers many commits.
 *
 * A failed fdatasync leaves the file's state unknown (Linux may drop the dirty pages and report
 * success next time), so after one failure every later `sync()` fails too: the process must not
 * acknowledge writes again until it has been restarted and SQLite has recovered the log.
 *
 * @example
 * const wal = createWalSync(`${file}-wal`);
 * commitWithSynchronousNormal();
 * await wal.sync(); // now as durable as a FULL commit
 */
export interface WalSync {
  /** Resolves once every WAL frame written before the call is on disk. */
  sync(): Promise<void>;
  /** Lets go of the log file once the flushes asked for have finished (after the last write). */
  close(): Promise<void>;
}

export interface WalSyncOptions {
  /** Flushes the file's data to disk (fdatasync through the thread pool by default). */
  flush?: (file: string) => Promise<void>;
}

/**
 * fdatasync through the thread pool on a descriptor kept open: SQLite keeps the log file (same
 * inode) for as long as the writer's connection is open, truncating or rewriting it in place.
 * Opening it per flush cost two more trips through the thread pool for every batch.
 */
function fileFlusher(): { flush: (file: string) => Promise<void>; close: () => void } {
  let descriptor: number | null = null;
  const opened = (file: string) =>
    new Promise<number | null>((resolve, reject) => {
      if (descriptor !== null) return resolve(descriptor);
      open(file, 'r', (error, fd) => {
        // No log yet: nothing was written through WAL, so there is nothing to flush. (SQLite also
        // deletes it when the last connection closes, after checkpointing and syncing it.)
        if (error) return (error as NodeJS.ErrnoException).code === 'ENOENT' ? resolve(null) : reject(error);
        descriptor = fd;
        resolve(fd);
      });
    });
  return {
    flush: async (file) => {
      const fd = await opened(file);
      if (fd === null) return;
      await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
    },
    close: () => {
      if (descriptor !== null) close(descriptor, () => undefined);
      descriptor = null;
    },
  };
}

export function createWalSync(walFile: string, options: WalSyncOptions = {}): WalSync {
  const own = options.flush ? null : fileFlusher();
  const flush = options.flush ?? own!.flush;
  let running: Promise<void> | null = null;
  let next: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | null = null;
  let failure: { error: unknown } | null = null;

  const start = (): Promise<void> => {
    const run = flush(walFile).then(
      () => undefined,
      (error: unknown) => {
        failure ??= { error };
        throw error;
      },
    );
    running = run;
    const settle = () => {
      running = null;
      const waiting = next;
      next = null;
      if (!waiting) return;
      if (failure) waiting.reject(failure.error);
      else start().then(waiting.resolve, waiting.reject);
    };
    run.then(settle, settle);
    return run;
  };

  return {
    sync() {
      if (failure) return Promise.reject(failure.error);
      if (!running) return start();
      if (!next) {
        let resolve!: () => void;
        let reject!: (error: unknown) => void;
        const promise = new Promise<void>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        next = { promise, resolve, reject };
      }
      return next.promise;
    },
    async close() {
      // Closing the descriptor under a running fdatasync could flush a file opened since in its place.
      while (running || next) await (next?.promise ?? running)?.catch(() => undefined);
      own?.close();
    },
  };
}
