import { describe, expect, it } from 'vitest';
import { createScryptPasswordHasher } from '../auth/scrypt-password-hasher.js';
import { createTestClock } from '../clock.js';
import { createSequentialIds } from '../ids.js';
import { createSqliteAccountsStore } from '../storage/sqlite/accounts-store.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { createOrganisationService } from './accounts/organisation-service.js';
import { MIN_PASSWORD_LENGTH } from './accounts/password-policy.js';
import { createSessionRevokedHub } from './accounts/session-revoked.js';
import { DEMO_ACCOUNTS, seedDemo } from './demo-accounts.js';

describe('seedDemo', () => {
  it('creates the demo organisations and one account per role, once', async () => {
    const { db } = openDatabase({ file: ':memory:' });
    const store = createSqliteAccountsStore(db);
    const hasher = createScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
    const organisations = createOrganisationService({ store, hasher, sessionRevoked: createSessionRevokedHub(), clock: createTestClock(), ids: createSequentialIds('id') });

    const printed = await seedDemo({ organisations });
    const again = await seedDemo({ organisations });

    expect(again).toEqual(printed);
    expect(printed.map((account) => [account.organisation, account.roles[0]])).toEqual([
      ['Careloom Demo Publishing', 'designer'],
      ['Careloom Demo Publishing', 'publisher'],
      ['Careloom Demo Publishing', 'tester'],
      ['Careloom Demo Publishing', 'permissions_admin'],
      ['Demo Care Provider', 'care_provider_admin'],
      ['Demo Care Provider', 'therapist'],
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM organisations').get()).toEqual({ n: 2 });
    // The six demo accounts, and the examples' author every database has (migration 180), who is no account.
    expect(db.prepare("SELECT count(*) AS n FROM people WHERE id <> 'careloom-examples'").get()).toEqual({ n: 6 });
    expect(db.prepare('SELECT count(*) AS n FROM memberships').get()).toEqual({ n: 6 });
    for (const account of DEMO_ACCOUNTS) {
      expect(account.password.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
      const person = await store.findPersonByEmail(account.email);
      expect(await hasher.verify(account.password, person!.passwordHash)).toBe(true);
    }
    db.close();
  });
});
