import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals short secrets (invitation codes in stored e-mail) with AES-256-GCM under a key that is not
 * in the database. Each sealed value is bound to a context (the mail row's id), so a sealed code
 * copied into another row does not open there.
 */
export interface SecretBox {
  /** `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  seal(secret: string, context: string): string;
  /** The secret, or undefined when the value was sealed under another key or context, or altered. */
  open(sealed: string, context: string): string | undefined;
}

export const SECRET_BOX_KEY_BYTES = 32;

/**
 * @example
 * const box = createSecretBox(randomBytes(32));
 * box.open(box.seal('7K3QM-X9D2F', 'mail-1'), 'mail-1'); // '7K3QM-X9D2F'
 */
export function createSecretBox(key: Uint8Array): SecretBox {
  if (key.length !== SECRET_BOX_KEY_BYTES) throw new Error(`A secret box needs a ${SECRET_BOX_KEY_BYTES}-byte key, not ${key.length} bytes.`);
  const secretKey = Buffer.from(key);
  return {
    seal(secret, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secretKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    open(sealed, context) {
      const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', secretKey, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
