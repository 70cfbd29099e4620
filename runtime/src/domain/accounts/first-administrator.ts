import type { Issue } from '@careloom/format';
import { DomainError } from '../errors.js';
import type { Role } from '../principal.js';
import type { AccountsStore, Organisation, OrganisationKind, Person } from './accounts-store.js';
import type { PasswordHasher } from './password-hasher.js';
import { passwordIssues } from './password-policy.js';

/** The role that manages a new organisation's people, and (for a care provider) its units. */
export const FIRST_ADMIN_ROLE: Readonly<Record<OrganisationKind, Role>> = Object.freeze({ publisher: 'permissions_admin', care_provider: 'care_provider_admin' });

export interface FirstAdministratorInput {
  email: string;
  name: string;
  /** The organisation's name; its slug is made from it. */
  organisation: string;
  kind: OrganisationKind;
  password: string;
}

export interface FirstAdministratorDeps {
  store: AccountsStore;
  hasher: PasswordHasher;
  now: () => Date;
  newId: () => string;
}

/** `Vårdcentralen Norr` → `vardcentralen-norr`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Creates an organisation and its first administrator (a permissions admin for a publisher, a
 * care-provider admin for a care provider), for the `admin:create` command run by whoever operates
 * the server; never reachable over HTTP. Refuses an e-mail that already has an account (its password
 * is never replaced) and an organisation that already has members. An organisation left without
 * members by an interrupted earlier run is reused.
 *
 * @throws DomainError('invalid') naming the field; DomainError('conflict') for a taken e-mail or organisation
 * @example
 * await createFirstAdministrator({ store, hasher, now, newId }, { email, name, organisation: 'Region Norr', kind: 'care_provider', password });
 */
export async function createFirstAdministrator(deps: FirstAdministratorDeps, input: FirstAdministratorInput): Promise<{ organisation: Organisation; person: Person; role: Role }> {
  const email = input.email.trim();
  const name = input.name.trim();
  const organisationName = input.organisation.trim();
  const slug = slugOf(organisationName);
  const issues: Issue[] = [
    ...(EMAIL.test(email) && email.length <= 254 ? [] : [{ code: 'person.email', path: '/email', message: `"${input.email}" is not an e-mail address.` }]),
    ...(name === '' || name.length > 200 ? [{ code: 'person.name_required', path: '/name', message: 'Give the administrator a name (at most 200 characters).' }] : []),
    ...(slug === '' || organisationName.length > 200 ? [{ code: 'organisation.name', path: '/organisation', message: 'Give the organisation a name with at least one letter or digit (at most 200 characters).' }] : []),
    ...(input.kind === 'publisher' || input.kind === 'care_provider' ? [] : [{ code: 'organisation.kind', path: '/kind', message: `The kind must be "care_provider" or "publisher", not "${String(input.kind)}".` }]),
    ...passwordIssues(input.password, '/password'),
  ];
  if (issues.length > 0) throw new DomainError('invalid', issues.map((issue) => issue.message).join(' '), { issues });
  if (await deps.store.findPersonByEmail(email)) {
    throw new DomainError('conflict', `${email} already has an account. Its password is not changed here; use another address, or have an administrator of the organisation invite this person.`);
  }
  const at = deps.now().toISOString();
  let organisation = await deps.store.findOrganisationBySlug(slug);
  if (organisation) {
    if (organisation.kind !== input.kind || (await deps.store.listMembers(organisation.id)).length > 0) {
      throw new DomainError('conflict', `There is already an organisation "${organisation.name}" (${slug}). Choose another name; its own administrators manage its people.`);
    }
  } else {
    organisation = await deps.store.createOrganisation({ id: deps.newId(), slug, name: organisationName, kind: input.kind, createdAt: at }, { at });
  }
  const role = FIRST_ADMIN_ROLE[input.kind];
  const passwordHash = await deps.hasher.hash(input.password);
  const person = await deps.store.createPersonWithMemberships({ id: deps.newId(), email, name, passwordHash, createdAt: at }, organisation.id, [{ role }], { at });
  return { organisation, person, role };
}
