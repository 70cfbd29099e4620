import { runVersionMoveStoreContract } from '../contract/version-move-store.contract.js';
import { createPostgresVersionMoveStore } from './postgres-version-move-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

const FIXTURE = [
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-a', 'org-a', 'Publisher', 'publisher', 'x'), ('care-1', 'care-1', 'Care', 'care_provider', 'x')",
  "INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES ('person-therapist', 't@example.org', 'Therapist', 'h', 'x', 'x'), ('person-patient', 'p@example.org', 'Patient', 'h', 'x', 'x')",
  "INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at) VALUES ('phq-9', 'org-a', 'module', 'PHQ-9', 'person-therapist', 'x', 'x')",
  `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) VALUES ('phq-9', 1, '{}', '${'f'.repeat(64)}', '', 'person-therapist', '[]', 0, 'x'), ('phq-9', 2, '{}', '${'e'.repeat(64)}', '', 'person-therapist', '[]', 0, 'x')`,
  "INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) VALUES ('u', 'care-1', 'U', 1, 'UTC', '{}', 'x', 'x'), ('u2', 'care-1', 'U2', 1, 'UTC', '{}', 'x', 'x')",
  `INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES ('d1', 'u', 'module', 'phq-9', 1, 'PHQ-9', '${'b'.repeat(64)}', '[]', 'active', 'x', 'person-therapist'), ('d2', 'u', 'module', 'phq-9', 2, 'PHQ-9', '${'c'.repeat(64)}', '[]', 'active', 'x', 'person-therapist'), ('d3', 'u2', 'module', 'phq-9', 2, 'PHQ-9', '${'c'.repeat(64)}', '[]', 'active', 'x', 'person-therapist')`,
  "INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at) VALUES ('e', 'u', 'd1', 'person-patient', 'active', '2026-03-02', '2026-03-01T23:00:00.000Z', '[]', 'person-therapist', 'x', 'x')",
];

runVersionMoveStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  for (const sql of FIXTURE) await pool.query(sql);
  return {
    moves: createPostgresVersionMoveStore(pool),
    therapistId: 'person-therapist',
    enrollment: async () => {
      const row = (await pool.query<{ deployment_id: string; modules: string }>("SELECT deployment_id, modules FROM enrollments WHERE id = 'e'")).rows[0]!;
      return { deploymentId: row.deployment_id, modules: JSON.parse(row.modules) as unknown };
    },
    deploymentStatus: async (id) => (await pool.query<{ status: string }>('SELECT status FROM deployments WHERE id = $1', [id])).rows[0]!.status,
    auditActions: async () => (await pool.query<{ action: string }>('SELECT action FROM audit_log ORDER BY seq')).rows.map((row) => row.action),
    rawMove: async (deploymentId) => {
      await pool.query("UPDATE enrollments SET deployment_id = $1 WHERE id = 'e'", [deploymentId]);
    },
    endEnrollment: async () => {
      await pool.query("UPDATE enrollments SET status = 'ended' WHERE id = 'e'");
    },
    deleteEnrollment: async () => {
      await pool.query("DELETE FROM enrollments WHERE id = 'e'");
    },
  };
});
