/** A strong entity tag for a content hash: `"<hash>"`. */
export function strongEtag(hash: string): string {
  return `"${hash}"`;
}

/**
 * Whether an If-None-Match header matches `etag`, using the weak comparison RFC 9110 §13.1.2
 * prescribes for this header (a `W/` prefix is ignored).
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header === etag) return true;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
