import { createCareTestApp } from '../../testing/care-test-app.js';
import { runPatientScheduleStoreContract } from '../contract/patient-schedule-store.contract.js';
import { createSqlitePatientScheduleStore } from './patient-schedule-store.js';

runPatientScheduleStoreContract('sqlite', async () => {
  const { db } = await createCareTestApp();
  db.prepare("INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) VALUES ('u', 'care-1', 'U', 1, 'UTC', '{}', 'x', 'x')").run();
  db.prepare("INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES ('d', 'u', 'module', 'phq-9', 1, 'PHQ-9', ?, '[]', 'active', 'x', 'person-therapist')").run('b'.repeat(64));
  db.prepare("INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at) VALUES ('e', 'u', 'd', 'person-patient', 'active', '2026-03-02', '2026-03-01T23:00:00.000Z', '[]', 'person-therapist', 'x', 'x')").run();
  const before = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  return {
    schedules: createSqlitePatientScheduleStore(db),
    enrollmentId: 'e',
    therapistId: 'person-therapist',
    status: async () => (db.prepare("SELECT status FROM enrollments WHERE id = 'e'").get() as { status: 'active' }).status,
    auditActions: async () => (db.prepare('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq').all(before) as Array<{ action: string }>).map((row) => row.action),
    deleteEnrollment: async () => {
      db.prepare("DELETE FROM invitations WHERE enrollment_id = 'e'").run();
      db.prepare("DELETE FROM enrollments WHERE id = 'e'").run();
    },
  };
});
