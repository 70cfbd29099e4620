import type { AuditEntry, NewAuditEntry } from '../../storage/types.js';

/** An audit entry as the data administrator reads it: with the actor's name and the unit's name. */
export interface AuditRecord extends AuditEntry {
  seq: number;
  actorName: string | null;
  unitName: string | null;
}

export interface AuditSearch {
  organisationId: string;
  patientId?: string;
  actorId?: string;
  action?: string;
  /** At or after (ISO). */
  from?: string;
  /** Before (ISO). */
  until?: string;
  /** Entries older than this `seq` (the previous page's `nextCursor`). */
  before?: number;
  limit: number;
}

/** A read of a patient's data as the review report lists it. */
export interface ReadRecord {
  seq: number;
  at: string;
  actorId: string;
  actorName: string | null;
  actorRole: string | null;
  unitId: string | null;
  unitName: string | null;
  timeZone: string | null;
  patientId: string;
  /** Whether the reader is one of the patient's responsible therapists in the unit today. */
  onCaseload: boolean;
}

/** Everything stored about one patient at one care provider, for the export. */
export interface PatientRecord {
  person: { id: string; name: string; email: string; createdAt: string };
  enrollments: Array<Record<string, unknown>>;
  responses: Array<Record<string, unknown>>;
  alerts: Array<Record<string, unknown>>;
  messages: Array<Record<string, unknown>>;
  plans: Array<Record<string, unknown>>;
  /** Notice e-mails sent about the patient's enrollments here (a new message, new material, a therapist's reminder, with who sent it). */
  notices: Array<Record<string, unknown>>;
  /** The patient's own choice about notice e-mails (one for all care providers), or null when never changed. */
  noticeSettings: { emailNotices: boolean; updatedAt: string } | null;
  /** Program reminders sent for the patient's enrollments here. */
  reminders: Array<Record<string, unknown>>;
  reads: AuditRecord[];
}

/** Who read a patient's data, for the patient. */
export interface PatientReadView {
  at: string;
  name: string | null;
  role: string | null;
  unit: string | null;
}

/**
 * The data administrator's port: audit search and review, one patient's export and purge, and the
 * patient's own view of who read their data. Implementations: storage/sqlite/data-admin-store.ts and
 * storage/postgres/postgres-data-admin-store.ts.
 */
export interface DataAdminStore {
  searchAudit(search: AuditSearch): Promise<AuditRecord[]>;
  /** Reads of patient data (`patient.read`) at the care provider in [from, until). */
  readsBetween(organisationId: string, from: string, until: string, limit: number): Promise<ReadRecord[]>;
  /** Whether the person is a patient of the care provider (enrolled in one of its units). */
  isPatientOf(organisationId: string, patientId: string): Promise<boolean>;
  /** Whether the person has any role or enrollment outside this care provider, or a staff role in it. */
  hasOtherTies(organisationId: string, patientId: string): Promise<boolean>;
  patientRecord(organisationId: string, patientId: string): Promise<PatientRecord | undefined>;
  /**
   * Erases the patient: responses, messages, alerts, plans, enrollments, invitations, referrals,
   * reminders, mail, sessions, roles and the account, and writes `tombstone` (which carries no
   * personal data) in the same transaction; then removes what the database keeps of the deleted rows
   * (SQLite: secure_delete and a WAL checkpoint; PostgreSQL: VACUUM, see its store for the limits).
   */
  purgePatient(input: { patientId: string; tombstone: NewAuditEntry }): Promise<{ enrollments: number; responses: number; messages: number; alerts: number }>;
  /** `patient.read` entries naming the patient, newest first. */
  readsOfPatient(patientId: string, limit: number): Promise<PatientReadView[]>;
  /** Appends an audit entry (reading the audit log, exporting) through the one audit writer. */
  record(entry: NewAuditEntry): Promise<void>;
}
