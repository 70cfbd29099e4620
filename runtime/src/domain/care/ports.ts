import type { ExternalIdentity } from '../oidc/external-identity-store.js';
import type { AnswerValue } from '@careloom/format/engine';
import type { ModuleIndex } from '@careloom/format/engine';
import type { Condition } from '@careloom/format';
import type { Role } from '../principal.js';
import type * as Wire from '@careloom/format/api';

/**
 * What the care service needs from storage. As in authoring, every write is one atomic method
 * with an intent name that writes its own audit row; the service computes everything first
 * (answer checks, scores, zones, alerts) and then makes one call. Reads return plain records.
 */

export type UnitSettingKey = 'contactName' | 'phone' | 'crisisPhone' | 'email' | 'address' | 'openingHours';
export type UnitSettings = Partial<Record<UnitSettingKey, string>>;

export interface UnitRecord {
  id: string;
  organisationId: string;
  name: string;
  active: boolean;
  timeZone: string;
  settings: UnitSettings;
  intakeDeploymentId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ModulePin {
  moduleId: string;
  version: number;
}

export interface DeploymentRecord {
  id: string;
  unitId: string;
  kind: 'module' | 'program';
  documentId: string;
  version: number;
  title: string;
  contentHash: string;
  /** The module versions patients of this deployment get (a module deployment: itself). */
  modules: ModulePin[];
  status: 'active' | 'withdrawn';
  deployedAt: string;
  deployedBy: string;
  withdrawnAt: string | null;
}

export type EnrollmentStatus = 'invited' | 'active' | 'paused' | 'ended';

export interface EnrollmentRecord {
  id: string;
  unitId: string;
  deploymentId: string;
  patientId: string;
  status: EnrollmentStatus;
  /** Local date (unit time zone) of week 1's first day. */
  startedOn: string;
  /** Local midnight of `startedOn`, as an instant. */
  startedAt: string;
  modules: ModulePin[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string | null;
  /**
   * When the patient took the invitation up (redeemed it, or accepted it signed in with their own
   * account); null until then. Until then the enrollment is not the patient's to see, carries no
   * patient role, and cannot be made active.
   */
  acceptedAt: string | null;
  /** The name the therapist enrolled the patient under: the clinic shows it until the patient accepts. Null on enrollments older than the field. */
  invitedName: string | null;
  /** The language the patient was enrolled in (their invitation e-mails are in it); absent: the program's default language. */
  language?: string;
}

export interface InvitationRecord {
  codeHash: string;
  enrollmentId: string;
  personId: string;
  createdAt: string;
  expiresAt: string;
  redeemedAt: string | null;
}

export interface StoredScore {
  instrumentId: string;
  title: string;
  total: number | null;
  band: string | null;
  bandLabel: string | null;
  subscales: Record<string, number | null>;
  /** Ids of the alert rules that fired. */
  alerts: string[];
}

export interface StoredZone {
  registrationId: string;
  fieldId: string;
  zone: 'green' | 'yellow' | 'red';
}

export interface ResponseRecord {
  id: string;
  enrollmentId: string;
  clientId: string;
  /** SHA-256 of the canonical request body: tells a retry from another body under the same client id. */
  bodyHash: string;
  moduleId: string;
  moduleVersion: number;
  pageId: string | null;
  registrationId: string | null;
  answers: Record<string, AnswerValue>;
  completes: boolean;
  answeredAt: string;
  receivedAt: string;
  /** Local date (unit time zone) the patient answered on. */
  localDate: string;
  scores: StoredScore[];
  zones: StoredZone[];
}

export type AlertKind = 'score' | 'item' | 'zone' | 'missing_report';
export type AlertSeverity = 'info' | 'warning' | 'urgent';

/**
 * What an alert says, as data, so the clinic can word it in its own language. The wire contract
 * (`AlertDetails` in the API schema) is the one source; a stored alert always has one of its coded
 * forms, never the empty form the schema allows for alerts read back without details.
 */
export type AlertDetails = Exclude<Wire.AlertDetails, { code?: never }>;

export interface AlertRecord {
  id: string;
  enrollmentId: string;
  unitId: string;
  patientId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  /** Null for alerts raised before details were stored. */
  details: AlertDetails | null;
  moduleId: string | null;
  responseId: string | null;
  /** Raising an alert with a key already raised for the enrollment does nothing. */
  dedupeKey: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** The safety protocol (migration 030; domain/care/alert-safety.ts): when it was escalated, when the unit was e-mailed, what the acknowledging therapist did. Absent on alerts not read back from the store. */
  escalatedAt?: string | null;
  notifiedAt?: string | null;
  actionTaken?: AlertAction | null;
}

/** What a therapist did about an alert, recorded when acknowledging it. */
export interface AlertAction {
  kind: 'contacted' | 'risk_assessed' | 'referred' | 'other';
  /** What was done, in the therapist's words; required for `other`. */
  note?: string;
}

export interface PlanRecord {
  enrollmentId: string;
  moduleId: string;
  /** The registration block's id. */
  registrationId: string;
  /** The patient's own conditions, by zone rule id. */
  overrides: Record<string, Condition>;
  updatedAt: string;
  updatedBy: string;
}

export interface MessageRecord {
  id: string;
  enrollmentId: string;
  from: 'patient' | 'therapist';
  authorId: string;
  authorName: string;
  body: string;
  sentAt: string;
  readAt: string | null;
}

export interface ReferralContact {
  name: string;
  email: string;
  phone?: string;
}

export interface ReferralRecord {
  id: string;
  unitId: string;
  contact: ReferralContact;
  moduleId: string;
  moduleVersion: number;
  answers: Record<string, AnswerValue>;
  scores: StoredScore[];
  receivedAt: string;
  status: 'new' | 'accepted' | 'declined';
  decidedAt: string | null;
  decidedBy: string | null;
  enrollmentId: string | null;
}

/** Per-enrollment counters for the therapist's triage list. */
export interface EnrollmentActivity {
  enrollmentId: string;
  patientName: string;
  openAlerts: number;
  unreadMessages: number;
}

/** One audit_log row, written in the same transaction as the change (or read) it describes. */
export interface CareAuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: Role | null;
  action: string;
  objectType: string;
  objectId: string;
  organisationId: string | null;
  unitId: string | null;
  patientId: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export type CreateDeploymentResult = { ok: true; value: DeploymentRecord } | { ok: false; reason: 'duplicate'; existing: DeploymentRecord };

export type CareWriteResult<T> = { ok: true; value: T } | { ok: false; reason: 'stale' | 'missing' };

/**
 * Taking an invitation up: `stale` when the code is used or expired, `missing` when unknown,
 * `not_yours` when it is addressed to another person, `has_password` when a first password was
 * given for an account that already has one.
 */
export type AcceptInvitationResult = { ok: true; value: { invitation: InvitationRecord; enrollment: EnrollmentRecord } } | { ok: false; reason: 'stale' | 'missing' | 'not_yours' | 'has_password' };

/** Outcome of recording a response: `created` false when the client id was already used. */
export interface RecordedResponse {
  created: boolean;
  response: ResponseRecord;
}

export interface CareStore {
  createUnit(input: { unit: UnitRecord; audit: CareAuditEntry }): Promise<UnitRecord>;
  updateUnit(input: { unit: UnitRecord; audit: CareAuditEntry }): Promise<UnitRecord>;
  getUnit(id: string): Promise<UnitRecord | undefined>;
  /** Units of these organisations, plus these units, by name. */
  listUnits(scope: { organisationIds: readonly string[]; unitIds: readonly string[] }): Promise<UnitRecord[]>;

