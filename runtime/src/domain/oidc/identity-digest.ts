import { createHmac } from 'node:crypto';
import type { ExternalIdentity } from './external-identity-store.js';

/**
 * What the database keeps of an identity: HMAC-SHA-256 over (issuer, claim name, claim value)
 * under a key that is not in the database. A personal identity number has few enough values to be
 * found again from a plain hash; under the key it cannot be, and the same number at another
 * issuer, or under another claim, is another identity.
 *
 * @example
 * const digestOf = identityDigester(key);
 * digestOf('https://idp.example.org', 'sub', '1234') // { issuer: 'https://idp.example.org', subjectDigest: '5f…' }
 */
export function identityDigester(key: Uint8Array): (issuer: string, claim: string, value: string) => ExternalIdentity {
  // A key of its own, derived from the given one: the mail key also seals with AES-GCM.
  const secret = createHmac('sha256', Buffer.from(key)).update('careloom-external-identity-key').digest();
  return (issuer, claim, value) => {
    const hint = identityHint(value);
    return {
      issuer,
      subjectDigest: createHmac('sha256', secret).update(JSON.stringify(['careloom-external-identity-v1', issuer, claim, value])).digest('hex'),
      ...(hint === undefined ? {} : { hint }),
    };
  };
}

/** Values shorter than this show no part at all: four characters of a six-character subject say too much. */
const MIN_HINTED_LENGTH = 8;

/**
 * The part of an identifying value a person sees on their account screen: its last four
 * characters (of a 12-digit personal identity number, the serial and check digits, never the birth
 * date), or nothing for a short value.
 *
 * @example
 * identityHint('198503152391') // '2391'
 * identityHint('abc')          // undefined
 */
export function identityHint(value: string): string | undefined {
  const characters = [...value.trim()];
  return characters.length < MIN_HINTED_LENGTH ? undefined : characters.slice(-4).join('');
}
