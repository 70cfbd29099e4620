/**
 * The value of cookie `name` in a Cookie header, when it is there once and needs no decoding (our
 * tokens are base64url); otherwise undefined, and the caller parses the header fully (the 304
 * shortcut leaves the request to the app; the session authenticator asks Hono's getCookie). It
 * never answers a value the full parse would read differently (plain-cookie.test.ts, seeded).
 */
export function plainCookie(header: string, name: string): string | undefined {
  // A scan rather than split/regex: this runs on every request that carries a session.
  let at = header.startsWith(`${name}=`) ? 0 : header.indexOf(`; ${name}=`);
  if (at === -1) return undefined;
  if (at > 0) at += 2;
  const start = at + name.length + 1;
  const semicolon = header.indexOf(';', start);
  const end = semicolon === -1 ? header.length : semicolon;
  if (end === start || (semicolon !== -1 && header.includes(`; ${name}=`, semicolon))) return undefined;
  for (let index = start; index < end; index += 1) {
    const code = header.charCodeAt(index);
    const letterOrDigit = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!letterOrDigit && code !== 45 && code !== 95) return undefined;
  }
  return header.slice(start, end);
}
