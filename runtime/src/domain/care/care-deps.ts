import type { RateLimits } from '../rate-limits.js';
import type { Logger } from '../../logger.js';
import type { Principal } from '../principal.js';
import type { AlertSafetyStore } from './alert-safety-ports.js';
import type { PatientScheduleStore } from './patient-schedule-ports.js';
import type { VersionMoveStore } from './version-move-ports.js';
import type { PatientNoticeStore, StaffNoticeStore } from './outreach-ports.js';
import type { CareStore, MailOutbox, PatientAccounts, ReleasedContent } from './ports.js';

/** Passwords and a session for a new patient who has just chosen their first password through an invitation. */
export interface InvitedSessions {
  /** Refuses a password the policy rejects (`invalid`, path `/password`) before changing anything. */
  checkPassword(password: string): void;
  /** The hash to store; the care store sets it as the first password in the invitation's transaction. */
  hashPassword(password: string): Promise<string>;
  /** Opens a session for the person whose first password the invitation has just set; the token goes into the cookie. */
  startSession(personId: string, context: { ip: string | null; requestId: string | null; userAgent?: string }): Promise<{ token: string; principal: Principal }>;
}

/** Everything the care service depends on, passed in by the composition root (server.ts). */
export interface CareDeps {
  store: CareStore;
  /** The safety protocol's writes (alert-safety.ts). */
  alertSafety: AlertSafetyStore;
  /** Each patient's schedule adjustments (patient-schedule.ts). */
  patientSchedules: PatientScheduleStore;
  /** Moves of enrolled patients to newer versions (version-moves.ts). */
  versionMoves: VersionMoveStore;
  /** Patients' e-mail notices and their choice to have them (outreach.ts). */
  patientNotices: PatientNoticeStore;
  /** Information admins post to the staff of units (staff-notices.ts). */
  staffNotices: StaffNoticeStore;
  /** At most one "new message" e-mail per patient in this long (default an hour). */
  messageNoticeIntervalMs?: number;
  content: ReleasedContent;
  accounts: PatientAccounts;
  sessions: InvitedSessions;
  /** The outbox, when mail goes there (no SMTP configured); GET /api/dev/outbox reads it. */
  outbox?: MailOutbox;
  now: () => Date;
  newId: () => string;
  /** A new one-time invitation code, as shown (`XXXXX-XXXXX`; see invitation-code.ts). */
  newInvitationCode: () => string;
  /** The address patients reach the app at, for invitation links. */
  publicUrl: () => string;
  /** Where background work (the minute job) reports what failed. */
  logger: Logger;
  /** Each patient's responsible therapists (storage/sqlite/staff-store.ts), for "my patients". */
  responsible?: { patientsOf(unitId: string, therapistId: string): Promise<string[]> };
  /** Where the public forms' rate limits count (the database's, shared by every process); memory when left out (tests). */
  rateLimits?: RateLimits;
  /** How long an invitation stays valid (default 14 days). */
  invitationTtlMs?: number;
}

/** Who is asking, and the request facts the audit log records. */
export interface CareContext {
  principal: Principal | undefined;
  requestId: string | null;
  ip: string | null;
  userAgent?: string;
  /** Language of summaries the server builds (titles in lists). */
  language?: string;
}
