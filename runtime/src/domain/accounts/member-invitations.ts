import type { ExternalIdentity } from '../oidc/external-identity-store.js';
import { createHash } from 'node:crypto';
import type { Issue } from '@careloom/format';
import type { MemberInvitation as InvitationView, InvitationPreview, AcceptedInvitation } from '@careloom/format/api';
import type { Clock } from '../../clock.js';
import { MAIL_SECRET, type QueuedMail } from '../care/ports.js';
import type { IdGenerator } from '../../ids.js';
import { DomainError } from '../errors.js';
import { hasRole, type Principal, type Role } from '../principal.js';
import type { AccountsStore, AuditContext, Organisation } from './accounts-store.js';
import type { AuthenticationService, LoginResult } from './authentication-service.js';
import { memberInvitationMail } from './member-invitation-mail.js';
import type { InvitationLanguage, MemberInvitationRecord, MemberInvitationStore, OpenInvitation } from './member-invitation-store.js';
import { memberAccess } from './member-policy.js';
import { ASSIGNABLE_ROLES, MEMBER_MANAGER_ROLES } from './organisation-roles.js';
import type { PasswordHasher } from './password-hasher.js';
import { passwordIssues } from './password-policy.js';
import type { RequestContext } from './request-context.js';
import { isWellFormedToken, newSecretToken } from './session-token.js';

/** A week: long enough for someone on leave to find it, short enough that a forgotten link dies. */
export const DEFAULT_MEMBER_INVITATION_TTL_MS = 7 * 24 * 3600_000;

/**
 * Invitation e-mails (new and resent) one organisation may send per hour: plenty for onboarding a
 * team, too few to turn Careloom into a way of mailing strangers.
 */
export const DEFAULT_INVITATIONS_PER_HOUR = 60;
const HOUR_MS = 3600_000;

export interface MemberInvitationServiceDeps {
  invitations: MemberInvitationStore;
  accounts: AccountsStore;
  hasher: PasswordHasher;
  /** A new person is signed in through the ordinary login with the password they just chose. */
  authentication: Pick<AuthenticationService, 'login'>;
  clock: Clock;
  ids: IdGenerator;
  /** Where the people open Careloom; the link in the e-mail starts with it. */
  publicUrl: () => string;
  /** The secret in the link; 32 random bytes (base64url) unless a test chooses. */
  newToken?: () => string;
  ttlMs?: number;
  /** Invitation e-mails per organisation and hour; DEFAULT_INVITATIONS_PER_HOUR unless a test chooses. */
  perHour?: number;
}

export interface InviteInput {
  email: string;
  roles: Role[];
  /** The language of the e-mail; English unless given. */
  language?: InvitationLanguage;
}

// What the admin, the link's holder and the accepting person see are wire types, defined once.
export type { MemberInvitation as InvitationView, InvitationPreview, AcceptedInvitation } from '@careloom/format/api';

export interface MemberInvitationService {
  invite(principal: Principal, organisationId: string, input: InviteInput, context: RequestContext): Promise<InvitationView>;
  list(principal: Principal, organisationId: string): Promise<InvitationView[]>;
  resend(principal: Principal, organisationId: string, invitationId: string, context: RequestContext): Promise<InvitationView>;
  revoke(principal: Principal, organisationId: string, invitationId: string, context: RequestContext): Promise<void>;
  preview(token: string): Promise<InvitationPreview>;
  /** A signed-in person accepts an invitation sent to their own e-mail address. */
  accept(principal: Principal, token: string, context: RequestContext): Promise<AcceptedInvitation>;
  /**
   * A new person accepts by signing in with OpenID Connect: their account is created with the
   * invitation's address, the name the provider gave, a password nobody knows and the identity
   * linked, in one transaction. The caller signs them in (oidc/oidc-sign-in.ts).
   */
  /**
   * A new person accepts: their account is created with the name and password they chose, and
   * they are signed in (no `login` when the login throttle refused: the person then signs in later).
   */
  joinWithIdentity(token: string, input: { name: string; identity: ExternalIdentity }, context: RequestContext): Promise<{ accepted: AcceptedInvitation; personId: string }>;
  join(token: string, input: { name: string; password: string }, context: RequestContext): Promise<{ accepted: AcceptedInvitation; login?: LoginResult }>;
}

