import type { ExternalIdentity } from '../oidc/external-identity-store.js';
import type { QueuedMail } from '../care/ports.js';
import type { Role } from '../principal.js';
import type { AuditContext, NewPerson, RoleGrant } from './accounts-store.js';

/** The languages an invitation e-mail is written in. */
export type InvitationLanguage = 'en' | 'sv' | 'nb';

/** One invitation into an organisation, as stored. `tokenHash` is the SHA-256 of the link's token; the token itself is never stored. */
export interface MemberInvitationRecord {
  id: string;
  organisationId: string;
  /** The address it was sent to; only the account with this address may accept it. */
  email: string;
  /** Organisation-wide roles granted on acceptance. */
  roles: Role[];
  language: InvitationLanguage;
  tokenHash: string;
  /** The permissions admin who sent it last. */
  invitedBy: string;
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** An open invitation (neither accepted nor withdrawn; possibly expired) with the sender's name, for the People screen. */
export interface OpenInvitation extends MemberInvitationRecord {
  invitedByName: string;
}

/**
 * Who accepts: a signed-in account, or a new person whose account is created by the acceptance
 * (with `identity`, signing in with OpenID Connect: the identity is linked to the new account in
 * the same transaction, and one linked to someone else meanwhile is a DomainError('conflict')).
 */
export type Acceptor = { personId: string } | { newPerson: NewPerson; identity?: { identity: ExternalIdentity; auditId: string } };

/** Why an acceptance did not happen; the service answers all of them alike except `account_exists`. */
export type AcceptRefusal = 'missing' | 'closed' | 'expired' | 'wrong_person' | 'inviter_gone' | 'account_exists';

export type AcceptResult = { ok: true; personId: string; organisationId: string; rolesBefore: RoleGrant[]; rolesAfter: RoleGrant[] } | { ok: false; reason: AcceptRefusal };

/**
 * Invitations into organisations. Each method is one atomic unit (one transaction in SQL) that
 * writes its own audit row; the e-mail of a new or renewed invitation is written to the mail
 * outbox in the same transaction, so an invitation exists exactly when its e-mail does.
 * Implementation: storage/sqlite/member-invitation-store.ts; behaviour pinned by
 * storage/contract/member-invitation-store.contract.ts.
 */
export interface MemberInvitationStore {
  /** Stores the invitation and queues its e-mail; an open invitation of the same address to the same organisation is withdrawn (replaced). */
  createInvitation(input: { invitation: MemberInvitationRecord; mail: QueuedMail; audit: AuditContext }): Promise<{ replaced: number }>;
  findInvitation(id: string): Promise<MemberInvitationRecord | undefined>;
  findInvitationByToken(tokenHash: string): Promise<MemberInvitationRecord | undefined>;
  /** How many invitation e-mails the organisation sent (new and resent) after `since`. */
  countSentSince(organisationId: string, since: string): Promise<number>;
  /** The organisation's open invitations (expired ones included), newest first. */
  listOpenInvitations(organisationId: string): Promise<OpenInvitation[]>;
  /** Withdraws an open invitation of the organisation (compare-and-set); false when there is none open with this id. */
  revokeInvitation(input: { id: string; organisationId: string; at: string; audit: AuditContext }): Promise<boolean>;
  /**
   * Gives an open invitation a new token and expiry and queues its e-mail again (compare-and-set):
   * the earlier link stops working. Undefined when there is none open with this id.
   */
  renewInvitation(input: { id: string; organisationId: string; tokenHash: string; sentAt: string; expiresAt: string; invitedBy: string; mail: QueuedMail; audit: AuditContext }): Promise<MemberInvitationRecord | undefined>;
  /**
   * Accepts the invitation behind `tokenHash` once (compare-and-set on "open, unexpired at `at`"):
   * grants its roles to the acceptor, creating the account first for a new person. Refused when
   * the invitation is not open, has expired, was sent to another address than the acceptor's, or
   * its sender no longer holds one of `inviterRoles` in the organisation; a new person whose
   * address has an account meanwhile gets `account_exists` and nothing is written.
   */
  acceptInvitation(input: { tokenHash: string; at: string; acceptor: Acceptor; inviterRoles: readonly Role[]; audit: AuditContext }): Promise<AcceptResult>;
}
