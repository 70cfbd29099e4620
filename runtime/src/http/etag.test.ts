import { describe, expect, it } from 'vitest';
import { ifNoneMatchHits, strongEtag } from './etag.js';

describe('ifNoneMatchHits', () => {
  const etag = strongEtag('abc');

  it('matches the tag itself, "*", a list naming it and its weak form (RFC 9110 weak comparison)', () => {
    expect(ifNoneMatchHits('"abc"', etag)).toBe(true);
    expect(ifNoneMatchHits(' * ', etag)).toBe(true);
    expect(ifNoneMatchHits('"old", "abc"', etag)).toBe(true);
    expect(ifNoneMatchHits('W/"abc"', etag)).toBe(true);
  });

  it('does not match another tag, a tag inside another, an unquoted one or no header', () => {
    expect(ifNoneMatchHits('"abd"', etag)).toBe(false);
    expect(ifNoneMatchHits('"abcd"', etag)).toBe(false);
    expect(ifNoneMatchHits('abc', etag)).toBe(false);
    expect(ifNoneMatchHits('', etag)).toBe(false);
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
  });
});
