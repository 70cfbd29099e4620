import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';
import { ENROLLMENT_ACCESS_COLUMNS } from './change-hooks.js';
import { openDatabase } from './open-database.js';
import { createSqliteStores } from './sqlite-stores.js';

// The stores keep a person's memberships and a patient's enrollments for a moment
// (read-cache.ts). These tests change the rows with plain SQL, as no store method does, to show
// that this connection's change triggers make the stores forget whatever path the change took.
async function storesWithTherapist() {
  const { db } = openDatabase({ file: ':memory:' });
  const stores = createSqliteStores(db);
  const at = '2026-12-05T10:00:00.000Z';
  await stores.accounts.createOrganisation({ id: 'org-1', slug: 'org-1', name: 'Org', kind: 'care_provider', createdAt: at }, { at });
  await stores.accounts.createPersonWithMemberships({ id: 'person-1', email: 'a@example.test', name: 'A', passwordHash: 'x', createdAt: at }, 'org-1', [{ role: 'care_provider_admin' }], { at });
  return { db, stores };
}

describe('change hooks', () => {
  it('a role granted outside the stores is seen on the next read', async () => {
    const { db, stores } = await storesWithTherapist();
    expect((await stores.accounts.listMemberships('person-1')).map((m) => m.role)).toEqual(['care_provider_admin']);
    db.prepare("INSERT INTO memberships (person_id, organisation_id, role, granted_at) VALUES ('person-1', 'org-1', 'data_admin', '2026-12-05T10:00:00.000Z')").run();
    expect((await stores.accounts.listMemberships('person-1')).map((m) => m.role).sort()).toEqual(['care_provider_admin', 'data_admin']);
  });

  it('a role taken away outside the stores stops working on the next read', async () => {
    const { db, stores } = await storesWithTherapist();
    await stores.accounts.listMemberships('person-1');
    db.prepare("DELETE FROM memberships WHERE person_id = 'person-1'").run();
    expect(await stores.accounts.listMemberships('person-1')).toEqual([]);
  });

  it('a role changed in place is seen on the next read', async () => {
    const { db, stores } = await storesWithTherapist();
    await stores.accounts.listMemberships('person-1');
    db.prepare("UPDATE memberships SET role = 'data_admin' WHERE person_id = 'person-1'").run();
    expect((await stores.accounts.listMemberships('person-1')).map((m) => m.role)).toEqual(['data_admin']);
  });

  it('a write that rolls back leaves the next read right', async () => {
    const { db, stores } = await storesWithTherapist();
    await stores.accounts.listMemberships('person-1');
    expect(() =>
      db.transaction(() => {
        db.prepare("DELETE FROM memberships WHERE person_id = 'person-1'").run();
        throw new Error('changed my mind');
      })(),
    ).toThrow('changed my mind');
    expect((await stores.accounts.listMemberships('person-1')).map((m) => m.role)).toEqual(['care_provider_admin']);
  });

  it('leaves other connections free to write those tables, and their writes are seen once the kept read expires', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloom-change-hooks-'));
    try {
      const file = join(dir, 'db.sqlite');
      const { db } = openDatabase({ file });
      const stores = createSqliteStores(db);
      const at = '2026-12-05T10:00:00.000Z';
      await stores.accounts.createOrganisation({ id: 'org-1', slug: 'org-1', name: 'Org', kind: 'care_provider', createdAt: at }, { at });
      await stores.accounts.createPersonWithMemberships({ id: 'person-1', email: 'a@example.test', name: 'A', passwordHash: 'x', createdAt: at }, 'org-1', [{ role: 'care_provider_admin' }], { at });
      expect(await stores.accounts.listMemberships('person-1')).toHaveLength(1);
      // Another connection, as the sqlite3 shell or a command beside the server would open it.
      const other = new Database(file);
      other.prepare("DELETE FROM memberships WHERE person_id = 'person-1'").run();
      other.close();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await stores.accounts.listMemberships('person-1')).toEqual([]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('change hooks on enrollments', () => {
  it("a patient's enrollment changed outside the stores is seen on their next request", async () => {
    const t = await createCareTestApp();
    const ids = await seedCareScenario(t);
    const statusOf = async () => {
      const { enrollments } = expectStatus(await t.call('patient', 'GET', '/api/me/enrollments'), 200) as { enrollments: Array<{ id: string; status: string }> };
      return enrollments.find((enrollment) => enrollment.id === ids.panicEnrollmentId)?.status;
    };
    expect(await statusOf()).toBe('active');
    t.db.prepare("UPDATE enrollments SET status = 'paused' WHERE id = ?").run(ids.panicEnrollmentId);
    expect(await statusOf()).toBe('paused');
  });

  it('an answer touching only the last activity keeps the kept enrollments, and every other column forgets them', async () => {
    const t = await createCareTestApp();
    const ids = await seedCareScenario(t);
    const columns = (t.db.prepare("SELECT name FROM pragma_table_info('enrollments')").all() as Array<{ name: string }>).map((row) => row.name);
    // A column a migration adds is an access column until someone decides otherwise here.
    expect(columns.filter((name) => name !== 'last_activity_at').sort()).toEqual([...ENROLLMENT_ACCESS_COLUMNS].sort());
    const patientId = (t.db.prepare('SELECT patient_id FROM enrollments WHERE id = ?').get(ids.panicEnrollmentId) as { patient_id: string }).patient_id;
    const kept = await t.stores.care.listEnrollmentsOfPatient(patientId);
    t.db.prepare('UPDATE enrollments SET last_activity_at = ? WHERE id = ?').run('2026-12-06T10:00:00.000Z', ids.panicEnrollmentId);
    expect(await t.stores.care.listEnrollmentsOfPatient(patientId)).toBe(kept);
    t.db.prepare("UPDATE enrollments SET status = 'paused' WHERE id = ?").run(ids.panicEnrollmentId);
    expect(await t.stores.care.listEnrollmentsOfPatient(patientId)).not.toBe(kept);
  });

  it('a unit changed outside the stores is seen on the next read', async () => {
    const t = await createCareTestApp();
    const ids = await seedCareScenario(t);
    const unitId = (t.db.prepare('SELECT unit_id FROM enrollments WHERE id = ?').get(ids.panicEnrollmentId) as { unit_id: string }).unit_id;
    expect((await t.stores.care.getUnit(unitId))?.timeZone).not.toBe('Pacific/Auckland');
    t.db.prepare("UPDATE care_units SET time_zone = 'Pacific/Auckland' WHERE id = ?").run(unitId);
    expect((await t.stores.care.getUnit(unitId))?.timeZone).toBe('Pacific/Auckland');
  });

  it('a unit looked for before it existed is found once it is created', async () => {
    const t = await createCareTestApp();
    const ids = await seedCareScenario(t);
    const unitId = (t.db.prepare('SELECT unit_id FROM enrollments WHERE id = ?').get(ids.panicEnrollmentId) as { unit_id: string }).unit_id;
    expect(await t.stores.care.getUnit('unit-later')).toBeUndefined();
    t.db.prepare("INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) SELECT 'unit-later', organisation_id, 'Later', 1, time_zone, settings, created_at, updated_at FROM care_units WHERE id = ?").run(unitId);
    expect((await t.stores.care.getUnit('unit-later'))?.name).toBe('Later');
  });
});
