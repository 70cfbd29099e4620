import { createCareTestApp } from '../../testing/care-test-app.js';
import { runVersionMoveStoreContract } from '../contract/version-move-store.contract.js';
import { createSqliteVersionMoveStore } from './version-move-store.js';

runVersionMoveStoreContract('sqlite', async () => {
  const { db } = await createCareTestApp();
  db.prepare("INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) VALUES ('u', 'care-1', 'U', 1, 'UTC', '{}', 'x', 'x'), ('u2', 'care-1', 'U2', 1, 'UTC', '{}', 'x', 'x')").run();
  const deployment = db.prepare("INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES (?, ?, 'module', 'phq-9', ?, 'PHQ-9', ?, '[]', 'active', 'x', 'person-therapist')");
  deployment.run('d1', 'u', 1, 'b'.repeat(64));
  // A second version of PHQ-9 as the authoring store would have it (submitted is enough for the foreign key).
  db.prepare("INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) SELECT module_id, 2, content, ?, 'Second', authored_by, contributors, draft_seq, created_at FROM versions WHERE module_id = 'phq-9' AND number = 1").run('c'.repeat(64));
  deployment.run('d2', 'u', 2, 'c'.repeat(64));
  deployment.run('d3', 'u2', 2, 'c'.repeat(64));
  db.prepare("INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at) VALUES ('e', 'u', 'd1', 'person-patient', 'active', '2026-03-02', '2026-03-01T23:00:00.000Z', '[]', 'person-therapist', 'x', 'x')").run();
  const before = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  return {
    moves: createSqliteVersionMoveStore(db),
    therapistId: 'person-therapist',
    enrollment: async () => {
      const row = db.prepare("SELECT deployment_id, modules FROM enrollments WHERE id = 'e'").get() as { deployment_id: string; modules: string };
      return { deploymentId: row.deployment_id, modules: JSON.parse(row.modules) as unknown };
    },
    deploymentStatus: async (id) => (db.prepare('SELECT status FROM deployments WHERE id = ?').get(id) as { status: string }).status,
    auditActions: async () => (db.prepare('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq').all(before) as Array<{ action: string }>).map((row) => row.action),
    rawMove: async (deploymentId) => {
      db.prepare("UPDATE enrollments SET deployment_id = ? WHERE id = 'e'").run(deploymentId);
    },
    endEnrollment: async () => {
      db.prepare("UPDATE enrollments SET status = 'ended' WHERE id = 'e'").run();
    },
    deleteEnrollment: async () => {
      db.prepare("DELETE FROM invitations WHERE enrollment_id = 'e'").run();
      db.prepare("DELETE FROM enrollments WHERE id = 'e'").run();
    },
  };
});
