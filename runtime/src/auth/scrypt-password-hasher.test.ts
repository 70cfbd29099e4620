import { describe, expect, it } from 'vitest';
import { createScryptPasswordHasher, DEFAULT_SCRYPT_PARAMETERS } from './scrypt-password-hasher.js';

const cheap = createScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

describe('createScryptPasswordHasher', () => {
  it('refuses a wrong password', async () => {
    const stored = await cheap.hash('correct horse battery');
    expect(await cheap.verify('correct horse batterY', stored)).toBe(false);
    expect(await cheap.verify('', stored)).toBe(false);
  });

  it('refuses malformed or tampered encodings without throwing', async () => {
    const stored = await cheap.hash('correct horse battery');
    const parts = stored.split('$');
    for (const encoded of [
      '',
      'plain',
      'bcrypt$10$abc',
      stored.replace('scrypt$', 'scrypt2$'),
      [...parts.slice(0, 1), String(2 ** 24), ...parts.slice(2)].join('$'), // N too large: would exhaust memory
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'), // N not a power of two
      [...parts.slice(0, 5), Buffer.alloc(32).toString('base64')].join('$'), // hash swapped
      [...parts.slice(0, 4), 'c2FsdA==', parts[5]].join('$'), // salt too short
    ]) {
      expect(await cheap.verify('correct horse battery', encoded), encoded).toBe(false);
    }
  });

  it('verifies the right password and encodes scrypt$N$r$p$salt$hash with a fresh salt', async () => {
    const first = await cheap.hash('correct horse battery');
    const second = await cheap.hash('correct horse battery');
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct');
    expect(await cheap.verify('correct horse battery', first)).toBe(true);
    expect(await cheap.verify('correct horse battery', second)).toBe(true);
  });

  it('normalises Unicode, so composed and decomposed forms match', async () => {
    const stored = await cheap.hash('s\u00e4kerhet-l\u00f6senord');
    expect(await cheap.verify('sa\u0308kerhet-lo\u0308senord', stored)).toBe(true);
  });

  it('verifies hashes made with other parameters, and defaults to N=2^15, r=8, p=1', async () => {
    const strong = createScryptPasswordHasher();
    const stored = await strong.hash('correct horse battery');
    expect(stored.startsWith(`scrypt$${2 ** 15}$8$1$`)).toBe(true);
    expect(DEFAULT_SCRYPT_PARAMETERS).toEqual({ N: 32768, r: 8, p: 1 });
    expect(await cheap.verify('correct horse battery', stored)).toBe(true);
  });
});
