import type { AuditRecord } from '../domain/data-admin/data-admin-store.js';
import type { AuditEntry, AuditFilter, NewAuditEntry } from './types.js';
import { DEFAULT_AUDIT_LIST_LIMIT, MAX_AUDIT_LIST_LIMIT } from './types.js';

// The audit_log table's columns and rows, the same in SQLite and PostgreSQL: both stores map
// entries to rows and back with these.

/** One audit_log row as both databases return it (details is the JSON text). */
export interface AuditRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  organisation_id: string | null;
  unit_id: string | null;
  patient_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: string;
}

export const AUDIT_COLUMNS = 'id, at, actor_id, actor_role, action, object_type, object_id, organisation_id, unit_id, patient_id, ip, request_id, details';

/** Filter fields and the column each one matches. */
export const AUDIT_FILTER_COLUMNS: ReadonlyArray<[keyof AuditFilter, string]> = [
  ['actorId', 'actor_id'],
  ['action', 'action'],
  ['objectType', 'object_type'],
  ['objectId', 'object_id'],
  ['organisationId', 'organisation_id'],
  ['unitId', 'unit_id'],
  ['patientId', 'patient_id'],
];

/** The entry as stored: every optional field filled with null. */
export function completeAuditEntry(input: NewAuditEntry): AuditEntry {
  return {
    id: input.id,
    at: input.at,
    actorId: input.actorId ?? null,
    actorRole: input.actorRole ?? null,
    action: input.action,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    organisationId: input.organisationId ?? null,
    unitId: input.unitId ?? null,
    patientId: input.patientId ?? null,
    ip: input.ip ?? null,
    requestId: input.requestId ?? null,
    details: input.details ?? {},
  };
}

export function auditEntryFromRow(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    organisationId: row.organisation_id,
    unitId: row.unit_id,
    patientId: row.patient_id,
    ip: row.ip,
    requestId: row.request_id,
    details: JSON.parse(row.details) as AuditEntry['details'],
  };
}

/** The number of entries a list may return: the caller's limit, clamped to 1…MAX_AUDIT_LIST_LIMIT. */
export function auditListLimit(limit: number | undefined): number {
  return Math.min(Math.max(1, Math.trunc(limit ?? DEFAULT_AUDIT_LIST_LIMIT)), MAX_AUDIT_LIST_LIMIT);
}

/** An audit row as the data administrator reads it: with its order, the actor's and the unit's names. */
export interface NamedAuditRow extends AuditRow {
  seq: number;
  actor_name: string | null;
  unit_name: string | null;
}

/** Every audit column with the actor's and the unit's names, for the data administrator's searches (both databases). */
export const NAMED_AUDIT_SELECT = `SELECT a.*, p.name AS actor_name, u.name AS unit_name FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id LEFT JOIN care_units u ON u.id = a.unit_id`;

/** The data administrator's record of a named audit row. */
export function namedAuditRecord(row: NamedAuditRow): AuditRecord {
  return { seq: row.seq, ...auditEntryFromRow(row), actorName: row.actor_name, unitName: row.unit_name };
}
