import type { OrganisationKind } from './accounts/accounts-store.js';
import type { OrganisationService } from './accounts/organisation-service.js';
import type { Role } from './principal.js';

/** One demo login, to print at start. */
export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  organisation: string;
  roles: Role[];
}

interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  people: Array<{ key: string; name: string; roles: Role[] }>;
}

/**
 * The demo organisations and one account per role. Passwords are public (they are printed and in
 * this file): for a local demo only, never on a server others can reach.
 */
const DEMO: readonly DemoOrganisation[] = [
  {
    slug: 'careloom-demo-publishing',
    name: 'Careloom Demo Publishing',
    kind: 'publisher',
    people: [
      { key: 'designer', name: 'Dana Designer', roles: ['designer'] },
      { key: 'publisher', name: 'Paul Publisher', roles: ['publisher'] },
      { key: 'tester', name: 'Tess Tester', roles: ['tester'] },
      { key: 'permissions-admin', name: 'Pat Permissions', roles: ['permissions_admin'] },
    ],
  },
  {
    slug: 'demo-care-provider',
    name: 'Demo Care Provider',
    kind: 'care_provider',
    people: [
      { key: 'care-admin', name: 'Cora Care-Admin', roles: ['care_provider_admin'] },
      { key: 'therapist', name: 'Theo Therapist', roles: ['therapist'] },
    ],
  },
];

/** The demo logins, without touching storage (for docs and tests). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = DEMO.flatMap((organisation) =>
  organisation.people.map((person) => ({
    email: `${person.key}@demo.careloom.test`,
    password: `careloom-demo-${person.key}`,
    name: person.name,
    organisation: organisation.name,
    roles: person.roles,
  })),
);

/**
 * Creates the demo organisations and accounts if they are missing; running it again changes
 * nothing (an existing account keeps its password). Returns the logins for main.ts to print with
 * a "local use only" warning.
 *
 * @example
 * for (const account of await seedDemo({ organisations })) logger.warn(`${account.email} / ${account.password}`);
 */
export async function seedDemo(services: { organisations: OrganisationService }): Promise<DemoAccount[]> {
  for (const organisation of DEMO) {
    const created = await services.organisations.ensureOrganisation({ slug: organisation.slug, name: organisation.name, kind: organisation.kind });
    for (const person of organisation.people) {
      const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${person.key}@demo.careloom.test`)!;
      await services.organisations.ensureAccount({ email: account.email, name: account.name, password: account.password }, created.id, person.roles);
    }
  }
  return [...DEMO_ACCOUNTS];
}
