/**
 * The OpenID Connect provider as the sign-in service needs it. The one implementation is
 * `auth/openid-client-provider.ts` on openid-client (discovery, the authorization code grant with
 * PKCE, ID token validation with state and nonce checks); tests run it against a real
 * `oidc-provider` on a loopback port.
 */
export interface OidcProviderPort {
  /** The issuer identifier, as configured (and checked against discovery). */
  readonly issuer: string;
  /** Shown on the login pages: "Sign in with <displayName>". */
  readonly displayName: string;
  /** The claim whose value identifies the person (`sub`, or a personal identity number claim). */
  readonly identityClaim: string;
  /** Where the provider sends the browser back to. */
  redirectUri(): string;
  /** The provider's authorization endpoint with the request's parameters. */
  authorizationUrl(input: { state: string; nonce: string; codeChallenge: string }): Promise<string>;
  /**
   * Exchanges the callback's code for tokens, checking state, nonce, PKCE and the ID token's
   * signature, issuer, audience and lifetime; returns the verified claims (the ID token's, with the
   * userinfo endpoint's when the identifying claim is not in the ID token). Throws
   * `OidcCallbackError` for anything the provider or the browser got wrong.
   */
  exchange(input: { callbackUrl: URL; state: string; nonce: string; codeVerifier: string }): Promise<Record<string, unknown>>;
  /** The provider's end_session endpoint sending the browser back to `postLogoutRedirectUri`, when it has one. */
  endSessionUrl(input: { postLogoutRedirectUri: string }): Promise<string | undefined>;
}

/** Why a callback could not be completed: `cancelled` when the person or the provider declined, else `failed`. */
export class OidcCallbackError extends Error {
  override name = 'OidcCallbackError';
  constructor(
    readonly reason: 'cancelled' | 'failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
