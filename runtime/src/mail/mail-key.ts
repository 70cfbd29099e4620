import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SECRET_BOX_KEY_BYTES } from './secret-box.js';

/** Where the mail key comes from: CARELOOM_MAIL_KEY, the key file beside the database, or (':memory:') this run only. */
export interface MailKeySource {
  /** Base64, already checked by config.ts. */
  mailKey: string | undefined;
  mailKeyFile: string | undefined;
}

/**
 * The key that seals secrets in stored e-mail. From CARELOOM_MAIL_KEY when set; otherwise from the
 * key file, which is created (0600, random) on first start and tightened to 0600 if it was looser;
 * without either (an in-memory database) a random key for this run. Keeping it outside the database
 * means a copied or backed-up database alone opens no invitation.
 *
 * @throws Error when the key file exists but does not hold a key
 * @example
 * const key = loadMailKey({ mailKey: config.mailKey, mailKeyFile: config.mailKeyFile });
 */
export function loadMailKey(source: MailKeySource): Buffer {
  if (source.mailKey !== undefined) return Buffer.from(source.mailKey, 'base64');
  if (source.mailKeyFile === undefined) return randomBytes(SECRET_BOX_KEY_BYTES);
  const file = resolve(source.mailKeyFile);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) {
    // Written whole to a private temporary file, then linked into place: the link fails if another
    // process starting at the same moment got there first, and nobody ever reads a half-written key.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, `${randomBytes(SECRET_BOX_KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== SECRET_BOX_KEY_BYTES) {
    throw new Error(`The mail key file ${file} does not hold a ${SECRET_BOX_KEY_BYTES}-byte base64 key. Restore it from backup, or delete it to make a new one (unsent invitations then have to be sent again).`);
  }
  return key;
}
