import type Database from 'better-sqlite3';
import type { PatientScheduleStore, StoredPatientSchedule } from '../../domain/care/patient-schedule-ports.js';
import { writeAuditEntry } from './sqlite-audit-log.js';

/** A stored row of `patient_schedules` (migration 070), shared with the PostgreSQL store. */
export interface PatientScheduleRow {
  enrollment_id: string;
  adjustments: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}

export function toPatientSchedule(enrollmentId: string, row: PatientScheduleRow | undefined): StoredPatientSchedule {
  if (!row) return { enrollmentId, adjustments: {}, revision: 0, updatedAt: null, updatedBy: null };
  return { enrollmentId, adjustments: JSON.parse(row.adjustments) as StoredPatientSchedule['adjustments'], revision: Number(row.revision), updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/**
 * Patients' schedule adjustments on SQLite. A save is one transaction: the compare-and-set on the
 * revision, the enrollment's status when pausing or resuming, and the audit row.
 */
export function createSqlitePatientScheduleStore(db: Database.Database): PatientScheduleStore {
  const select = db.prepare<[string], PatientScheduleRow>('SELECT * FROM patient_schedules WHERE enrollment_id = ?');
  const enrollmentExists = db.prepare<[string], { ok: number }>('SELECT 1 AS ok FROM enrollments WHERE id = ?');
  const insert = db.prepare('INSERT INTO patient_schedules (enrollment_id, adjustments, revision, updated_at, updated_by) VALUES (?, ?, 1, ?, ?) ON CONFLICT (enrollment_id) DO NOTHING');
  const update = db.prepare('UPDATE patient_schedules SET adjustments = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE enrollment_id = ? AND revision = ?');
  const setStatus = db.prepare('UPDATE enrollments SET status = ?, updated_at = ? WHERE id = ? AND status = ?');

  const save = db.transaction((input: Parameters<PatientScheduleStore['save']>[0]) => {
    if (!enrollmentExists.get(input.enrollmentId)) return { ok: false as const, reason: 'missing' as const };
    const json = JSON.stringify(input.adjustments);
    const saved = input.revision === 0
      ? insert.run(input.enrollmentId, json, input.at, input.by).changes
      : update.run(json, input.at, input.by, input.enrollmentId, input.revision).changes;
    if (saved === 0) return { ok: false as const, reason: 'stale' as const };
    if (input.status && setStatus.run(input.status.to, input.at, input.enrollmentId, input.status.from).changes === 0) {
      // Someone changed the status meanwhile: undo the whole save.
      throw new StaleStatus();
    }
    writeAuditEntry(db, input.audit);
    return { ok: true as const, value: toPatientSchedule(input.enrollmentId, select.get(input.enrollmentId)) };
  });

  return {
    get: async (enrollmentId) => toPatientSchedule(enrollmentId, select.get(enrollmentId)),
    save: async (input) => {
      try {
        return save(input);
      } catch (error) {
        if (error instanceof StaleStatus) return { ok: false, reason: 'stale' };
        throw error;
      }
    },
  };
}

class StaleStatus extends Error {}
