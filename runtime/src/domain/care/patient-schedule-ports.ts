import type { ScheduleAdjustments } from '@careloom/format/engine';
import type { CareAuditEntry, CareWriteResult, EnrollmentStatus } from './ports.js';

/** A patient's schedule adjustments as stored: revision 0 and no adjustments until a therapist changes something. */
export interface StoredPatientSchedule {
  enrollmentId: string;
  adjustments: ScheduleAdjustments;
  /** How many changes were saved; the next save must name it. */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/**
 * One patient's schedule adjustments (migration 070, PostgreSQL 030). Each save is one transaction
 * with its audit row and, for a pause or resume, the enrollment's new status.
 */
export interface PatientScheduleStore {
  /** The enrollment's adjustments (none at revision 0 when nothing was changed). */
  get(enrollmentId: string): Promise<StoredPatientSchedule>;
  /**
   * Saves the adjustments if the stored revision is still `revision` (and, with `status`, the
   * enrollment's status is still `status.from`, which becomes `status.to`): `stale` otherwise,
   * `missing` for an unknown enrollment. Nothing is written unless everything is.
   */
  save(input: {
    enrollmentId: string;
    revision: number;
    adjustments: ScheduleAdjustments;
    at: string;
    by: string;
    status?: { from: EnrollmentStatus; to: EnrollmentStatus };
    audit: CareAuditEntry;
  }): Promise<CareWriteResult<StoredPatientSchedule>>;
}
