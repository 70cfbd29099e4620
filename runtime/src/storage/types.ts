/**
 * The storage interface the domain talks to. Each method is one atomic operation named after its
 * intent; there is no `transaction(fn)`, because a synchronous SQLite transaction must never span
 * an `await`. Signatures are async so a PostgreSQL implementation fits behind the same interface.
 * Behaviour is pinned by `storage-contract.ts`, which every implementation runs.
 */

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

/** Everything the server stores. */
export interface Storage {
  audit: AuditLog;
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Releases the connection. Further calls fail. */
  close(): Promise<void>;
}

export const DEFAULT_AUDIT_LIST_LIMIT = 100;
export const MAX_AUDIT_LIST_LIMIT = 1000;
