import type { DesignerApi } from '../api/api-client.js';
import type { Session, SessionMembership } from '@careloom/format/api';
import { t } from '../i18n/i18n.js';

/**
 * What every screen works in: the API client, the signed-in person and the publishing
 * organisation they chose, with their roles there. `<cl-designer-app>` builds it after login and
 * hands it to each screen (and to `<cl-module-editor>`) as the `workspace` property.
 */
export interface Workspace {
  api: DesignerApi;
  session: Session;
  organisationId: string;
  organisationName: string;
  /** The person's roles in that organisation (designer, publisher, tester, …). */
  roles: readonly string[];
}

/** Roles that open the designer's authoring screens. */
export const DESIGNER_ROLES: readonly string[] = ['designer', 'publisher', 'tester'];

/** The role that manages an organisation's people (the People screen). */
export const PEOPLE_ADMIN_ROLE = 'permissions_admin';

/**
 * The publishing organisations in which the person holds a designer, publisher, tester or
 * permissions admin role, with their roles there. A permissions admin without an authoring role
 * still comes in, to manage the people.
 */
export function designerOrganisations(memberships: readonly SessionMembership[]): Array<{ id: string; name: string; roles: string[] }> {
  const organisations = new Map<string, { id: string; name: string; roles: string[] }>();
  for (const membership of memberships) {
    if (membership.organisationKind !== 'publisher') continue;
    const entry = organisations.get(membership.organisationId) ?? { id: membership.organisationId, name: membership.organisationName, roles: [] };
    entry.roles.push(membership.role);
    organisations.set(membership.organisationId, entry);
  }
  return [...organisations.values()].filter((organisation) => organisation.roles.some((role) => DESIGNER_ROLES.includes(role) || role === PEOPLE_ADMIN_ROLE));
}

/** Whether the person may edit drafts in the workspace's organisation. */
export function canEdit(workspace: Pick<Workspace, 'roles'>): boolean {
  return workspace.roles.includes('designer');
}

/** Whether the person manages the people of the workspace's organisation (the server decides; this only shapes the screens). */
export function canManagePeople(workspace: Pick<Workspace, 'roles'>): boolean {
  return workspace.roles.includes(PEOPLE_ADMIN_ROLE);
}

/** Whether the person holds any authoring role (designer, publisher, tester) in the workspace's organisation. */
export function canAuthor(workspace: Pick<Workspace, 'roles'>): boolean {
  return workspace.roles.some((role) => DESIGNER_ROLES.includes(role));
}

/**
 * The author of the examples shipped with Careloom (the demo seed writes and submits them as it), a
 * person nobody signs in as: the server's `EXAMPLES_AUTHOR` (runtime/src/domain/examples-author.ts).
 */
export const EXAMPLES_AUTHOR_ID = 'careloom-examples';

/**
 * How the person behind an id is shown: "you" for the signed-in person, the examples' author in the
 * interface language, else the name or a short form of the id (names of others are not sent to every role).
 */
export function personLabel(workspace: Pick<Workspace, 'session'>, personId: string | null | undefined, you: string, name?: string | null): string {
  if (!personId) return name ?? '—';
  if (personId === workspace.session.person.id) return you;
  if (personId === EXAMPLES_AUTHOR_ID) return t('people.examplesAuthor');
  if (name) return name;
  return personId.length > 12 ? `${personId.slice(0, 8)}…` : personId;
}
