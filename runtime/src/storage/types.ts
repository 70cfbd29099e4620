/**
 * The storage interface the domain talks to. Each method is one atomic operation named after its
 * intent; there is no `transaction(fn)`, because a synchronous SQLite transaction must never span
 * an `await`. Signatures are async so a PostgreSQL implementation fits behind the same interface.
 * Behaviour is pinned by `storage-contract.ts` and the suites in `contract/`, which every
 * implementation runs.
 */
import type { DraftUpdateStore } from '../collab/update-store.js';
import type { AccountsStore } from '../domain/accounts/accounts-store.js';
import type { MemberInvitationStore } from '../domain/accounts/member-invitation-store.js';
import type { SecondFactorStore } from '../domain/second-factor/second-factor-store.js';
import type { ExternalIdentityStore } from '../domain/oidc/external-identity-store.js';
import type { ApiTokenStore } from '../domain/api-tokens/api-token-store.js';
import type { MediaStore } from '../domain/media/media-store.js';
import type { AuthoringStore, DraftUpdates } from '../domain/authoring/ports.js';
import type { CareStore, MailOutbox } from '../domain/care/ports.js';
import type { VersionMoveStore } from '../domain/care/version-move-ports.js';
import type { ResponseLookup } from '../domain/fhir/fhir-ports.js';
import type { StaffStore } from '../domain/accounts/staff-store.js';
import type { DataAdminStore } from '../domain/data-admin/data-admin-store.js';
import type { AlertSafetyStore } from '../domain/care/alert-safety-ports.js';
import type { PatientScheduleStore } from '../domain/care/patient-schedule-ports.js';
import type { PatientNoticeStore, StaffNoticeStore } from '../domain/care/outreach-ports.js';
import type { DispatchQueue } from '../mail/mail-dispatcher.js';
import type { RateLimits } from '../domain/rate-limits.js';
import type { WebhookDispatchQueue, WebhookStore } from '../domain/webhooks/webhook-store.js';

/** A JSON object stored beside an audit entry. Never secrets, never a patient's answers. */
export type AuditDetails = Readonly<Record<string, unknown>>;

/** One thing that happened, who did it and to what. */
export interface AuditEntry {
  id: string;
  /** ISO 8601 UTC time from the injected clock. */
  at: string;
  actorId: string | null;
  actorRole: string | null;
  /** Dotted verb, e.g. `module.submitted`, `session.created`. */
  action: string;
  objectType: string | null;
  objectId: string | null;
  organisationId: string | null;
  unitId: string | null;
  patientId: string | null;
  ip: string | null;
  requestId: string | null;
  details: AuditDetails;
}

/** What a caller supplies to append: everything but the optional fields may be left out. */
export type NewAuditEntry = Pick<AuditEntry, 'id' | 'at' | 'action'> & Partial<Omit<AuditEntry, 'id' | 'at' | 'action'>>;

/** Which audit entries to list; every given field must match. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  organisationId?: string;
  unitId?: string;
  patientId?: string;
  /** Entries at or after this ISO time. */
  from?: string;
  /** Entries before this ISO time. */
  until?: string;
  /** At most this many (default 100, at most 1000). */
  limit?: number;
}

/** The append-only audit trail. */
export interface AuditLog {
  /** Appends one entry; refuses an id that is already used (`conflict`) and secret-looking details (`invalid`). */
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Matching entries in the order they were appended. */
  list(filter?: AuditFilter): Promise<AuditEntry[]>;
}

/**
 * Every store the server keeps, each built once on one database by the composition root
 * (server.ts) and shared by the services, the collaboration server and the mail dispatcher.
 */
export interface Stores {
  audit: AuditLog;
  accounts: AccountsStore;
  memberInvitations: MemberInvitationStore;
  /** API tokens of integrating systems (the FHIR endpoint's bearer tokens). */
  apiTokens: ApiTokenStore;
  /** Identities at OpenID Connect providers linked to people (sign-in with e-ID). */
  externalIdentities: ExternalIdentityStore;
  /** Second factors (TOTP) of people with local passwords, and organisations' rule requiring one. */
  secondFactors: SecondFactorStore;
  /** Staff administration at care providers: unit assignments, responsible therapists, disabled accounts, password resets. */
  staff: StaffStore;
  /** The data administrator's audit search, patient export and purge. */
  dataAdmin: DataAdminStore;
  authoring: AuthoringStore;
  /** Publishing organisations' media libraries (the files' metadata; their bodies are in the media folder). */
  media: MediaStore;
  /** The live drafts' Yjs update log: the collaboration server writes it, authoring reads contributors. */
  drafts: DraftUpdates & DraftUpdateStore;
  care: CareStore;
  /** Recorded responses by id, for the FHIR endpoint. */
  responses: ResponseLookup;
  /** The alerts' safety protocol (acknowledging with the action taken, escalation, urgent-alert mail). */
  alertSafety: AlertSafetyStore;
  /** Each patient's schedule adjustments: early unlocks, hidden modules, own deadlines, pauses. */
  patientSchedules: PatientScheduleStore;
  /** Moves of enrolled patients to newer released versions, with what did not carry over. */
  versionMoves: VersionMoveStore;
  /** Patients' e-mail notices (a new message, new material, a therapist's reminder) and their choice to have them. */
  patientNotices: PatientNoticeStore;
  /** Information care-provider admins post to the staff of their units. */
  staffNotices: StaffNoticeStore;
  /** Every e-mail is queued here first; GET /api/dev/outbox reads it in demo mode. */
  mailOutbox: MailOutbox;
  /** What the mail dispatcher sends from, when SMTP is configured. */
  mailQueue: DispatchQueue;
  /** Login throttling and the public forms' rate limits, counted in the database (shared by every process). */
  rateLimits: RateLimits;
  /** Care providers' webhook subscriptions and their delivery log (events are written by the care stores). */
  webhooks: WebhookStore;
  /** What the webhook dispatcher sends from. */
  webhookQueue: WebhookDispatchQueue;
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Releases the connection. Further calls fail. */
  close(): Promise<void>;
}

export const DEFAULT_AUDIT_LIST_LIMIT = 100;
export const MAX_AUDIT_LIST_LIMIT = 1000;
