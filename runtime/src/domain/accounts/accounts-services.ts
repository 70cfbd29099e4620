import type { Clock } from '../../clock.js';
import type { IdGenerator } from '../../ids.js';
import type { AccountsStore } from './accounts-store.js';
import { createAuthenticationService, type AuthenticationService, type SessionPolicy } from './authentication-service.js';
import { createLoginThrottle, type LoginThrottleOptions } from './login-throttle.js';
import type { MemberInvitationStore } from './member-invitation-store.js';
import { createMemberInvitationService, type MemberInvitationService } from './member-invitations.js';
import { createOrganisationService, type OrganisationService } from './organisation-service.js';
import type { PasswordHasher } from './password-hasher.js';
import type { SessionCache } from './session-cache.js';
import { createSessionRevokedHub, type SessionRevokedHub } from './session-revoked.js';

export interface AccountsServicesDeps {
  store: AccountsStore;
  hasher: PasswordHasher;
  clock: Clock;
  ids: IdGenerator;
  throttle?: Partial<LoginThrottleOptions>;
  sessionPolicy?: SessionPolicy;
  /** Whether a right password still owes a second factor (second-factor/second-factor-service.ts). */
  secondFactorGate?: (personId: string) => Promise<'none' | 'code' | 'enrol'>;
  /** Resolved sessions kept for a moment (session-cache.ts); a one-second cache by default. */
  sessionCache?: SessionCache;
  /** Where a throwing sessionRevoked listener is reported. */
  onListenerError?: (error: unknown) => void;
  /** Membership invitations (the only way to add a person over HTTP). */
  invitations: { store: MemberInvitationStore; publicUrl: () => string; ttlMs?: number; perHour?: number; newToken?: () => string };
}

export interface AccountsServices {
  authentication: AuthenticationService;
  organisations: OrganisationService;
  invitations: MemberInvitationService;
  /** Subscribe to close a person's live connections when their sessions end or roles shrink. */
  sessionRevoked: SessionRevokedHub;
}

/**
 * Builds the accounts services around one store, sharing one login throttle and one
 * sessionRevoked hub.
 *
 * @example
 * const accounts = createAccountsServices({ store: stores.accounts, hasher: createScryptPasswordHasher(), clock, ids, invitations: { store: stores.memberInvitations, publicUrl } });
 * accounts.sessionRevoked.on(({ personId }) => collab.closeConnectionsOf(personId));
 */
export function createAccountsServices(deps: AccountsServicesDeps): AccountsServices {
  const sessionRevoked = createSessionRevokedHub(deps.onListenerError);
  const throttle = createLoginThrottle(() => deps.clock.now().getTime(), deps.throttle);
  const authentication = createAuthenticationService({ store: deps.store, hasher: deps.hasher, throttle, sessionRevoked, clock: deps.clock, ...(deps.sessionPolicy ? { sessionPolicy: deps.sessionPolicy } : {}), ...(deps.sessionCache ? { sessionCache: deps.sessionCache } : {}), ...(deps.secondFactorGate ? { secondFactorGate: deps.secondFactorGate } : {}) });
  const invitations = deps.invitations;
  return {
    sessionRevoked,
    authentication,
    organisations: createOrganisationService({ store: deps.store, hasher: deps.hasher, sessionRevoked, clock: deps.clock, ids: deps.ids }),
    invitations: createMemberInvitationService({
      invitations: invitations.store,
      accounts: deps.store,
      hasher: deps.hasher,
      authentication,
      clock: deps.clock,
      ids: deps.ids,
      publicUrl: invitations.publicUrl,
      ...(invitations.ttlMs === undefined ? {} : { ttlMs: invitations.ttlMs }),
      ...(invitations.perHour === undefined ? {} : { perHour: invitations.perHour }),
      ...(invitations.newToken ? { newToken: invitations.newToken } : {}),
    }),
  };
}
