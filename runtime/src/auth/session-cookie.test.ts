import { describe, expect, it } from 'vitest';
import { sessionCookieSettings } from './session-cookie.js';

describe('sessionCookieSettings', () => {
  it('marks the cookie Secure exactly when the public URL is https', () => {
    expect(sessionCookieSettings('https://careloom.example.org')).toEqual({ secure: true });
    expect(sessionCookieSettings('http://127.0.0.1:3000')).toEqual({ secure: false });
  });
});