/** One wording for every link that does not work, so the answer tells nothing about why. */
export const UNUSABLE_INVITATION = 'This invitation link is unknown, already used, withdrawn or expired. Ask the person who invited you for a new one.';
const NO_SUCH_INVITATION = 'There is no open invitation with this id in the organisation.';

/** SHA-256 (hex) of a link's token: only the hash is stored. */
export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Membership invitations: the only way a person becomes a member of an organisation over HTTP.
 * A permissions admin invites an e-mail address with roles; the answer is the same whether or not
 * the address has an account (no account enumeration), and nobody becomes a member until the
 * person behind the address accepts: an existing account signs in with its own password and
 * accepts; a new person follows the e-mailed link and chooses a name and a password. The admin
 * never sets anyone's password. An invitation is bound to the address it was sent to, because the
 * e-mail is the only proof the admin has of who they meant: a link forwarded to (or intercepted by)
 * someone signed in as another account must not make that account a member.
 *
 * @example
 * const invitations = createMemberInvitationService({ invitations: store, accounts, hasher, authentication, clock, ids, publicUrl: () => url });
 * await invitations.invite(admin, orgId, { email: 'sam@example.org', roles: ['designer'] }, { ip });
 */
export function createMemberInvitationService(deps: MemberInvitationServiceDeps): MemberInvitationService {
  const now = () => deps.clock.now();
  const newToken = deps.newToken ?? newSecretToken;
  const ttlMs = deps.ttlMs ?? DEFAULT_MEMBER_INVITATION_TTL_MS;
  const perHour = deps.perHour ?? DEFAULT_INVITATIONS_PER_HOUR;

  /** Refuses another invitation e-mail once the organisation sent its hourly allowance. */
  const withinAllowance = async (organisation: Organisation): Promise<void> => {
    const at = now().getTime();
    if ((await deps.invitations.countSentSince(organisation.id, new Date(at - HOUR_MS).toISOString())) < perHour) return;
    throw new DomainError('rate_limited', `${organisation.name} has sent ${perHour} invitations in the last hour, the most allowed. Try again later.`, { retryAfterSeconds: HOUR_MS / 1000 });
  };

  const auditOf = (context: RequestContext, principal: Principal | undefined, organisation: Organisation | undefined): AuditContext => {
    const actorRole = principal && organisation ? MEMBER_MANAGER_ROLES[organisation.kind].find((role) => hasRole(principal, organisation.id, role)) : undefined;
    return {
      at: now().toISOString(),
      ...(principal ? { actorId: principal.personId } : {}),
      ...(actorRole ? { actorRole } : {}),
      ...(context.ip === undefined ? {} : { ip: context.ip }),
      ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
    };
  };

  /** Loads the organisation and refuses anyone who may not manage its people (404 hides it from outsiders). */
  const managed = async (principal: Principal, organisationId: string): Promise<Organisation> => {
    const organisation = await deps.accounts.findOrganisation(organisationId);
    const access = organisation ? memberAccess(principal, organisation) : 'none';
    if (!organisation || access === 'none') throw new DomainError('not_found', 'No such organisation.');
    if (access !== 'manage') throw new DomainError('forbidden', "Only the organisation's permissions admins may manage its people.");
    return organisation;
  };

  const checkRoles = (organisation: Organisation, roles: readonly Role[]): Role[] => {
    const allowed = ASSIGNABLE_ROLES[organisation.kind];
    const issues: Issue[] = roles.flatMap((role, index) =>
      allowed.includes(role) ? [] : [{ code: 'role.not_assignable', path: `/roles/${index}`, message: `The role "${role}" cannot be given in a ${organisation.kind.replace('_', ' ')} organisation; choose one of ${allowed.join(', ')}.` }],
    );
    if (issues.length > 0) throw new DomainError('invalid', issues[0]!.message, { issues });
    return [...new Set(roles)];
  };

  /** Care-provider staff work in the clinic, a publisher's people in the designer: each app has its own invitation screen. */
  const linkOf = (organisation: Organisation, token: string) => `${deps.publicUrl().replace(/\/$/, '')}/${organisation.kind === 'care_provider' ? 'clinic' : 'designer'}#/invitation/${token}`;

  // The token goes to the outbox as the message's secret, written in the text only as the
  // placeholder: the outbox keeps it sealed, as it does a patient's invitation code.
  const mailOf = (invitation: Pick<MemberInvitationRecord, 'email' | 'roles' | 'language' | 'expiresAt'>, organisation: Organisation, inviterName: string, token: string, at: string): QueuedMail => ({
    id: deps.ids.newId(),
    to: invitation.email,
    ...memberInvitationMail({ language: invitation.language, organisationName: organisation.name, inviterName, roles: invitation.roles, url: linkOf(organisation, MAIL_SECRET), expiresAt: invitation.expiresAt }),
    secret: token,
    organisationId: organisation.id,
    createdAt: at,
  });

  const present = (invitation: MemberInvitationRecord, invitedByName: string): InvitationView => ({
    id: invitation.id,
    email: invitation.email,
    roles: [...invitation.roles],
    invitedBy: { id: invitation.invitedBy, name: invitedByName },
    createdAt: invitation.createdAt,
    sentAt: invitation.sentAt,
    expiresAt: invitation.expiresAt,
    expired: Date.parse(invitation.expiresAt) <= now().getTime(),
  });

  /** The open, unexpired invitation behind a link, and its organisation; one refusal for every other case. */
  const usable = async (token: string): Promise<{ invitation: MemberInvitationRecord; organisation: Organisation }> => {
    const invitation = isWellFormedToken(token) ? await deps.invitations.findInvitationByToken(invitationTokenHash(token)) : undefined;
    const open = invitation && invitation.acceptedAt === null && invitation.revokedAt === null && Date.parse(invitation.expiresAt) > now().getTime();
    const organisation = open ? await deps.accounts.findOrganisation(invitation.organisationId) : undefined;
    if (!invitation || !open || !organisation) throw new DomainError('not_found', UNUSABLE_INVITATION);
    // Roles are checked again against what the organisation allows today, not only when sent.
    if (invitation.roles.length === 0 || invitation.roles.some((role) => !ASSIGNABLE_ROLES[organisation.kind].includes(role))) throw new DomainError('not_found', UNUSABLE_INVITATION);
    return { invitation, organisation };
  };

  const acceptOnce = async (invitation: MemberInvitationRecord, organisation: Organisation, acceptor: Parameters<MemberInvitationStore['acceptInvitation']>[0]['acceptor'], context: RequestContext): Promise<AcceptedInvitation> => {
    const audit = auditOf(context, undefined, undefined);
    const result = await deps.invitations.acceptInvitation({ tokenHash: invitation.tokenHash, at: audit.at, acceptor, inviterRoles: MEMBER_MANAGER_ROLES[organisation.kind], audit });
    if (!result.ok) {
      if (result.reason === 'account_exists') throw new DomainError('conflict', 'An account with this e-mail address exists already. Sign in with it to accept the invitation.');
      if (result.reason === 'wrong_person') throw new DomainError('forbidden', 'This invitation was sent to another e-mail address. Sign in as the person it was sent to, or ask for an invitation to your own address.');
      throw new DomainError('not_found', UNUSABLE_INVITATION);
    }
    return { organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind }, roles: result.rolesAfter.filter((grant) => grant.unitId === undefined).map((grant) => grant.role) };
  };

  return {
    async invite(principal, organisationId, input, context) {
      const organisation = await managed(principal, organisationId);
      const roles = checkRoles(organisation, input.roles);
      const email = input.email.trim();
      // Whether the address has an account is never looked up, so neither the answer nor its
      // timing can tell. Whether it is already a member here is, because the admin sees the
      // members list anyway.
      if ((await deps.accounts.listMembers(organisation.id)).some((member) => member.person.email.toLowerCase() === email.toLowerCase())) {
        throw new DomainError('conflict', 'This person is already a member of the organisation; change their roles instead.');
      }
      await withinAllowance(organisation);
      const audit = auditOf(context, principal, organisation);
      const token = newToken();
      const invitation: MemberInvitationRecord = {
        id: deps.ids.newId(),
        organisationId: organisation.id,
        email,
        roles,
        language: input.language ?? 'en',
        tokenHash: invitationTokenHash(token),
        invitedBy: principal.personId,
        createdAt: audit.at,
        sentAt: audit.at,
        expiresAt: new Date(Date.parse(audit.at) + ttlMs).toISOString(),
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
        revokedBy: null,
      };
      await deps.invitations.createInvitation({ invitation, mail: mailOf(invitation, organisation, principal.name, token, audit.at), audit });
      return present(invitation, principal.name);
    },

    async list(principal, organisationId) {
      await managed(principal, organisationId);
      return (await deps.invitations.listOpenInvitations(organisationId)).map((invitation: OpenInvitation) => present(invitation, invitation.invitedByName));
    },

    async resend(principal, organisationId, invitationId, context) {
      const organisation = await managed(principal, organisationId);
      const before = await deps.invitations.findInvitation(invitationId);
      if (!before || before.organisationId !== organisation.id || before.acceptedAt !== null || before.revokedAt !== null) throw new DomainError('not_found', NO_SUCH_INVITATION);
      await withinAllowance(organisation);
      const audit = auditOf(context, principal, organisation);
      const token = newToken();
      const expiresAt = new Date(Date.parse(audit.at) + ttlMs).toISOString();
      const renewed = await deps.invitations.renewInvitation({
        id: before.id,
        organisationId: organisation.id,
        tokenHash: invitationTokenHash(token),
        sentAt: audit.at,
        expiresAt,
        invitedBy: principal.personId,
        mail: mailOf({ ...before, expiresAt }, organisation, principal.name, token, audit.at),
        audit,
      });
      if (!renewed) throw new DomainError('not_found', NO_SUCH_INVITATION);
      return present(renewed, principal.name);
    },

    async revoke(principal, organisationId, invitationId, context) {
      const organisation = await managed(principal, organisationId);
      const audit = auditOf(context, principal, organisation);
      if (!(await deps.invitations.revokeInvitation({ id: invitationId, organisationId: organisation.id, at: audit.at, audit }))) throw new DomainError('not_found', NO_SUCH_INVITATION);
    },

    async preview(token) {
      const { invitation, organisation } = await usable(token);
      const inviter = await deps.accounts.findPerson(invitation.invitedBy);
      return { organisation: { name: organisation.name, kind: organisation.kind }, email: invitation.email, roles: [...invitation.roles], invitedByName: inviter?.name ?? '', expiresAt: invitation.expiresAt };
    },

    async accept(principal, token, context) {
      const { invitation, organisation } = await usable(token);
      if (principal.email.trim().toLowerCase() !== invitation.email.trim().toLowerCase()) {
        throw new DomainError('forbidden', 'This invitation was sent to another e-mail address. Sign in as the person it was sent to, or ask for an invitation to your own address.');
      }
      return acceptOnce(invitation, organisation, { personId: principal.personId }, context);
    },

    async joinWithIdentity(token, input, context) {
      const { invitation, organisation } = await usable(token);
      const name = input.name.trim().slice(0, 200) || invitation.email.split('@')[0]!;
      const at = now().toISOString();
      // Nobody knows this password: the person signs in at their provider, or sets one later through
      // the e-mailed password reset.
      const passwordHash = await deps.hasher.hash(newSecretToken());
      const personId = deps.ids.newId();
      const accepted = await acceptOnce(invitation, organisation, { newPerson: { id: personId, email: invitation.email, name, passwordHash, createdAt: at }, identity: { identity: input.identity, auditId: deps.ids.newId() } }, context);
      return { accepted, personId };
    },

    async join(token, input, context) {
      const { invitation, organisation } = await usable(token);
      const name = input.name.trim();
      const issues: Issue[] = [...(name === '' ? [{ code: 'person.name_required', path: '/name', message: 'Write your name as others in the organisation should see it.' }] : []), ...passwordIssues(input.password, '/password')];
      if (issues.length > 0) throw new DomainError('invalid', issues[0]!.message, { issues });
      const at = now().toISOString();
      const passwordHash = await deps.hasher.hash(input.password);
      const accepted = await acceptOnce(invitation, organisation, { newPerson: { id: deps.ids.newId(), email: invitation.email, name, passwordHash, createdAt: at } }, context);
      // The ordinary login with the password just chosen: no separate way into a session. Should
      // the login refuse (its throttle), the membership stands and the person signs in later.
      try {
        const login = await deps.authentication.login({ email: invitation.email, password: input.password }, context);
        // An organisation that requires a second factor: the person signs in and enrols next.
        return 'secondFactor' in login ? { accepted } : { accepted, login };
      } catch (error) {
        if (error instanceof DomainError) return { accepted };
        throw error;
      }
    },
  };
}
