/**
 * Structured log fields. Never put request or response bodies, answers, passwords, tokens or
 * cookies here: log ids (request id, object ids) and counts instead.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Where the server writes operational messages. Passed in as a dependency; no global logger. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = Object.freeze({ info() {}, warn() {}, error() {} });
