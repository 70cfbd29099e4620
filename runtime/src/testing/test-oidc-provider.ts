import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the test provider knows: `sub` and the claims it releases. */
export interface TestIdentity {
  sub: string;
  name?: string;
  personal_identity_number?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the next interaction (the provider's login page answered by the test). */
  signInAs(identity: TestIdentity | 'cancel'): void;
  /** CARELOOM_OIDC_* for a Careloom server. */
  environment(): Record<string, string>;
  /** Registers the Careloom server's callback (before the provider's first request: its client is built then). */
  register(publicUrl: string): void;
  /** How many requests reached the token endpoint (each callback Careloom completes asks it once). */
  tokenRequests(): number;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on a random loopback port, with one
 * confidential client for Careloom. Its login page is answered by the test: the next interaction
 * signs in as whoever `signInAs` named (or declines), and consent is pre-agreed for the client, so
 * a test drives the whole redirect flow with plain HTTP requests (`followSignIn`). Identities
 * release `personal_identity_number` under the `pin` scope (through userinfo, as e-ID brokers do).
 *
 * @example
 * const idp = await startTestOidcProvider();
 * const server = await startServer({ config: loadConfig({ …, ...idp.environment(publicUrl) }) });
 */
export async function startTestOidcProvider(): Promise<TestOidcProvider> {
  const clientId = 'careloom';
  const clientSecret = randomBytes(24).toString('base64url');
  const identities = new Map<string, TestIdentity>();
  let next: TestIdentity | 'cancel' | undefined;
  const redirectUris: string[] = [];
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  let provider: Provider | undefined;
  const build = () =>
    new Provider(issuer, {
      clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, post_logout_redirect_uris: redirectUris.map((uri) => new URL('/', uri).href), token_endpoint_auth_method: 'client_secret_post' }],
      jwks: { keys: [{ ...key, kid: 'test', use: 'sig', alg: 'RS256' }] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      claims: { openid: ['sub'], profile: ['name'], pin: ['personal_identity_number'] },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const identity = identities.get(sub);
        return identity ? { accountId: sub, claims: async () => ({ ...identity }) } : undefined;
      },
      // Careloom is a first-party client: no consent screen.
      loadExistingGrant: async (ctx) => {
        const oidc = ctx.oidc;
        const existing = oidc.session?.grantIdFor(oidc.client!.clientId);
        if (existing) return oidc.provider.Grant.find(existing);
        const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId! });
        grant.addOIDCScope('openid profile pin');
        grant.addOIDCClaims(['name', 'personal_identity_number']);
        await grant.save();
        return grant;
      },
    });
  let tokenRequests = 0;
  http.on('request', (req, res) => {
    provider ??= build();
    if (req.method === 'POST' && req.url?.startsWith('/token')) tokenRequests++;
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        const who = next;
        next = undefined;
        if (who === undefined) {
          res.statusCode = 500;
          res.end('The test did not say who signs in.');
          return;
        }
        if (who === 'cancel') {
          await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person cancelled.' }, { mergeWithLastSubmission: false });
          return;
        }
        identities.set(who.sub, who);
        await provider.interactionFinished(req, res, { login: { accountId: who.sub } }, { mergeWithLastSubmission: false });
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    provider.callback()(req, res);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(identity) {
      next = identity;
    },
    tokenRequests: () => tokenRequests,
    register(publicUrl) {
      if (provider) throw new Error('Register the Careloom server before the provider answers its first request.');
      redirectUris.push(`${publicUrl}/api/auth/oidc/callback`);
    },
    environment() {
      return {
        CARELOOM_OIDC_ISSUER: issuer,
        CARELOOM_OIDC_CLIENT_ID: clientId,
        CARELOOM_OIDC_CLIENT_SECRET: clientSecret,
        CARELOOM_OIDC_SCOPES: 'openid profile pin',
        CARELOOM_OIDC_IDENTITY_CLAIM: 'personal_identity_number',
        CARELOOM_OIDC_DISPLAY_NAME: 'Test e-ID',
      };
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/** A cookie jar per origin, enough for following one sign-in. */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();
  header(url: string): string {
    return [...(this.cookies.get(new URL(url).host) ?? new Map<string, string>()).entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  store(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(host, jar);
  }
  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).host)?.get(name);
  }
  set(url: string, name: string, value: string): void {
    const jar = this.cookies.get(new URL(url).host) ?? new Map<string, string>();
    jar.set(name, value);
    this.cookies.set(new URL(url).host, jar);
  }
}

/**
 * Follows redirects by hand from `url` (sending and keeping cookies, as a browser would) until an
 * answer that is not a redirect or a redirect out of `stopAt`'s origin is back at Careloom's app.
 * Returns every visited URL and the last response.
 */
export async function followSignIn(jar: CookieJar, url: string, options: { careloomUrl: string; init?: RequestInit; transform?: (url: string) => string }): Promise<{ visited: string[]; last: Response; location: string | undefined }> {
  const visited: string[] = [];
  let current = url;
  let init: RequestInit | undefined = options.init;
  for (let hop = 0; hop < 15; hop += 1) {
    visited.push(current);
    const response = await fetch(current, { ...init, redirect: 'manual', headers: { ...(init?.headers as Record<string, string> | undefined), cookie: jar.header(current) } });
    jar.store(current, response);
    init = undefined;
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { visited, last: response, location: undefined };
    const target = new URL(location, current).href;
    // Back at Careloom but not at its API: the app page the browser would open.
    if (target.startsWith(options.careloomUrl) && !new URL(target).pathname.startsWith('/api/')) return { visited, last: response, location: target };
    current = options.transform ? options.transform(target) : target;
  }
  throw new Error(`Too many redirects: ${visited.join(' → ')}`);
}
