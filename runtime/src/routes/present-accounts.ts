import type { SessionDescription } from '../domain/accounts/authentication-service.js';
import type { Member, Person, RoleGrant } from '../domain/accounts/accounts-store.js';
import type { AcceptedInvitation, InvitationPreview, InvitationView } from '../domain/accounts/member-invitations.js';
import type { MyOrganisation } from '../domain/accounts/organisation-service.js';
import type * as Wire from '@careloom/format/api';

/*
 * Outbound whitelists for accounts: only the fields named here leave the server, in the shapes the
 * clients read (@careloom/format/api). No password hash,
 * no session id, no token other than the CSRF token of the caller's own session.
 */

export function presentPerson(person: Person): Wire.PersonView {
  return { id: person.id, name: person.name, email: person.email, ...(person.disabledAt ? { disabledAt: person.disabledAt } : {}) };
}

/** Organisation-wide roles as names; unit-scoped ones apart. */
function presentRoles(grants: readonly RoleGrant[]): Wire.RoleNames {
  const unitRoles = grants.filter((grant) => grant.unitId !== undefined).map((grant) => ({ role: grant.role, unitId: grant.unitId }));
  return { roles: grants.filter((grant) => grant.unitId === undefined).map((grant) => grant.role), ...(unitRoles.length > 0 ? { unitRoles } : {}) };
}

export function presentMember(member: Member): Wire.Member {
  return { person: presentPerson(member.person), ...presentRoles(member.roles) };
}

export function presentMyOrganisation(organisation: MyOrganisation): Wire.MyOrganisation {
  return { id: organisation.id, slug: organisation.slug, name: organisation.name, kind: organisation.kind, ...presentRoles(organisation.roles) };
}

export function presentSession(session: SessionDescription): Wire.Session {
  return {
    person: presentPerson(session.person),
    memberships: session.memberships.map((membership) => ({
      organisationId: membership.organisationId,
      organisationName: membership.organisationName,
      organisationKind: membership.organisationKind,
      role: membership.role,
      ...(membership.unitId === undefined ? {} : { unitId: membership.unitId }),
    })),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

/** An open invitation for the organisation's permissions admins: never the token or its hash. */
export function presentInvitation(invitation: InvitationView): Wire.MemberInvitation {
  return {
    id: invitation.id,
    email: invitation.email,
    roles: [...invitation.roles],
    invitedBy: { id: invitation.invitedBy.id, name: invitation.invitedBy.name },
    createdAt: invitation.createdAt,
    sentAt: invitation.sentAt,
    expiresAt: invitation.expiresAt,
    expired: invitation.expired,
  };
}

/** What the holder of a link sees before accepting. */
export function presentInvitationPreview(preview: InvitationPreview): Wire.InvitationPreview {
  return { organisation: { name: preview.organisation.name, kind: preview.organisation.kind }, email: preview.email, roles: [...preview.roles], invitedByName: preview.invitedByName, expiresAt: preview.expiresAt };
}

/** The membership an acceptance gave. */
export function presentAcceptedInvitation(accepted: AcceptedInvitation): Wire.AcceptedInvitation {
  return { organisation: { id: accepted.organisation.id, name: accepted.organisation.name, kind: accepted.organisation.kind }, roles: [...accepted.roles] };
}