  /**
   * Inserts the deployment unless the unit already has an active deployment of the same version:
   * then nothing is written and that one is returned as `duplicate` (a second press of Deploy, or two
   * admins at once, must not give the unit two identical deployments that each list the program).
   */
  createDeployment(input: { deployment: DeploymentRecord; audit: CareAuditEntry }): Promise<CreateDeploymentResult>;
  getDeployment(id: string): Promise<DeploymentRecord | undefined>;
  listDeployments(unitId: string): Promise<DeploymentRecord[]>;
  withdrawDeployment(input: { id: string; at: string; audit: CareAuditEntry }): Promise<CareWriteResult<DeploymentRecord>>;

  /** Inserts the enrollment and its invitation (and, for an accepted referral, decides it). */
  /** `mail` (the invitation) goes into the mail outbox in the same transaction, so it is sent exactly when the enrollment exists. */
  createEnrollment(input: { enrollment: EnrollmentRecord; invitation: InvitationRecord; referral?: { id: string; at: string; by: string }; mail?: QueuedMail; audit: CareAuditEntry }): Promise<EnrollmentRecord>;
  getEnrollment(id: string): Promise<EnrollmentRecord | undefined>;
  listEnrollmentsOfUnit(unitId: string): Promise<EnrollmentRecord[]>;
  listEnrollmentsOfPatient(patientId: string): Promise<EnrollmentRecord[]>;
  /** Enrollments that are invited, active or paused, for the background jobs. */
  listOpenEnrollments(): Promise<EnrollmentRecord[]>;
  setEnrollmentStatus(input: { id: string; status: EnrollmentStatus; at: string; audit: CareAuditEntry }): Promise<EnrollmentRecord>;
  enrollmentActivity(unitId: string): Promise<EnrollmentActivity[]>;
  personName(personId: string): Promise<string | undefined>;

