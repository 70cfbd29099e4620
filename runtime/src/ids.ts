import { randomFillSync } from 'node:crypto';

/** Makes new unique ids (audit rows, request ids, every stored object). */
export interface IdGenerator {
  newId(): string;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter that
 * keeps ids made in the same millisecond in order (method 1 of §6.2; when it runs out, the time is
 * moved on by one millisecond), and 62 random bits. Ids made one after another sort one after
 * another, so a row's key lands on the last page of each index it is in instead of a random page:
 * random (version 4) keys made every insert dirty a fresh page per unique index. The ids reveal when
 * a row was made, which the rows say anyway; secrets (session tokens, invitation codes) never come
 * from here.
 *
 * @example
 * const ids = createUuidV7Ids();
 * ids.newId() < ids.newId(); // true
 */
export function createUuidV7Ids(now: () => number = Date.now, fillRandom: (bytes: Uint8Array) => void = createRandomPool()): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  const bytes = new Uint8Array(16);
  return {
    newId() {
      let ms = Math.max(0, Math.trunc(now()));
      if (ms <= lastMs) {
        ms = lastMs;
        counter += 1;
        if (counter > 0xfff) {
          ms += 1;
          counter = 0;
        }
      } else {
        counter = 0;
      }
      lastMs = ms;
      fillRandom(bytes);
      // 48-bit big-endian milliseconds (2^48 ms is the year 10889).
      const high = Math.floor(ms / 0x100000000);
      const low = ms >>> 0;
      bytes[0] = (high >>> 8) & 0xff;
      bytes[1] = high & 0xff;
      bytes[2] = (low >>> 24) & 0xff;
      bytes[3] = (low >>> 16) & 0xff;
      bytes[4] = (low >>> 8) & 0xff;
      bytes[5] = low & 0xff;
      bytes[6] = 0x70 | (counter >>> 8);
      bytes[7] = counter & 0xff;
      bytes[8] = 0x80 | (bytes[8]! & 0x3f);
      let text = '';
      for (let index = 0; index < 16; index += 1) {
        if (index === 4 || index === 6 || index === 8 || index === 10) text += '-';
        text += HEX[bytes[index]!];
      }
      return text;
    },
  };
}

/**
 * Fills small arrays from a pool of random bytes refilled 4 KiB at a time: one call into OpenSSL per
 * 256 ids instead of one per id (the per-call cost was a few percent of a request that makes ids).
 * The bytes are as random as each call's; they only arrive in bigger draws.
 */
export function createRandomPool(poolBytes = 4096): (bytes: Uint8Array) => void {
  const pool = new Uint8Array(poolBytes);
  let used = poolBytes;
  return (bytes) => {
    if (bytes.length > poolBytes) {
      randomFillSync(bytes);
      return;
    }
    if (used + bytes.length > poolBytes) {
      randomFillSync(pool);
      used = 0;
    }
    bytes.set(pool.subarray(used, used + bytes.length));
    // Every byte goes out once: a byte handed out is never handed out again.
    used += bytes.length;
  };
}

/** The process's id generator: time-ordered UUIDs (version 7), see {@link createUuidV7Ids}. */
export const uuidGenerator: IdGenerator = Object.freeze(createUuidV7Ids());

/**
 * A predictable generator for tests: `<prefix>-1`, `<prefix>-2`, …
 *
 * @example
 * const ids = createSequentialIds('audit');
 * ids.newId(); // 'audit-1'
 */
export function createSequentialIds(prefix = 'id'): IdGenerator {
  let next = 1;
  return { newId: () => `${prefix}-${next++}` };
}
