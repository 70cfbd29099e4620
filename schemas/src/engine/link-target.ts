/**
 * What a rich-text link may point to: an http(s) address with a host, a mailto: or tel: address,
 * a path on the same site or a fragment. Never a protocol-relative `//host` (or `/\host`, which
 * browsers read the same way), never another scheme (javascript:, data:), and no whitespace or
 * control characters (browsers drop tabs and newlines inside a URL, so `/<tab>/host` is `//host`).
 * The same text is the `pattern` of the link mark's `href` in common.schema.json (a test keeps
 * them equal), so the validator, the designer's link dialog and the renderer agree.
 */
export const LINK_TARGET_PATTERN = '^(?:https?://[^\\s/\\\\]|mailto:[^\\s]|tel:[^\\s]|/(?![/\\\\])|#)[^\\s\\u0000-\\u001f\\u007f]*$';

const LINK_TARGET = new RegExp(LINK_TARGET_PATTERN, 'u');

/**
 * @example
 * isSafeLinkTarget('https://www.1177.se'); // true
 * isSafeLinkTarget('//evil.example'); // false
 */
export function isSafeLinkTarget(href: unknown): href is string {
  return typeof href === 'string' && LINK_TARGET.test(href);
}
