// Accounts on the wire: sessions, organisations, members and member invitations.

/** Every role a person can hold; therapist and patient are scoped further to a unit. */
export type Role = 'designer' | 'publisher' | 'tester' | 'permissions_admin' | 'care_provider_admin' | 'data_admin' | 'therapist' | 'patient';

export type OrganisationKind = 'publisher' | 'care_provider';

/** A person as others may see them: never a password hash or a session. */
export interface PersonView {
  id: string;
  name: string;
  email: string;
  disabledAt?: string;
}

/** Organisation-wide roles as names; unit-scoped ones apart. */
export interface RoleNames {
  roles: Role[];
  unitRoles?: Array<{ role: Role; unitId: string | undefined }>;
}

export interface SessionMembership {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: Role;
  unitId?: string;
}

/** GET /api/auth/me and POST /api/auth/login. */
export interface Session {
  person: PersonView;
  memberships: SessionMembership[];
  csrfToken: string;
  expiresAt: string;
}

/** GET /api/organisations (each entry). */
export interface MyOrganisation extends RoleNames {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
}

/** GET /api/organisations/:id/members (each entry), and the answer of setting roles. */
export interface Member extends RoleNames {
  person: PersonView;
}

/** POST /api/organisations/:id/invitations: an e-mail address, the roles it gets on acceptance, the e-mail's language. */
export interface InviteBody {
  email: string;
  roles: Role[];
  language?: 'en' | 'sv' | 'nb';
}

/** POST /api/public/member-invitations/preview and /accept. */
export interface InvitationTokenBody {
  token: string;
}

/** POST /api/public/member-invitations/join: the link's token, a new person's name and password. */
export interface JoinBody {
  token: string;
  name: string;
  password: string;
}

/** PUT /api/organisations/:id/members/:personId/roles. */
export interface SetRolesBody {
  roles: Role[];
}

/** An open invitation (GET /api/organisations/:id/invitations, and the answer of inviting or resending): never the token. */
export interface MemberInvitation {
  id: string;
  email: string;
  roles: Role[];
  invitedBy: { id: string; name: string };
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  expired: boolean;
}

/** POST /api/public/member-invitations/preview: what a link offers. */
export interface InvitationPreview {
  organisation: { name: string; kind: OrganisationKind };
  email: string;
  roles: Role[];
  invitedByName: string;
  expiresAt: string;
}

/** The membership an acceptance gave. */
export interface AcceptedInvitation {
  organisation: { id: string; name: string; kind: OrganisationKind };
  roles: Role[];
}
