import { describe, expect, it } from 'vitest';
import { createConsoleLogger } from './console-logger.js';

describe('createConsoleLogger', () => {
  it('writes one line per message, info to out and problems to err, quoting values with spaces', () => {
    const out: string[] = [];
    const err: string[] = [];
    const logger = createConsoleLogger({ out: { write: (text) => out.push(text) }, err: { write: (text) => err.push(text) }, now: () => new Date('2026-01-01T00:00:00Z') });
    logger.info('Careloom is running at http://127.0.0.1:3000', { database: './data/x.sqlite', examples: 3, skipped: undefined });
    logger.warn('Example is invalid', { first: '/title is missing' });
    logger.error('boom');
    expect(out).toEqual(['2026-01-01T00:00:00.000Z INFO  Careloom is running at http://127.0.0.1:3000 database=./data/x.sqlite examples=3\n']);
    expect(err).toEqual(['2026-01-01T00:00:00.000Z WARN  Example is invalid first="/title is missing"\n', '2026-01-01T00:00:00.000Z ERROR boom\n']);
  });
});
