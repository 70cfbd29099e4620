/** The apps a sign-in at an identity provider returns to (the server's `OidcApp`). */
export type OidcApp = 'patient' | 'clinic' | 'designer';

/** The words the server puts in `?signin=` after a sign-in at the provider (domain/oidc/oidc-sign-in.ts), and `linked`. */
export const SIGN_IN_OUTCOMES = [
  'unknown_identity',
  'cancelled',
  'failed',
  'expired',
  'account_disabled',
  'identity_taken',
  'account_exists',
  'invitation_unusable',
  'invitation_not_yours',
  'sign_in_to_accept',
  'rate_limited',
  'session_changed',
  'linked',
] as const;

export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

/** Where a plain sign-in at the provider starts: a link the browser follows (the server redirects). */
export function oidcStartUrl(app: OidcApp): string {
  return `/api/auth/oidc/start?app=${app}`;
}

/**
 * The outcome the server sent the browser back with (`/clinic?signin=unknown_identity`), once: it
 * is taken out of the address bar, so a reload does not say it again. Unknown words are ignored.
 */
export function takeSignInOutcome(location: Pick<Location, 'href'> = window.location, history: Pick<History, 'replaceState' | 'state'> = window.history): SignInOutcome | undefined {
  const url = new URL(location.href);
  const value = url.searchParams.get('signin');
  if (value === null) return undefined;
  url.searchParams.delete('signin');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return (SIGN_IN_OUTCOMES as readonly string[]).includes(value) ? (value as SignInOutcome) : undefined;
}
