import type { Clock } from '../../clock.js';
import { DomainError } from '../errors.js';
import type { Membership, Principal } from '../principal.js';
import type { AccountsStore, AuditContext, MembershipRecord, Organisation, Person, SessionRecord, SignInMethod } from './accounts-store.js';
import { deviceCookieAfterLogin, knownDeviceId, readDeviceCookie } from './known-device.js';
import type { LoginAttempt, LoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './password-hasher.js';
import { passwordIssues } from './password-policy.js';
import type { RequestContext } from './request-context.js';
import { createSessionCache, type SessionCache } from './session-cache.js';
import type { SessionRevokedHub } from './session-revoked.js';
import { isWellFormedToken, newSecretToken, sessionIdOf } from './session-token.js';

/** How long sessions live. */
export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after login, used or not. */
  absoluteMs: number;
  /** `lastSeenAt` is written at most this often, so a busy page does not write on every request. */
  touchIntervalMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = Object.freeze({ idleMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000, touchIntervalMs: 60_000 });

export interface AuthenticationServiceDeps {
  store: AccountsStore;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  sessionRevoked: SessionRevokedHub;
  clock: Clock;
  sessionPolicy?: SessionPolicy;
  /** Resolved sessions kept for a moment (session-cache.ts); a fresh one-second cache by default. */
  sessionCache?: SessionCache;
  /** After a right password: whether a second factor is owed ('code'), must be enrolled first ('enrol') or not ('none'). */
  secondFactorGate?: (personId: string) => Promise<'none' | 'code' | 'enrol'>;
}

/** A right password of an account that owes a second factor: no session yet (routes/second-factor.ts takes it from here). */
export interface SecondFactorPending {
  secondFactor: 'code' | 'enrol';
  personId: string;
}

/** A fresh login: the token goes into the cookie and nowhere else. */
export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  principal: Principal;
  /** After a login with a password: the known-device cookie to set (see known-device.ts). */
  deviceCookie?: string;
}

/** A valid session behind a cookie token. */
export interface ResolvedSession {
  principal: Principal;
  csrfToken: string;
  /** The session may only set up the second factor its organisation requires (auth/second-factor-owed.ts). */
  secondFactorOwed?: true;
}

/** What GET /api/auth/me shows. */
export interface SessionDescription {
  person: Person;
  memberships: Array<Membership & { organisationName: string; organisationKind: Organisation['kind'] }>;
  csrfToken: string;
  expiresAt: string;
}

export interface AuthenticationService {
  login(credentials: { email: string; password: string }, context: RequestContext): Promise<LoginResult | SecondFactorPending>;
  resolveSession(token: string, context: RequestContext): Promise<ResolvedSession | undefined>;
  logout(principal: Principal, context: RequestContext): Promise<void>;
  describeSession(principal: Principal): Promise<SessionDescription>;
  changePassword(principal: Principal, input: { currentPassword: string; newPassword: string }, context: RequestContext): Promise<void>;
  /**
   * Signs in a new patient whose first password their invitation has just set (in the care store's
   * transaction, which refuses an account that already had one). Sets no password itself: nothing
   * but a login with the person's own password, or this right after choosing it, opens a session.
   */
  startInvitedSession(personId: string, context: RequestContext): Promise<LoginResult>;
  /**
   * Signs in a person whom an OpenID Connect provider has just identified (oidc/oidc-sign-in.ts
   * checked the linked identity); the session is marked 'oidc', so logging out also ends the
   * provider's session. Refused for a disabled account.
   */
  startExternalSession(personId: string, context: RequestContext): Promise<LoginResult>;
}

const WRONG_CREDENTIALS = 'The e-mail address or the password is wrong.';

/**
 * Logins, sessions and password changes. Failed logins slow down further tries per account and
 * per IP (login-throttle.ts) except from a device the account signed in on before, so the owner is
 * never locked out; a login takes about as long for an unknown address as for a known one (it
 * verifies against a dummy hash), and is throttled the same way.
 *
 * @example
 * const auth = createAuthenticationService({ store, hasher, throttle, sessionRevoked, clock });
 * const { token, csrfToken } = await auth.login({ email, password }, { ip });
 */
