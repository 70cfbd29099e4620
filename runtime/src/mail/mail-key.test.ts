import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMailKey } from './mail-key.js';

describe('loadMailKey', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloom-mail-key-'));
    dirs.push(dir);
    return dir;
  };

  it('creates the key file on first use, readable by the owner only, and reads the same key after', () => {
    const file = join(folder(), 'db', 'careloom.sqlite.mail-key');
    const first = loadMailKey({ mailKey: undefined, mailKeyFile: file });
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMailKey({ mailKey: undefined, mailKeyFile: file }).equals(first)).toBe(true);
    expect(readdirSync(join(file, '..'))).toEqual(['careloom.sqlite.mail-key']);
  });

  it('tightens a key file others could read', () => {
    const file = join(folder(), 'key');
    writeFileSync(file, `${Buffer.alloc(32, 3).toString('base64')}\n`);
    chmodSync(file, 0o644);
    expect(loadMailKey({ mailKey: undefined, mailKeyFile: file })).toEqual(Buffer.alloc(32, 3));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a key file that holds no key, naming it but not its content', () => {
    const file = join(folder(), 'key');
    writeFileSync(file, 'not-a-key-at-all\n', { mode: 0o600 });
    expect(() => loadMailKey({ mailKey: undefined, mailKeyFile: file })).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not hold a 32-byte base64 key`));
  });

  it('prefers CARELOOM_MAIL_KEY, and makes a key for the run without either', () => {
    const file = join(folder(), 'key');
    expect(loadMailKey({ mailKey: Buffer.alloc(32, 9).toString('base64'), mailKeyFile: file })).toEqual(Buffer.alloc(32, 9));
    expect(readdirSync(join(file, '..'))).toEqual([]);
    expect(loadMailKey({ mailKey: undefined, mailKeyFile: undefined })).toHaveLength(32);
  });
});
