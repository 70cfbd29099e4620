import type { LogFields, Logger } from '../logger.js';

export interface LogRecord {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: LogFields;
}

/** A logger that keeps every record, for tests that assert what was (and was not) logged. */
export function createRecordingLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const record = (level: LogRecord['level']) => (message: string, fields: LogFields = {}) => void records.push({ level, message, fields });
  return { records, info: record('info'), warn: record('warn'), error: record('error') };
}