  findInvitation(codeHash: string): Promise<InvitationRecord | undefined>;
  /**
   * Sends the patient a new invitation in place of the old: every invitation of the enrollment still
   * open stops working (it expires now), the new one is stored with its e-mail and the audit row, in
   * one transaction. Refused when the patient already accepted or the enrollment ended meanwhile.
   */
  replaceInvitation(input: { invitation: InvitationRecord; mail: QueuedMail; audit: CareAuditEntry }): Promise<{ ok: true } | { ok: false; reason: 'accepted' | 'ended' | 'missing' }>;
  /**
   * The patient takes an invitation up, as one transaction: the code is used (only if unused,
   * unexpired at `at` and addressed to `personId`), the enrollment is accepted (and activated if
   * still invited), the person gets the patient role at its unit, and the audit row is written.
   * With `firstPasswordHash` (a new patient redeeming with the password they chose) the person's
   * first password is set in the same transaction, only if they have none yet: otherwise nothing
   * changes and the answer is `has_password`. This is the one write of the care store to the
   * accounts tables: taking an invitation up must be all or nothing.
   *
   * With `identity` (a new patient taking the invitation up by signing in with OpenID Connect) the
   * identity is linked to the person in the same transaction, only if they have no chosen password
   * (else `has_password`, as above); an identity linked to someone else is a DomainError('conflict').
   */
  acceptInvitation(input: { codeHash: string; personId: string; at: string; firstPasswordHash?: string; identity?: { identity: ExternalIdentity; auditId: string }; audit: CareAuditEntry }): Promise<AcceptInvitationResult>;

  /**
   * Appends a response with its alerts, or, when the enrollment already has one with this client
   * id, returns that one untouched (`created: false`); the caller compares body hashes.
   */
  recordResponse(input: { response: ResponseRecord; alerts: AlertRecord[]; audit: CareAuditEntry }): Promise<RecordedResponse>;
  listResponses(enrollmentId: string, filter?: { moduleId?: string }): Promise<ResponseRecord[]>;
  /** The module's responses since it was last completed (registration entries excluded): the attempt in progress. */
  openAttempt(enrollmentId: string, moduleId: string): Promise<ResponseRecord[]>;

  listAlerts(filter: { unitId?: string; enrollmentId?: string; status?: 'open' | 'acknowledged' }): Promise<AlertRecord[]>;
  getAlert(id: string): Promise<AlertRecord | undefined>;
  acknowledgeAlert(input: { id: string; at: string; by: string; audit: CareAuditEntry }): Promise<CareWriteResult<AlertRecord>>;
  /** Inserts the alerts whose dedupe key is new; returns those inserted. Audited per alert. */
  raiseAlerts(input: { alerts: AlertRecord[]; audit: (alert: AlertRecord) => CareAuditEntry }): Promise<AlertRecord[]>;

  listPlans(enrollmentId: string): Promise<PlanRecord[]>;
  putPlan(input: { plan: PlanRecord; audit: CareAuditEntry }): Promise<PlanRecord>;

  listMessages(enrollmentId: string): Promise<MessageRecord[]>;
  /**
   * Stores a message and its audit entry. With a `clientId` (the sender's device's id for it), a
   * message of the same author with that id already stored is returned instead (`created: false`),
   * whatever its thread: the caller decides whether that is a retry or a misuse.
   */
  addMessage(input: { message: Omit<MessageRecord, 'authorName'> & { clientId?: string }; audit: CareAuditEntry }): Promise<{ message: MessageRecord; created: boolean }>;
  /** Marks unread messages from `from` read; returns how many. */
  markMessagesRead(input: { enrollmentId: string; from: 'patient' | 'therapist'; at: string; audit: CareAuditEntry }): Promise<number>;

  createReferral(input: { referral: ReferralRecord; audit: CareAuditEntry }): Promise<ReferralRecord>;
  getReferral(id: string): Promise<ReferralRecord | undefined>;
  listReferrals(unitId: string): Promise<ReferralRecord[]>;
  declineReferral(input: { id: string; at: string; by: string; audit: CareAuditEntry }): Promise<CareWriteResult<ReferralRecord>>;