export function createAuthenticationService(deps: AuthenticationServiceDeps): AuthenticationService {
  const policy = deps.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  let dummyHash: Promise<string> | undefined;
  const now = () => deps.clock.now();

  const audit = (context: RequestContext, actorId: string | undefined): AuditContext => ({
    at: now().toISOString(),
    ...(actorId === undefined ? {} : { actorId }),
    ...(context.ip === undefined ? {} : { ip: context.ip }),
    ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
  });

  const cache = deps.sessionCache ?? createSessionCache();
  // Registered before anything else can listen (the hub is created with these services), so a
  // listener that re-resolves the person's sessions, such as the collaboration server's
  // re-authorisation, never reads the entry the event made stale.
  deps.sessionRevoked.on(({ personId, sessionIds }) => {
    cache.forgetPerson(personId);
    for (const sessionId of sessionIds ?? []) cache.forgetSession(sessionId);
  });

  const principalFrom = (person: Person, sessionId: string, memberships: readonly MembershipRecord[]): Principal => ({
    personId: person.id,
    name: person.name,
    email: person.email,
    sessionId,
    memberships: memberships.map(({ organisationId, role, unitId }) => (unitId === undefined ? { organisationId, role } : { organisationId, role, unitId })),
  });

  const principalOf = async (person: Person, sessionId: string): Promise<Principal> => principalFrom(person, sessionId, await deps.store.listMemberships(person.id));

  const refuseAfter = (seconds: number | undefined) => {
    if (seconds === undefined) return;
    const wait = seconds < 60 ? `${seconds} second(s)` : `${Math.ceil(seconds / 60)} minute(s)`;
    throw new DomainError('rate_limited', `Too many failed attempts. Try again in ${wait}.`, { retryAfterSeconds: seconds });
  };
  /** Refuses a try that must wait; otherwise counts it as failed until the password proves right (one atomic step). */
  const admit = async (attempt: LoginAttempt) => refuseAfter(await deps.throttle.admit(attempt));

  return {
    async login({ email, password }, context) {
      const person = await deps.store.findPersonByEmail(email.trim());
      const device = readDeviceCookie(context.deviceCookie);
      const knownDevice = person ? knownDeviceId(device, person.passwordHash, now().getTime()) : undefined;
      const attempt: LoginAttempt = { account: email, ip: context.ip, knownDevice };
      await admit(attempt);
      dummyHash ??= deps.hasher.hash(newSecretToken());
      const matches = await deps.hasher.verify(password, person?.passwordHash ?? (await dummyHash));
      if (!person || !matches || person.disabledAt !== undefined) {
        if (person) await deps.store.recordLoginRefused(person.id, matches ? 'disabled' : 'wrong_password', audit(context, person.id));
        throw new DomainError('unauthenticated', WRONG_CREDENTIALS);
      }
      await deps.throttle.recordSuccess(attempt);
      const owed = (await deps.secondFactorGate?.(person.id)) ?? 'none';
      if (owed !== 'none') return { secondFactor: owed, personId: person.id };
      const at = now();
      const { token, session } = newSession(person.id, context, 'password', at);
      await deps.store.createSession(session, audit(context, person.id));
      const { passwordHash, ...visible } = person;
      const deviceCookie = deviceCookieAfterLogin(device, passwordHash, at.getTime());
      return { token, csrfToken: session.csrfToken, expiresAt: session.expiresAt, principal: await principalOf(visible, session.id), deviceCookie };
    },

    async resolveSession(token, context) {
      if (!isWellFormedToken(token)) return undefined;
      const id = sessionIdOf(token);
      const cached = cache.get(id);
      const session = cached?.session ?? (await deps.store.findSession(id));
      if (!session) return undefined;
      const at = now().getTime();
      if (at >= Date.parse(session.expiresAt) || at - Date.parse(session.lastSeenAt) >= policy.idleMs) {
        cache.forgetSession(id);
        if (await deps.store.deleteSession(session.id, 'session.expired', audit(context, session.personId))) {
          deps.sessionRevoked.emit({ personId: session.personId, sessionIds: [session.id], reason: 'expired' });
        }
        return undefined;
      }
      const person = cached?.person ?? (await deps.store.findPerson(session.personId));
      if (!person || person.disabledAt !== undefined) return undefined;
      const memberships = await deps.store.listMemberships(person.id);
      let seen = session;
      if (at - Date.parse(session.lastSeenAt) >= policy.touchIntervalMs) {
        const lastSeenAt = new Date(at).toISOString();
        await deps.store.touchSession(session.id, lastSeenAt);
        seen = { ...session, lastSeenAt };
      }
      if (!cached || seen !== session) cache.set(id, { session: seen, person });
      return { principal: principalFrom(person, session.id, memberships), csrfToken: session.csrfToken, ...(session.secondFactorOwed ? { secondFactorOwed: true as const } : {}) };
    },

    async logout(principal, context) {
      if (await deps.store.deleteSession(principal.sessionId, 'auth.logout', audit(context, principal.personId))) {
        deps.sessionRevoked.emit({ personId: principal.personId, sessionIds: [principal.sessionId], reason: 'logout' });
      }
    },

    async describeSession(principal) {
      const [person, session] = await Promise.all([deps.store.findPerson(principal.personId), deps.store.findSession(principal.sessionId)]);
      if (!person || !session) throw new DomainError('unauthenticated', 'The session has ended. Log in again.');
      const organisations = new Map((await deps.store.listOrganisations(principal.memberships.map((membership) => membership.organisationId))).map((organisation) => [organisation.id, organisation]));
      const memberships = principal.memberships.flatMap((membership) => {
        const organisation = organisations.get(membership.organisationId);
        return organisation ? [{ ...membership, organisationName: organisation.name, organisationKind: organisation.kind }] : [];
      });
      return { person, memberships, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },

    async startInvitedSession(personId, context) {
      return startSession(personId, context, 'password');
    },

    async startExternalSession(personId, context) {
      return startSession(personId, context, 'oidc');
    },

    async changePassword(principal, { currentPassword, newPassword }, context) {
      // Guesses through a session count on that session alone: whoever holds it cannot slow the
      // owner's logins, and gets no more tries than a known device would.
      const attempt: LoginAttempt = { account: principal.email, knownDevice: `session:${principal.sessionId}` };
      refuseAfter(await deps.throttle.retryAfterSeconds(attempt));
      const issues = passwordIssues(newPassword, '/newPassword');
      if (issues.length > 0) throw new DomainError('invalid', issues[0]!.message, { issues });
      const person = await deps.store.findPersonWithCredentials(principal.personId);
      if (!person) throw new DomainError('unauthenticated', 'The session has ended. Log in again.');
      await admit(attempt);
      if (!(await deps.hasher.verify(currentPassword, person.passwordHash))) {
        const message = 'The current password is wrong.';
        throw new DomainError('invalid', message, { issues: [{ code: 'password.wrong', path: '/currentPassword', message }] });
      }
      await deps.throttle.recordSuccess(attempt);
      const ended = await deps.store.changePassword(person.id, await deps.hasher.hash(newPassword), principal.sessionId, audit(context, person.id));
      if (ended.length > 0) deps.sessionRevoked.emit({ personId: person.id, sessionIds: ended, reason: 'password_changed' });
    },
  };

  /** A new session and the token for its cookie (only the token's hash is stored). */
  function newSession(personId: string, context: RequestContext, signInMethod: SignInMethod, at: Date): { token: string; session: SessionRecord } {
    const token = newSecretToken();
    const session: SessionRecord = {
      id: sessionIdOf(token),
      personId,
      csrfToken: newSecretToken(),
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + policy.absoluteMs).toISOString(),
      ...(context.ip === undefined ? {} : { ip: context.ip }),
      ...(context.userAgent === undefined ? {} : { userAgent: context.userAgent.slice(0, 512) }),
      ...(signInMethod === 'password' ? {} : { signInMethod }),
    };
    return { token, session };
  }

  /** A session for a person someone else has vouched for: their invitation just set the password, or their provider identified them. */
  async function startSession(personId: string, context: RequestContext, signInMethod: SignInMethod): Promise<LoginResult> {
    const person = await deps.store.findPerson(personId);
    if (!person || person.disabledAt !== undefined) throw new DomainError('not_found', 'There is no such account.');
    const { token, session } = newSession(person.id, context, signInMethod, now());
    await deps.store.createSession(session, audit(context, person.id));
    return { token, csrfToken: session.csrfToken, expiresAt: session.expiresAt, principal: await principalOf(person, session.id) };
  }
}
