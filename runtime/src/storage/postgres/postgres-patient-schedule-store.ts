import type pg from 'pg';
import type { PatientScheduleStore } from '../../domain/care/patient-schedule-ports.js';
import { toPatientSchedule, type PatientScheduleRow } from '../sqlite/patient-schedule-store.js';
import { inTransaction } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

/**
 * Patients' schedule adjustments on PostgreSQL (migration 030), like the SQLite store: the
 * compare-and-set on the revision, the enrollment's status when pausing or resuming and the audit
 * row commit together. The enrollment's row is locked first, so a pause and a concurrent status
 * change queue instead of both reading the old status.
 */
export function createPostgresPatientScheduleStore(pool: pg.Pool): PatientScheduleStore {
  const row = async (db: pg.ClientBase | pg.Pool, enrollmentId: string) => (await db.query<PatientScheduleRow>('SELECT * FROM patient_schedules WHERE enrollment_id = $1', [enrollmentId])).rows[0];
  return {
    get: async (enrollmentId) => toPatientSchedule(enrollmentId, await row(pool, enrollmentId)),
    save: async (input) => {
      const stale = Symbol('stale');
      try {
        return await inTransaction(pool, async (db) => {
          const enrollment = await db.query<{ status: string }>('SELECT status FROM enrollments WHERE id = $1 FOR UPDATE', [input.enrollmentId]);
          if (enrollment.rowCount === 0) return { ok: false as const, reason: 'missing' as const };
          const json = JSON.stringify(input.adjustments);
          const saved = input.revision === 0
            ? await db.query('INSERT INTO patient_schedules (enrollment_id, adjustments, revision, updated_at, updated_by) VALUES ($1, $2, 1, $3, $4) ON CONFLICT (enrollment_id) DO NOTHING', [input.enrollmentId, json, input.at, input.by])
            : await db.query('UPDATE patient_schedules SET adjustments = $1, revision = revision + 1, updated_at = $2, updated_by = $3 WHERE enrollment_id = $4 AND revision = $5', [json, input.at, input.by, input.enrollmentId, input.revision]);
          if ((saved.rowCount ?? 0) === 0) return { ok: false as const, reason: 'stale' as const };
          if (input.status) {
            const changed = await db.query('UPDATE enrollments SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4', [input.status.to, input.at, input.enrollmentId, input.status.from]);
            // Roll the whole save back: the status moved under us.
            if ((changed.rowCount ?? 0) === 0) throw stale;
          }
          await writeAuditEntryPg(db, input.audit);
          return { ok: true as const, value: toPatientSchedule(input.enrollmentId, await row(db, input.enrollmentId)) };
        });
      } catch (error) {
        if (error === stale) return { ok: false, reason: 'stale' };
        throw error;
      }
    },
  };
}
