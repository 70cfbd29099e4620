import type { MemberInvitationRecord } from '../../domain/accounts/member-invitation-store.js';
import type { Role } from '../../domain/principal.js';

/* The member_invitations row (migrations/007-member-invitations.sql) and its record, shared by the SQLite and PostgreSQL stores. */

export interface InvitationRow {
  id: string;
  organisation_id: string;
  email: string;
  roles: string;
  language: MemberInvitationRecord['language'];
  token_hash: string;
  invited_by: string;
  created_at: string;
  sent_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export const toInvitation = (row: InvitationRow): MemberInvitationRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  email: row.email,
  roles: JSON.parse(row.roles) as Role[],
  language: row.language,
  tokenHash: row.token_hash,
  invitedBy: row.invited_by,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
  acceptedBy: row.accepted_by,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
});

