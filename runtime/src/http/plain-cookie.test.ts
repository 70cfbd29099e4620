import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainCookie } from './plain-cookie.js';

describe('plainCookie', () => {
  it('reads a base64url value wherever the cookie stands', () => {
    expect(plainCookie('careloom_session=abc-_9Z', 'careloom_session')).toBe('abc-_9Z');
    expect(plainCookie('theme=dark; careloom_session=abc; lang=sv', 'careloom_session')).toBe('abc');
    expect(plainCookie('theme=dark; careloom_session=abc', 'careloom_session')).toBe('abc');
  });

  it('leaves to the app what needs decoding, is there twice, or is only a longer name', () => {
    expect(plainCookie('careloom_session=a%20b', 'careloom_session')).toBeUndefined();
    expect(plainCookie('careloom_session="abc"', 'careloom_session')).toBeUndefined();
    expect(plainCookie('careloom_session=abc; careloom_session=def', 'careloom_session')).toBeUndefined();
    expect(plainCookie('x=1; careloom_session=abc; careloom_session=def', 'careloom_session')).toBeUndefined();
    expect(plainCookie('my_careloom_session=abc', 'careloom_session')).toBeUndefined();
    expect(plainCookie('careloom_session=', 'careloom_session')).toBeUndefined();
    expect(plainCookie('careloom_session=abc;', 'careloom_session')).toBe('abc');
    expect(plainCookie('', 'careloom_session')).toBeUndefined();
  });

  it('never answers a value the app would read differently (seeded)', () => {
    const part = fc.oneof(fc.constantFrom('careloom_session', 'other', 'careloom_sessionx', 'x_careloom_session'), fc.string({ maxLength: 6 }));
    const value = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{0,8}$/), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(part, value), { maxLength: 4 }), (pairs) => {
        const header = pairs.map(([name, text]) => `${name}=${text}`).join('; ');
        const read = plainCookie(header, 'careloom_session');
        // What a careful parser makes of the header: every `name=value` part split on the first "=".
        const parts = header.split(';').map((entry) => entry.trim()).filter((entry) => entry.startsWith('careloom_session='));
        if (read !== undefined) {
          expect(parts).toHaveLength(1);
          expect(parts[0]).toBe(`careloom_session=${read}`);
          expect(read).toMatch(/^[A-Za-z0-9_-]+$/);
        }
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
