import { runPatientScheduleStoreContract } from '../contract/patient-schedule-store.contract.js';
import { createPostgresPatientScheduleStore } from './postgres-patient-schedule-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

const FIXTURE = [
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-a', 'org-a', 'Publisher', 'publisher', 'x'), ('care-1', 'care-1', 'Care', 'care_provider', 'x')",
  "INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES ('person-therapist', 't@example.org', 'Therapist', 'h', 'x', 'x'), ('person-patient', 'p@example.org', 'Patient', 'h', 'x', 'x')",
  "INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at) VALUES ('phq-9', 'org-a', 'module', 'PHQ-9', 'person-therapist', 'x', 'x')",
  `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) VALUES ('phq-9', 1, '{}', '${'f'.repeat(64)}', '', 'person-therapist', '[]', 0, 'x')`,
  "INSERT INTO version_states (module_id, number, state, changed_at, changed_by) VALUES ('phq-9', 1, 'submitted', 'x', 'person-therapist')",
  "INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) VALUES ('u', 'care-1', 'U', 1, 'UTC', '{}', 'x', 'x')",
  `INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES ('d', 'u', 'module', 'phq-9', 1, 'PHQ-9', '${'b'.repeat(64)}', '[]', 'active', 'x', 'person-therapist')`,
  "INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at) VALUES ('e', 'u', 'd', 'person-patient', 'active', '2026-03-02', '2026-03-01T23:00:00.000Z', '[]', 'person-therapist', 'x', 'x')",
];

runPatientScheduleStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  for (const sql of FIXTURE) await pool.query(sql);
  return {
    schedules: createPostgresPatientScheduleStore(pool),
    enrollmentId: 'e',
    therapistId: 'person-therapist',
    status: async () => (await pool.query<{ status: 'active' }>("SELECT status FROM enrollments WHERE id = 'e'")).rows[0]!.status,
    auditActions: async () => (await pool.query<{ action: string }>('SELECT action FROM audit_log ORDER BY seq')).rows.map((row) => row.action),
    deleteEnrollment: async () => {
      await pool.query("DELETE FROM enrollments WHERE id = 'e'");
    },
  };
});
