import { describe, expect, it } from 'vitest';
import { createSequentialIds } from '../../ids.js';
import { createSqliteAccountsStore } from '../../storage/sqlite/accounts-store.js';
import { openDatabase } from '../../storage/sqlite/open-database.js';
import { DomainError } from '../errors.js';
import { createFirstAdministrator, slugOf } from './first-administrator.js';
import type { PasswordHasher } from './password-hasher.js';

const hasher: PasswordHasher = { hash: async (password) => `plain$${password}`, verify: async (password, encoded) => encoded === `plain$${password}` };

function setup() {
  const { db } = openDatabase({ file: ':memory:' });
  const ids = createSequentialIds('t');
  const store = createSqliteAccountsStore(db, { ids });
  return { db, store, deps: { store, hasher, now: () => new Date('2026-03-02T08:00:00.000Z'), newId: () => ids.newId() } };
}

const INPUT = { email: 'ada@example.org', name: 'Ada Admin', organisation: 'Vårdcentralen Norr', kind: 'care_provider' as const, password: 'ada has a long password' };

describe('createFirstAdministrator', () => {
  it('makes a slug from the organisation name', () => {
    expect(slugOf('Vårdcentralen Norr')).toBe('vardcentralen-norr');
    expect(slugOf('  Helse Sør-Øst ')).toBe('helse-sor-ost');
    expect(slugOf('!!!')).toBe('');
  });

  it('creates the organisation and a care-provider admin (or a permissions admin for a publisher)', async () => {
    const { store, deps } = setup();
    const created = await createFirstAdministrator(deps, INPUT);
    expect(created).toMatchObject({ organisation: { slug: 'vardcentralen-norr', kind: 'care_provider' }, role: 'care_provider_admin' });
    expect((await store.listMembers(created.organisation.id)).map((member) => member.roles)).toEqual([[{ role: 'care_provider_admin' }]]);
    const publisher = await createFirstAdministrator(deps, { ...INPUT, email: 'per@example.org', organisation: 'Förlaget', kind: 'publisher' });
    expect(publisher.role).toBe('permissions_admin');
  });

  it('names every field that is wrong, and creates nothing', async () => {
    const { db, deps } = setup();
    const refusal = await createFirstAdministrator(deps, { email: 'not an address', name: ' ', organisation: '***', kind: 'hospital' as never, password: 'short' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).issues?.map((issue) => issue.path)).toEqual(['/email', '/name', '/organisation', '/kind', '/password']);
    expect(db.prepare('SELECT count(*) AS n FROM organisations').get()).toEqual({ n: 0 });
  });

  it('reuses an organisation an interrupted run left without members, and refuses one that has them', async () => {
    const { store, deps } = setup();
    const empty = await store.createOrganisation({ id: 'org-1', slug: 'vardcentralen-norr', name: 'Vårdcentralen Norr', kind: 'care_provider', createdAt: '2026-03-01T00:00:00.000Z' }, { at: '2026-03-01T00:00:00.000Z' });
    expect((await createFirstAdministrator(deps, INPUT)).organisation.id).toBe(empty.id);
    await expect(createFirstAdministrator(deps, { ...INPUT, email: 'bo@example.org' })).rejects.toThrow(/already an organisation/);
  });
});
