/** A byte range of a representation, both ends inclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a `Range` header (RFC 9110 §14) against a body of `size` bytes: one satisfiable range, or
 * `unsatisfiable` (answer 416), or `ignore` (serve the whole body with 200: no header, another unit,
 * a malformed value, or several ranges, which the server may always decline to split).
 *
 * @example
 * parseRange('bytes=0-1023', 5000); // { start: 0, end: 1023 }
 * parseRange('bytes=-500', 5000);   // { start: 4500, end: 4999 }
 * parseRange('bytes=6000-', 5000);  // 'unsatisfiable'
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | 'ignore' {
  if (header === undefined) return 'ignore';
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return 'ignore';
  const [, first, last] = match;
  if (first === '' && last === '') return 'ignore';
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (!Number.isSafeInteger(length)) return 'ignore';
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return 'ignore';
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}
