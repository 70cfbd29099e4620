import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.js';

describe('createSecretBox', () => {
  const box = createSecretBox(randomBytes(32));

  it('opens what it sealed, for the same context only', () => {
    const sealed = box.seal('7K3QM-X9D2F', 'mail-1');
    expect(sealed).not.toContain('7K3QM');
    expect(box.open(sealed, 'mail-1')).toBe('7K3QM-X9D2F');
    expect(box.open(sealed, 'mail-2')).toBeUndefined();
  });

  it('seals the same secret differently each time', () => {
    expect(box.seal('7K3QM-X9D2F', 'mail-1')).not.toBe(box.seal('7K3QM-X9D2F', 'mail-1'));
  });

  it('refuses another key, an altered value and garbage without throwing', () => {
    const sealed = box.seal('7K3QM-X9D2F', 'mail-1');
    expect(createSecretBox(randomBytes(32)).open(sealed, 'mail-1')).toBeUndefined();
    const [version, iv, tag, ciphertext] = sealed.split('.');
    const flipped = `${ciphertext!.startsWith('A') ? 'B' : 'A'}${ciphertext!.slice(1)}`;
    expect(box.open([version, iv, tag, flipped].join('.'), 'mail-1')).toBeUndefined();
    for (const garbage of ['', 'v1', 'v1...', 'v2.a.b.c', `${sealed}.extra`, 'v1.%%%.%%%.%%%']) expect(box.open(garbage, 'mail-1')).toBeUndefined();
  });

  it('needs a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32-byte key/);
  });
});
