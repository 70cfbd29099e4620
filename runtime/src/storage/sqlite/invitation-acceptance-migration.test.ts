import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { readMigrationFiles } from './migration-files.js';

const AT = '2026-01-01T00:00:00.000Z';

describe('migration 009 (invitation acceptance) on data written before it', () => {
  it('marks a password as chosen for everyone but invitation accounts that never redeemed, and accepted enrollments by their redeemed invitation', () => {
    const db = new Database(':memory:');
    // Only the rows this migration reads; the released content a deployment points at is left out.
    db.pragma('foreign_keys = OFF');
    const all = readMigrationFiles();
    const index = all.findIndex((migration) => migration.name === '009-invitation-acceptance.sql');
    migrate(db, all.slice(0, index), () => new Date(AT));
    db.prepare("INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('care', 'care', 'Care', 'care_provider', ?)").run(AT);
    const person = db.prepare("INSERT INTO people (id, email, name, password_hash, created_at) VALUES (?, ?, ?, 'scrypt$x', ?)");
    for (const id of ['staff', 'never-redeemed', 'redeemed', 'staff-invited']) person.run(id, `${id}@example.org`, id, AT);
    const member = db.prepare("INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_at) VALUES (?, 'care', ?, ?, ?)");
    member.run('staff', 'therapist', 'unit', AT);
    member.run('staff-invited', 'care_provider_admin', null, AT);
    for (const id of ['never-redeemed', 'redeemed', 'staff-invited']) member.run(id, 'patient', 'unit', AT);
    db.prepare("INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) VALUES ('unit', 'care', 'Unit', 1, 'UTC', '{}', ?, ?)").run(AT, AT);
    db.prepare("INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES ('d', 'unit', 'module', 'm', 1, 'M', ?, '[]', 'active', ?, 'staff')").run('b'.repeat(64), AT);
    const enrollment = db.prepare("INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at) VALUES (?, 'unit', 'd', ?, ?, '2026-01-01', ?, '[]', 'staff', ?, ?)");
    const invitation = db.prepare('INSERT INTO invitations (code_hash, enrollment_id, person_id, created_at, expires_at, redeemed_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const [n, id, redeemedAt] of [[1, 'never-redeemed', null], [2, 'redeemed', '2026-01-02T00:00:00.000Z'], [3, 'staff-invited', null]] as const) {
      enrollment.run(`e-${id}`, id, redeemedAt ? 'active' : 'invited', AT, AT, AT);
      invitation.run(String(n).repeat(64), `e-${id}`, id, AT, '2026-02-01T00:00:00.000Z', redeemedAt);
    }

    // The migration's own SQL: migrate() would also check every foreign key, and the released
    // content the deployment points at is not part of this test.
    db.exec(all[index]!.sql);

    expect(db.prepare('SELECT id, password_chosen_at FROM people ORDER BY id').all()).toEqual([
      { id: 'never-redeemed', password_chosen_at: null },
      { id: 'redeemed', password_chosen_at: AT },
      { id: 'staff', password_chosen_at: AT },
      // An admin set this one's password; a patient invitation must never replace it.
      { id: 'staff-invited', password_chosen_at: AT },
    ]);
    expect(db.prepare('SELECT id, accepted_at, invited_name FROM enrollments ORDER BY id').all()).toEqual([
      { id: 'e-never-redeemed', accepted_at: null, invited_name: null },
      { id: 'e-redeemed', accepted_at: '2026-01-02T00:00:00.000Z', invited_name: null },
      { id: 'e-staff-invited', accepted_at: null, invited_name: null },
    ]);
    db.close();
  });
});
