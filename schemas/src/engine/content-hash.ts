import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The content hash of a document: lower-case hex SHA-256 of the UTF-8 bytes of its canonical JSON
 * (RFC 8785, see {@link canonicalJson}). Key order and number spelling do not change it; any change
 * of content does. Throws what `canonicalJson` throws for a value JSON cannot carry.
 *
 * @example
 * contentHash({ a: 1 }); // '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862'
 */
export function contentHash(document: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(document))));
}
