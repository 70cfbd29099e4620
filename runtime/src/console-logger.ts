import type { LogFields, Logger } from './logger.js';

/** Something with a `write(text)` method, such as `process.stdout`. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * A logger writing one line per message: `<time> <LEVEL> <message> key=value …`. Info goes to
 * `out`, warnings and errors to `err`. Created once in main.ts. A `stack` field goes through
 * `sinks.stack` first (main.ts maps the compiled server's frames to its sources).
 *
 * @example
 * const logger = createConsoleLogger({ out: process.stdout, err: process.stderr });
 */
export function createConsoleLogger(sinks: { out: TextSink; err: TextSink; now?: () => Date; stack?: (stack: string) => string }): Logger {
  const now = sinks.now ?? (() => new Date());
  const stack = sinks.stack;
  // Many lines share a millisecond under load; formatting the time is the dearest part of a line.
  let lastMs = Number.NaN;
  let lastIso = '';
  const time = () => {
    const at = now();
    const ms = at.getTime();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = at.toISOString();
    }
    return lastIso;
  };
  const line = (level: string, message: string, fields: LogFields | undefined) =>
    `${time()} ${level} ${message}${formatFields(stack && typeof fields?.['stack'] === 'string' ? { ...fields, stack: stack(fields['stack']) } : fields)}\n`;
  return {
    info: (message, fields) => void sinks.out.write(line('INFO ', message, fields)),
    warn: (message, fields) => void sinks.err.write(line('WARN ', message, fields)),
    error: (message, fields) => void sinks.err.write(line('ERROR', message, fields)),
  };
}

// One line per request goes through here, so it builds the text in one pass, without the arrays
// and closures an entries/filter/map chain allocates per line.
function formatFields(fields: LogFields | undefined): string {
  if (!fields) return '';
  let text = '';
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined) continue;
    text += ` ${key}=${typeof value === 'string' && NEEDS_QUOTES.test(value) ? JSON.stringify(value) : String(value)}`;
  }
  return text;
}

const NEEDS_QUOTES = /[\s"=]/;
