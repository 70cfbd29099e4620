import { isSafeLinkTarget } from '@careloom/format/engine';

/** Where a typed link starts the way a stored one may (the full rule is `isSafeLinkTarget`). */
const ALLOWED = /^(https?:|mailto:|tel:|\/|#)/;
/** A bare host with an optional path ("www.1177.se/panik"), which people type without a scheme. */
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]\S*)?$/i;

/**
 * The link target a designer typed, as the format stores it, or undefined when it is not one: an
 * http(s) address with a host, a mailto: or tel: address with something after the colon, or a path
 * or fragment on the same site (never a protocol-relative `//host`). A bare host gets https:// in front.
 *
 * @example
 * linkHref('www.1177.se'); // 'https://www.1177.se'
 * linkHref('javascript:alert(1)'); // undefined
 */
export function linkHref(typed: string): string | undefined {
  const value = typed.trim();
  if (value === '' || /\s/.test(value)) return undefined;
  const candidate = !ALLOWED.test(value) && BARE_HOST.test(value) ? `https://${value}` : value;
  if (!isSafeLinkTarget(candidate)) return undefined;
  if (/^https?:/i.test(candidate)) {
    try {
      const url = new URL(candidate);
      return url.hostname === '' ? undefined : candidate;
    } catch {
      return undefined;
    }
  }
  if (/^(mailto|tel):$/i.test(candidate)) return undefined;
  return candidate;
}
