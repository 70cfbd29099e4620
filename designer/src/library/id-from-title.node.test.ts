import { describe, expect, it } from 'vitest';
import { idFromTitle } from './id-from-title.js';

describe('idFromTitle', () => {
  it('turns a title into an id of the allowed form, spelling Nordic letters plainly', () => {
    expect(idFromTitle('Week 1: Understanding panic', [])).toBe('week-1-understanding-panic');
    expect(idFromTitle('Sömn och återhämtning', [])).toBe('somn-och-aterhamtning');
    expect(idFromTitle('Søvn, kvalme & ærlighet', [])).toBe('sovn-kvalme-aerlighet');
    expect(idFromTitle('  --Héllo  wörld--  ', [])).toBe('hello-world');
  });

  it('suggests a free id when the plain one is taken', () => {
    expect(idFromTitle('Sleep diary', ['sleep-diary'])).toBe('sleep-diary-copy');
  });

  it('stays within 64 characters and suggests nothing for a title with fewer than two letters or digits', () => {
    const id = idFromTitle('a'.repeat(40) + ' ' + 'b'.repeat(40), []);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]{1,63}$/);
    expect(idFromTitle('!', [])).toBe('');
    expect(idFromTitle('x', [])).toBe('');
    expect(idFromTitle('😀😀', [])).toBe('');
  });
});
