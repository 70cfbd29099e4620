/** Longest document id the server accepts (`[a-z0-9][a-z0-9-]{1,63}`). */
const MAX_ID_LENGTH = 64;

/**
 * An id for a new document based on `base` that none of `taken` uses: `base` itself when it is
 * free, else `base-copy`, `base-copy-2`, … (cut so the result stays within 64 characters).
 * Starting from an example that the organisation already has (the demo imports every example
 * under its own id) then needs no typing.
 *
 * @example
 * freeId('phq-9', ['phq-9']); // 'phq-9-copy'
 * freeId('phq-9', ['phq-9', 'phq-9-copy']); // 'phq-9-copy-2'
 */
export function freeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let number = 1; ; number++) {
    const suffix = number === 1 ? '-copy' : `-copy-${number}`;
    const candidate = `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