  /**
   * Claims the reminder for this enrollment, item and local day and queues its e-mail in the mail
   * outbox, in one transaction: false (and nothing queued) when it was claimed already. A failure
   * queueing the mail leaves no claim, so a later sweep can send it; a crash can never leave a
   * claim whose mail was lost.
   */
  claimReminder(input: { enrollmentId: string; kind: string; itemId: string; localDate: string; at: string; mail: QueuedMail }): Promise<boolean>;
  jobMark(name: string): Promise<string | undefined>;
  /** Moves the job's mark forward to `at` (never back: processes running the job at once may finish out of order). */
  setJobMark(name: string, at: string): Promise<void>;

  /**
   * Writes only audit rows, all or none: the reads of patient data one answer showed (one row per
   * patient, so "who read patient X, when" is one query on `patient_id`), or a refused attempt.
   */
  recordReads(audits: readonly CareAuditEntry[]): Promise<void>;
}

/** What never changes about a version: its parsed content (frozen, shared between callers) and hash. */
export interface VersionContent {
  documentId: string;
  kind: 'module' | 'program';
  organisationId: string;
  number: number;
  contentHash: string;
  content: unknown;
  /** The content as stored (canonical JSON text), sent to clients as it is instead of serialised again. */
  json?: string;
  /** For a module: the engine's index of it, built once per version. */
  index?: ModuleIndex;
}

/** A released module or program version, read through the authoring store. */
export interface ReleasedVersion extends VersionContent {
  /** Moves on (released → retired), so it is read fresh every time. */
  state: string;
  title: string;
  /** For a released program: the module versions its release pinned. */
  pins: ModulePin[];
  /** The publisher's release: its class and notes (null for a version never released; optional where a version stands in for a test). */
  release?: { releaseClass: 'major' | 'minor'; releaseNotes: string; releasedAt: string } | null;
}

/** Read access to the catalog's content (immutable versions). */
export interface ReleasedContent {
  /** The version new deployments get, or undefined when nothing of the document is released. */
  currentVersion(documentId: string): Promise<number | undefined>;
  /** A version with its current state and title (for decisions that depend on them: deploying). */
  version(documentId: string, number: number): Promise<ReleasedVersion | undefined>;
  /** Only the immutable part of a version, which may come from a cache without reading storage. */
  versionContent(documentId: string, number: number): Promise<VersionContent | undefined>;
}

/** Patient accounts: the care service creates them; the accounts module owns them. */
export interface PatientAccounts {
  /**
   * The person an invitation to this address is for: the account that has the address, or a new
   * one without a usable password and without any role (the patient role comes with taking the
   * invitation up). Both ways answer alike and take about as long, so the caller cannot tell which.
   */
  invitee(input: { name: string; email: string; organisationId: string; at: string; actorId: string }): Promise<{ personId: string }>;
  /** Whether the person has a password of their own; an invitation never sets or replaces one. */
  hasChosenPassword(personId: string): Promise<boolean>;
  email(personId: string): Promise<string | undefined>;
}

/** An e-mail to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where a message's secret (an invitation code or link token) goes in its subject and text. The
 * outbox stores the text with this placeholder and the secret sealed under a key outside the
 * database, and fills it in only when sending or showing the development outbox.
 */
export const MAIL_SECRET = '{{careloom:secret}}';

/**
 * An e-mail to store: whose it is (the development outbox shows it to that organisation's admins
 * only; null for none) and, when it carries a secret, the secret itself, written in the text only
 * as `MAIL_SECRET` (the outbox refuses a message with the secret in clear).
 *
 * @example
 * { to, subject, text: `Your code: ${MAIL_SECRET}\n${url}/#/invite/${MAIL_SECRET}`, secret: code, organisationId: unit.organisationId }
 */
export type OutgoingMail = MailMessage & { organisationId: string | null; secret?: string };

/** An e-mail as written to the outbox. */
export type QueuedMail = OutgoingMail & { id: string; createdAt: string };

/**
 * Where e-mails go: always the mail outbox table first; with SMTP configured a dispatcher sends
 * them from there (retrying), without it they stay for GET /api/dev/outbox. `send` resolves once
 * the message is stored durably, never waiting for the relay.
 */
export interface MailTransport {
  send(message: OutgoingMail): Promise<void>;
}

/** A stored e-mail as the development outbox shows it, its secret filled in (or a note that it is gone). */
export type OutboxEntry = MailMessage & { id: string; createdAt: string };

/** The development outbox: what would have been sent. */
export interface MailOutbox extends MailTransport {
  /** The newest messages of these organisations (none for an empty list), newest first. */
  list(organisationIds: readonly string[], limit?: number): Promise<OutboxEntry[]>;
}
