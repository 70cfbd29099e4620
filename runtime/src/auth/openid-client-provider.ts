import type * as Client from 'openid-client';
import type { OidcConfig } from '../config.js';
import { OidcCallbackError, type OidcProviderPort } from '../domain/oidc/oidc-provider-port.js';

/** The provider's answers meaning "the person (or the provider on their behalf) declined". */
const DECLINED = new Set(['access_denied', 'login_required', 'consent_required', 'interaction_required', 'account_selection_required']);

export interface OpenidClientProviderDeps {
  config: OidcConfig;
  /** The callback URL registered at the provider: `<public URL>/api/auth/oidc/callback`. */
  redirectUri: () => string;
  /** Where a failed exchange is reported (the error's name and message; never tokens or codes). */
  onError?: (message: string, error: unknown) => void;
}

/**
 * openid-client and its oauth4webapi are loaded with the first sign-in, not when the server starts:
 * most processes answer many requests before anyone signs in through the provider.
 */
let clientModule: Promise<typeof Client> | undefined;
const loadClient = () => (clientModule ??= import('openid-client'));

/**
 * `OidcProviderPort` on openid-client: discovery once (again after a failure), the authorization
 * request with PKCE (S256), state and nonce, and the code exchange, which checks them and the ID
 * token (signature against the provider's keys, issuer, audience, lifetime). Plain http is allowed
 * only for an issuer on a loopback address (config.ts refuses any other), which is what tests use.
 *
 * @example
 * const provider = createOpenidClientProvider({ config: config.oidc, redirectUri: () => `${publicUrl}/api/auth/oidc/callback` });
 */
export function createOpenidClientProvider(deps: OpenidClientProviderDeps): OidcProviderPort {
  const { config } = deps;
  let discovered: Promise<Client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= loadClient()
      .then((client) =>
        client.discovery(
          new URL(config.issuer),
          config.clientId,
          undefined,
          config.clientSecret === undefined ? client.None() : client.ClientSecretPost(config.clientSecret),
          new URL(config.issuer).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
        ),
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    issuer: config.issuer,
    displayName: config.displayName,
    identityClaim: config.identityClaim,
    redirectUri: deps.redirectUri,

    async authorizationUrl({ state, nonce, codeChallenge }) {
      const client = await loadClient();
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: deps.redirectUri(),
        scope: config.scopes,
        response_type: 'code',
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return url.href;
    },

    async exchange({ callbackUrl, state, nonce, codeVerifier }) {
      const client = await loadClient();
      try {
        const server = await configuration();
        const tokens = await client.authorizationCodeGrant(server, callbackUrl, { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
        const idClaims = tokens.claims();
        if (!idClaims) throw new OidcCallbackError('failed', 'The provider sent no ID token.');
        const claims: Record<string, unknown> = { ...idClaims };
        // Some providers (e-ID brokers among them) put the identity number only in userinfo; the
        // library checks that userinfo's subject is the ID token's.
        if (claims[config.identityClaim] === undefined && typeof tokens.access_token === 'string') {
          const userinfo = await client.fetchUserInfo(server, tokens.access_token, idClaims.sub);
          for (const [name, value] of Object.entries(userinfo)) if (claims[name] === undefined) claims[name] = value;
        }
        return claims;
      } catch (error) {
        if (error instanceof OidcCallbackError) throw error;
        if (error instanceof client.AuthorizationResponseError && DECLINED.has(error.error)) throw new OidcCallbackError('cancelled', 'The sign-in was cancelled at the provider.', { cause: error });
        deps.onError?.('An OpenID Connect callback failed', error);
        throw new OidcCallbackError('failed', 'The provider did not confirm the sign-in.', { cause: error });
      }
    },

    async endSessionUrl({ postLogoutRedirectUri }) {
      const server = await configuration().catch(() => undefined);
      if (!server?.serverMetadata().end_session_endpoint) return undefined;
      const client = await loadClient();
      return client.buildEndSessionUrl(server, { client_id: config.clientId, post_logout_redirect_uri: postLogoutRedirectUri }).href;
    },
  };
}
