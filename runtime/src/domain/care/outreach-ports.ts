import type { CareAuditEntry, QueuedMail } from './ports.js';

/** What an e-mail notice to a patient was about: an unread message, new material, or a therapist's reminder. */
export type PatientNoticeKind = 'message' | 'material' | 'reminder';

/** One notice e-mailed to a patient, as the clinic's timeline shows it. */
export interface PatientNoticeRecord {
  id: string;
  patientId: string;
  enrollmentId: string;
  kind: PatientNoticeKind;
  sentAt: string;
  /** The therapist who sent a reminder; null for the minute job's notices. */
  sentBy: string | null;
  sentByName: string | null;
}

/** A patient with therapists' messages they have not read, newer than their last message notice. */
export interface PendingMessageNotice {
  patientId: string;
  /** The enrollment of the newest such message: its unit's organisation and its language. */
  enrollmentId: string;
  /** The newest unread therapist message: its id is the notice's claim. */
  messageId: string;
  sentAt: string;
}

/** Why a claim wrote nothing: the claims were taken, notices are off, or the interval has not passed. */
export type NoticeRefusal = 'claimed' | 'off' | 'too_soon';

/**
 * Patients' e-mail notices (migration 160, PostgreSQL 120). A claim is one transaction with its
 * outbox row (and audit row), taken one patient at a time (PostgreSQL: an advisory lock on the
 * patient), so two minute jobs or a restart never send the same notice twice, and a patient who
 * just turned notices off is never sent one.
 */
export interface PatientNoticeStore {
  /** Whether the patient wants e-mail notices (yes until they say otherwise). */
  emailNotices(patientId: string): Promise<boolean>;
  /** Stores the patient's choice with its audit row. */
  setEmailNotices(input: { patientId: string; emailNotices: boolean; at: string; audit: CareAuditEntry }): Promise<void>;
  /**
   * Patients with an unread therapist message sent at or before `at`, after their last message
   * notice, on an accepted, open enrollment, who have not turned notices off.
   */
  pendingMessageNotices(at: string): Promise<PendingMessageNotice[]>;
  /**
   * Sends one notice: in one transaction, refused (`off`) when the patient turned notices off,
   * (`too_soon`) when `notSince` is given and a notice of the same kind went to the patient after
   * it, (`claimed`) when every key in `claims` was already claimed, else writes the notice, the
   * claims not yet taken, its mail and, with `audit`, its audit row. A reminder
   * (`localDate`) is refused as `too_soon` when the patient already had one that day.
   */
  claimNotice(input: {
    notice: { id: string; patientId: string; enrollmentId: string; kind: PatientNoticeKind; sentAt: string; sentBy: string | null; localDate?: string };
    claims: readonly string[];
    notSince?: string;
    mail: QueuedMail;
    audit?: CareAuditEntry;
  }): Promise<{ ok: true } | { ok: false; reason: NoticeRefusal }>;
  /** The notices sent about one enrollment, newest first. */
  listNotices(enrollmentId: string, limit?: number): Promise<PatientNoticeRecord[]>;
}

/** Information a care-provider admin posted to the staff of some of their units. */
export interface StaffNoticeRecord {
  id: string;
  organisationId: string;
  title: string;
  body: string;
  emailed: boolean;
  postedBy: string;
  postedByName: string;
  postedAt: string;
  unitIds: string[];
}

/** A notice as one member of staff sees it. */
export interface StaffNoticeForReader extends StaffNoticeRecord {
  readAt: string | null;
}

/** Who works in a unit (any role but patient): the readers of a notice to it. */
export interface StaffRecipient {
  personId: string;
  email: string;
}

/**
 * Staff notices (migration 160, PostgreSQL 120). Posting is one transaction with its unit rows,
 * the e-mails (when asked) and the audit row.
 */
export interface StaffNoticeStore {
  /** Staff of the units (roles other than patient, accounts not disabled), each person once. */
  recipients(unitIds: readonly string[]): Promise<StaffRecipient[]>;
  /** The organisation's name, for the e-mail. */
  organisationName(organisationId: string): Promise<string | undefined>;
  post(input: { notice: Omit<StaffNoticeRecord, 'postedByName'>; mails: readonly QueuedMail[]; audit: CareAuditEntry }): Promise<StaffNoticeRecord>;
  /** An organisation's notices, newest first. */
  listOfOrganisation(organisationId: string, limit?: number): Promise<StaffNoticeRecord[]>;
  /** The notices posted to any of `unitIds`, newest first, with whether `personId` has read each. */
  listForReader(personId: string, unitIds: readonly string[], limit?: number): Promise<StaffNoticeForReader[]>;
  get(id: string): Promise<StaffNoticeRecord | undefined>;
  /** Records that the person read the notice (the first time counts). */
  markRead(input: { noticeId: string; personId: string; at: string }): Promise<void>;
}
