import type { TextSink } from './console-logger.js';

/**
 * Collects what is written in one event-loop turn and hands it to `target` as one write at the end
 * of the turn. Node writes to a pipe or a file synchronously, so a log line per request was a
 * system call per request; under load that cost more than the request's own work. Whatever is
 * still buffered when the process exits normally is written then; a kill -9 may lose the lines of
 * its last turn (the audit trail is in the database, not in this log).
 *
 * @example
 * const logger = createConsoleLogger({ out: createBufferedSink(process.stdout), err: process.stderr });
 */
export function createBufferedSink(target: TextSink, schedule: (flush: () => void) => void = (flush) => setImmediate(flush)): TextSink & { flush(): void } {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    target.write(text);
  };
  process.once('exit', flush);
  return {
    write(text: string) {
      if (pending.length === 0) schedule(flush);
      pending.push(text);
      return true;
    },
    flush,
  };
}
