import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { AccountsStore, AuditContext } from '../accounts/accounts-store.js';
import type { AuthenticationService, LoginResult } from '../accounts/authentication-service.js';
import type { MemberInvitationService } from '../accounts/member-invitations.js';
import type { RequestContext } from '../accounts/request-context.js';
import type { CareContext } from '../care/care-deps.js';
import { DomainError, isDomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { memoryRateLimits, type RateLimits } from '../rate-limits.js';
import { IDENTITY_TAKEN, type ExternalIdentity, type ExternalIdentityStore } from './external-identity-store.js';
import { linkedIdentityMethods, type LinkedIdentityMethods } from './linked-identities.js';
import { OidcCallbackError, type OidcProviderPort } from './oidc-provider-port.js';

/** The app the browser returns to after the provider. */
export type OidcApp = 'patient' | 'clinic' | 'designer';
export const OIDC_APPS: readonly OidcApp[] = ['patient', 'clinic', 'designer'];

/** Where each app lives (`runtime/src/web/web-apps.ts`). */
export const OIDC_APP_PATHS: Readonly<Record<OidcApp, string>> = { patient: '/', clinic: '/clinic', designer: '/designer' };

/** What the sign-in is for, besides signing in. */
export type OidcIntent =
  | { kind: 'sign_in' }
  /** An invitation into an organisation (the designer's or the clinic's link). */
  | { kind: 'member_invitation'; token: string }
  /** A patient's enrollment invitation code. */
  | { kind: 'enrollment_invitation'; code: string }
  /** A signed-in person links their account to the identity. */
  | { kind: 'link'; personId: string; sessionId: string };

/** Why a sign-in did not happen; the apps show a sentence for each (`oidc.refused.*` messages). */
export type OidcRefusal =
  | 'unknown_identity'
  | 'cancelled'
  | 'failed'
  | 'expired'
  | 'account_disabled'
  | 'identity_taken'
  | 'account_exists'
  | 'invitation_unusable'
  | 'invitation_not_yours'
  | 'sign_in_to_accept'
  | 'rate_limited'
  | 'session_changed';

/** `linking`: the flow linked (or tried to link) a signed-in account, so the browser goes back to the account screen. */
export type OidcOutcome =
  | { ok: true; app: OidcApp; done: 'signed_in' | 'joined' | 'enrolled' | 'linked'; login?: LoginResult; linking?: true }
  | { ok: false; app: OidcApp; reason: OidcRefusal; login?: LoginResult; linking?: true };

/** What one browser's sign-in carries from the start to the callback, sealed in a cookie. */
interface Flow {
  v: 1;
  state: string;
  nonce: string;
  verifier: string;
  app: OidcApp;
  intent: OidcIntent;
  /** Milliseconds since the epoch. */
  startedAt: number;
}

/** Seals the flow for the browser to carry (AES-GCM under the server's key, bound to one context). */
export interface FlowSealer {
  seal(text: string): string;
  open(sealed: string): string | undefined;
}

/** A sign-in left unfinished this long at the provider must start again. */
export const OIDC_FLOW_TTL_MS = 10 * 60_000;

/**
 * Callbacks one client address may bring per window: each asks the provider's token endpoint, so a
 * script replaying callbacks must not make Careloom hammer it. A clinic behind one address signing
 * in at the start of a shift stays far below.
 */
export const OIDC_CALLBACK_LIMITS = { limit: 120, windowMs: 10 * 60_000 } as const;

export interface OidcSignInDeps {
  /** Undefined when no provider is configured: then only `describe` answers. */
  provider: OidcProviderPort | undefined;
  identities: ExternalIdentityStore;
  accounts: Pick<AccountsStore, 'findSession' | 'findPerson' | 'hasChosenPassword'>;
  authentication: Pick<AuthenticationService, 'startExternalSession' | 'logout'>;
  memberInvitations: Pick<MemberInvitationService, 'accept' | 'joinWithIdentity'>;
  care: {
    redeemInvitationWithIdentity(context: CareContext, input: { code: string; identity: ExternalIdentity }): Promise<{ personId: string }>;
    acceptInvitation(context: CareContext, input: { code: string }): Promise<unknown>;
  };
  sealer: FlowSealer;
  /** (issuer, claim, value) → what is stored (identity-digest.ts). */
  digest: (issuer: string, claim: string, value: string) => ExternalIdentity;
  clock: Clock;
  publicUrl: () => string;
  /**
   * Where the callback limits count (`Stores.rateLimits`: the database, so they hold on every
   * process behind a load balancer); this process's memory when absent (tests of the bare service).
   */
  rateLimits?: RateLimits;
}

export interface OidcBeginInput {
  app: OidcApp;
  invitation?: { kind: 'member'; token: string } | { kind: 'enrollment'; code: string };
  /** Link the signed-in person's account instead of signing in. */
  link?: boolean;
}

export interface OidcSignInService extends LinkedIdentityMethods {
  /** Whether the login pages offer the provider, and under what name. */
  describe(): { enabled: boolean; displayName?: string };
  /** Starts a sign-in: the provider's URL to send the browser to and the sealed flow for its cookie. */
  begin(input: OidcBeginInput, principal: Principal | undefined): Promise<{ authorizationUrl: string; flow: string }>;
  /** Completes a sign-in at the callback; a refusal is an outcome (the browser is sent back with it), not an error. */
  complete(input: { callbackUrl: URL; flow: string | undefined; principal: Principal | undefined }, context: RequestContext): Promise<OidcOutcome>;
  /** Ends the Careloom session; for a session started at the provider, also the provider's end_session URL. */
  logout(principal: Principal, context: RequestContext): Promise<{ endSessionUrl?: string }>;
}

const NOT_CONFIGURED = 'Sign-in with an identity provider is not configured on this server.';
const random = () => randomBytes(32).toString('base64url');
const MAX_CLAIM_LENGTH = 256;

/**
 * Sign-in with OpenID Connect, on top of the accounts: the authorization code flow with PKCE,
 * state and nonce (the state, nonce and verifier travel sealed in a short-lived cookie, so any
 * server process can complete a flow another started). People are found by the value of one
 * verified claim, linked to their account as an external identity, never by e-mail address: an
 * unknown identity is refused and creates nothing. An identity gets linked by accepting an
 * invitation while signing in (a new account for a member invitation; the account made for the
 * enrollment, if nobody has chosen a password for it, for a patient's code), or by a signed-in
 * person linking their own account.
 *
 * @example
 * const { authorizationUrl, flow } = await oidc.begin({ app: 'clinic' }, undefined);
 * // … the provider redirects back …
 * const outcome = await oidc.complete({ callbackUrl, flow, principal: undefined }, context);
 */
export function createOidcSignInService(deps: OidcSignInDeps): OidcSignInService {
  const counted = deps.rateLimits ?? memoryRateLimits;
  const now = () => deps.clock.now().getTime();
  const callbacksPerAddress = counted.attemptLimiter(now, 'oidc-callback', OIDC_CALLBACK_LIMITS);
  // One use per flow, however many processes a replayed callback reaches: the state is counted once
  // for as long as the flow could still be completed (its lifetime plus the clock skew allowed).
  const completedFlows = counted.attemptLimiter(now, 'oidc-flow', { limit: 1, windowMs: OIDC_FLOW_TTL_MS + 60_000 });
  const provider = () => {
    if (!deps.provider) throw new DomainError('not_found', NOT_CONFIGURED);
    return deps.provider;
  };
  const audit = (context: RequestContext, actorId?: string): AuditContext => ({
    at: deps.clock.now().toISOString(),
    ...(actorId === undefined ? {} : { actorId }),
    ...(context.ip === undefined ? {} : { ip: context.ip }),
    ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
  });
  const careContext = (context: RequestContext, principal: Principal | undefined): CareContext => ({
    principal,
    requestId: context.requestId ?? null,
    ip: context.ip ?? null,
    ...(context.userAgent === undefined ? {} : { userAgent: context.userAgent }),
  });

  const openFlow = (sealed: string | undefined): Flow | undefined => {
    const text = sealed === undefined ? undefined : deps.sealer.open(sealed);
    if (text === undefined) return undefined;
    try {
      const flow = JSON.parse(text) as Flow;
      return flow.v === 1 && OIDC_APPS.includes(flow.app) ? flow : undefined;
    } catch {
      return undefined;
    }
  };

  /** A refused invitation or link, as the reason the app shows. */
  const reasonOf = (error: unknown): OidcRefusal | undefined => {
    if (!isDomainError(error)) return undefined;
    switch (error.code) {
      case 'not_found':
        return 'invitation_unusable';
      case 'forbidden':
        return 'invitation_not_yours';
      case 'rate_limited':
        return 'rate_limited';
      case 'conflict':
        if (error.message.endsWith(IDENTITY_TAKEN)) return 'identity_taken';
        return error.issues?.some((issue) => issue.code === 'invitation.sign_in_to_accept') ? 'sign_in_to_accept' : 'account_exists';
      default:
        return undefined;
    }
  };

  const nameFrom = (claims: Record<string, unknown>): string => {
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const full = text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
    return full.slice(0, 200);
  };

  return {
    ...linkedIdentityMethods({ provider: deps.provider, identities: deps.identities, accounts: deps.accounts, clock: deps.clock }),

    describe() {
      return deps.provider ? { enabled: true, displayName: deps.provider.displayName } : { enabled: false };
    },

    async begin(input, principal) {
      const oidc = provider();
      let intent: OidcIntent = { kind: 'sign_in' };
      if (input.link) {
        if (!principal) throw new DomainError('unauthenticated', 'Sign in first to link your account.');
        intent = { kind: 'link', personId: principal.personId, sessionId: principal.sessionId };
      } else if (input.invitation?.kind === 'member') {
        intent = { kind: 'member_invitation', token: input.invitation.token };
      } else if (input.invitation?.kind === 'enrollment') {
        intent = { kind: 'enrollment_invitation', code: input.invitation.code };
      }
      const flow: Flow = { v: 1, state: random(), nonce: random(), verifier: random(), app: input.app, intent, startedAt: deps.clock.now().getTime() };
      const codeChallenge = createHash('sha256').update(flow.verifier).digest('base64url');
      const authorizationUrl = await oidc.authorizationUrl({ state: flow.state, nonce: flow.nonce, codeChallenge });
      return { authorizationUrl, flow: deps.sealer.seal(JSON.stringify(flow)) };
    },

    async complete({ callbackUrl, flow: sealed, principal }, context) {
      const oidc = provider();
      const flow = openFlow(sealed);
      const app: OidcApp = flow?.app ?? 'patient';
      const refuse = async (reason: OidcRefusal, personId?: string, login?: LoginResult): Promise<OidcOutcome> => {
        await deps.identities.recordRefusedSignIn({ issuer: oidc.issuer, reason, ...(personId === undefined ? {} : { personId }), audit: audit(context, personId) });
        return { ok: false, app, reason, ...(login ? { login } : {}), ...(flow?.intent.kind === 'link' ? { linking: true as const } : {}) };
      };
      if (!flow || deps.clock.now().getTime() - flow.startedAt > OIDC_FLOW_TTL_MS || flow.startedAt > deps.clock.now().getTime() + 60_000) return refuse('expired');
      // The state in the URL must be the one this browser's flow started with: a callback from
      // another browser's sign-in (login CSRF) or an altered one stops here, before any code is used.
      if (callbackUrl.searchParams.get('state') !== flow.state) return refuse('failed');
      if (context.ip !== undefined && (await callbacksPerAddress.admit(context.ip)) !== undefined) return refuse('rate_limited');
      // The same callback again (its cookie and URL replayed, to this process or another): refused
      // before the provider is asked, whatever the provider would say about a used code.
      if ((await completedFlows.admit(flow.state)) !== undefined) return refuse('failed');
      let claims: Record<string, unknown>;
      try {
        claims = await oidc.exchange({ callbackUrl, state: flow.state, nonce: flow.nonce, codeVerifier: flow.verifier });
      } catch (error) {
        if (error instanceof OidcCallbackError) return refuse(error.reason);
        throw error;
      }
      const raw = claims[oidc.identityClaim];
      const value = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : '';
      if (value === '' || value.length > MAX_CLAIM_LENGTH) return refuse('failed');
      const identity = deps.digest(oidc.issuer, oidc.identityClaim, value);
      const linked = await deps.identities.findByDigest(identity.subjectDigest);
      const intent = flow.intent;

      if (intent.kind === 'link') {
        // The browser that asked to link must still be in the session that asked.
        if (!principal || principal.sessionId !== intent.sessionId || principal.personId !== intent.personId) return refuse('session_changed');
        if (linked && linked.personId !== principal.personId) return refuse('identity_taken', principal.personId);
        try {
          await deps.identities.link({ identity, personId: principal.personId, at: deps.clock.now().toISOString(), audit: audit(context, principal.personId) });
        } catch (error) {
          const reason = reasonOf(error);
          if (reason) return refuse(reason, principal.personId);
          throw error;
        }
        return { ok: true, app, done: 'linked', linking: true };
      }

      if (linked) {
        const person = await deps.accounts.findPerson(linked.personId);
        if (!person || person.disabledAt !== undefined) return refuse('account_disabled', linked.personId);
        const login = await deps.authentication.startExternalSession(linked.personId, context);
        // A known person accepting an invitation: the ordinary acceptance, signed in, with its checks
        // (the invitation's address, or the patient the code was made for).
        try {
          if (intent.kind === 'member_invitation') {
            await deps.memberInvitations.accept(login.principal, intent.token, context);
            return { ok: true, app, done: 'joined', login };
          }
          if (intent.kind === 'enrollment_invitation') {
            await deps.care.acceptInvitation(careContext(context, login.principal), { code: intent.code });
            return { ok: true, app, done: 'enrolled', login };
          }
        } catch (error) {
          const reason = reasonOf(error);
          if (reason) return refuse(reason, linked.personId, login);
          throw error;
        }
        return { ok: true, app, done: 'signed_in', login };
      }

      // An identity nobody has: only an invitation may make it someone's.
      try {
        if (intent.kind === 'member_invitation') {
          const { personId } = await deps.memberInvitations.joinWithIdentity(intent.token, { name: nameFrom(claims), identity }, context);
          return { ok: true, app, done: 'joined', login: await deps.authentication.startExternalSession(personId, context) };
        }
        if (intent.kind === 'enrollment_invitation') {
          const { personId } = await deps.care.redeemInvitationWithIdentity(careContext(context, undefined), { code: intent.code, identity });
          return { ok: true, app, done: 'enrolled', login: await deps.authentication.startExternalSession(personId, context) };
        }
      } catch (error) {
        const reason = reasonOf(error);
        if (reason) return refuse(reason);
        throw error;
      }
      return refuse('unknown_identity');
    },

    async logout(principal, context) {
      const session = await deps.accounts.findSession(principal.sessionId);
      await deps.authentication.logout(principal, context);
      if (session?.signInMethod !== 'oidc' || !deps.provider) return {};
      const endSessionUrl = await deps.provider.endSessionUrl({ postLogoutRedirectUri: `${deps.publicUrl()}/` });
      return endSessionUrl === undefined ? {} : { endSessionUrl };
    },
  };
}
