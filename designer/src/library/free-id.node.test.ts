import { describe, expect, it } from 'vitest';
import { freeId } from './free-id.js';

describe('freeId', () => {
  it('keeps the example\'s own id while it is free', () => {
    expect(freeId('phq-9', ['gad-7'])).toBe('phq-9');
  });

  it('adds -copy, then a number, until the id is free', () => {
    expect(freeId('phq-9', ['phq-9'])).toBe('phq-9-copy');
    expect(freeId('phq-9', ['phq-9', 'phq-9-copy', 'phq-9-copy-2'])).toBe('phq-9-copy-3');
  });

  it('stays within the 64 characters the server accepts', () => {
    const long = `a${'-b'.repeat(31)}c`;
    expect(long).toHaveLength(64);
    const id = freeId(long, [long]);
    expect(id).toHaveLength(64);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]{1,63}$/);
    expect(id.endsWith('-copy')).toBe(true);
    expect(id).not.toContain('--');
  });
});
