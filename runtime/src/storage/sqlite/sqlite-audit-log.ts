import type Database from 'better-sqlite3';
import { checkAuditDetails } from '../../domain/audit-details.js';
import { DomainError } from '../../domain/errors.js';
import type { AuditEntry, AuditFilter, AuditLog, NewAuditEntry } from '../types.js';
import { DEFAULT_AUDIT_LIST_LIMIT, MAX_AUDIT_LIST_LIMIT } from '../types.js';

interface AuditRow {
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

const COLUMNS = 'id, at, actor_id, actor_role, action, object_type, object_id, organisation_id, unit_id, patient_id, ip, request_id, details';

/** Filter fields and the column each one matches. */
const EQUALS: ReadonlyArray<[keyof AuditFilter, string]> = [
  ['actorId', 'actor_id'],
  ['action', 'action'],
  ['objectType', 'object_type'],
  ['objectId', 'object_id'],
  ['organisationId', 'organisation_id'],
  ['unitId', 'unit_id'],
  ['patientId', 'patient_id'],
];

/** One prepared INSERT per connection: every store's writes share it. */
const inserts = new WeakMap<Database.Database, Database.Statement>();

/**
 * The one way an audit_log row is written. Call it inside the transaction of the change the row
 * describes (better-sqlite3 runs it in whatever transaction is open on `db`), so a failed change
 * leaves no audit row and a refused row rolls the change back. Always runs the details guard
 * (`checkAuditDetails`): details with secrets, names or too many bytes are refused (`invalid`),
 * an id already used is a `conflict`.
 *
 * @example
 * db.transaction(() => { insertUnit.run(unit); writeAuditEntry(db, { id, at, action: 'unit.create', objectId: unit.id }); })();
 */
export function writeAuditEntry(db: Database.Database, input: NewAuditEntry): AuditEntry {
  const entry = completeEntry(input);
  const issues = checkAuditDetails(entry.details);
  if (issues.length > 0) throw new DomainError('invalid', `The audit entry for ${entry.action} has details that must not be logged.`, { issues });
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(`INSERT INTO audit_log (${COLUMNS}) VALUES (@id, @at, @actorId, @actorRole, @action, @objectType, @objectId, @organisationId, @unitId, @patientId, @ip, @requestId, @details)`);
    inserts.set(db, insert);
  }
  try {
    insert.run({ ...entry, details: JSON.stringify(entry.details) });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict', `An audit entry with id "${entry.id}" already exists.`, { cause: error });
    throw error;
  }
  return entry;
}

/** The audit log on the audit_log table (append-only by trigger, see 001-basics.sql). */
export function createSqliteAuditLog(db: Database.Database): AuditLog {
  return {
    async append(input) {
      return writeAuditEntry(db, input);
    },

    async list(filter = {}) {
      const where: string[] = [];
      const params: Record<string, string | number> = {};
      for (const [field, column] of EQUALS) {
        const value = filter[field];
        if (value === undefined) continue;
        where.push(`${column} = @${field}`);
        params[field] = value;
      }
      if (filter.from !== undefined) {
        where.push('at >= @from');
        params.from = filter.from;
      }
      if (filter.until !== undefined) {
        where.push('at < @until');
        params.until = filter.until;
      }
      params.limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? DEFAULT_AUDIT_LIST_LIMIT)), MAX_AUDIT_LIST_LIMIT);
      const sql = `SELECT ${COLUMNS} FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT @limit`;
      return (db.prepare(sql).all(params) as AuditRow[]).map(toEntry);
    },
  };
}

function completeEntry(input: NewAuditEntry): AuditEntry {
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

function toEntry(row: AuditRow): AuditEntry {
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

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}
