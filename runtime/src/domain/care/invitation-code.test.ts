import { describe, expect, it } from 'vitest';
import { formatInvitationCode, INVITATION_CODE_LENGTH, newInvitationCode, normalizeInvitationCode } from './invitation-code.js';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

describe('invitation codes', () => {
  it('are ten Crockford base32 characters, grouped 5-5', () => {
    for (let n = 0; n < 200; n += 1) expect(newInvitationCode()).toMatch(CROCKFORD);
    expect(newInvitationCode(() => Uint8Array.from([0, 1, 10, 17, 18, 20, 21, 26, 31, 255]))).toBe('01AHJMNTZZ'.replace(/^(.{5})/, '$1-'));
  });

  it('use every symbol of the alphabet evenly enough', () => {
    const counts = new Map<string, number>();
    for (let n = 0; n < 2000; n += 1) for (const char of newInvitationCode().replace('-', '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 20 000 symbols over 32: about 625 each; a broken mapping would leave some near 0 or double others.
    for (const count of counts.values()) expect(count).toBeGreaterThan(450);
  });

  it('are read back in any case, with or without the dash and spaces, with O, I and L taken for digits', () => {
    const code = newInvitationCode();
    const canonical = code.replace('-', '');
    expect(canonical).toHaveLength(INVITATION_CODE_LENGTH);
    expect(formatInvitationCode(canonical)).toBe(code);
    for (const typed of [code, canonical, code.toLowerCase(), ` ${code.slice(0, 5)} ${code.slice(6)} `, `${code.slice(0, 3)}-${code.slice(3)}`.replace('-', '')]) {
      expect(normalizeInvitationCode(typed)).toBe(canonical);
    }
    expect(normalizeInvitationCode('o1lIo-ABCDE')).toBe('01110ABCDE');
  });

  it('refuse what cannot be a code', () => {
    for (const typed of ['', 'ABCDE', 'ABCDE-FGHJKM', 'ABCDE-FGHJU', 'ABCDE_FGHJK', 'ÅBCDE-FGHJK']) expect(normalizeInvitationCode(typed)).toBeUndefined();
  });
});
