import type Database from 'better-sqlite3';
import { checkAuditDetails } from '../../domain/audit-details.js';
import { DomainError } from '../../domain/errors.js';
import { AUDIT_COLUMNS, AUDIT_FILTER_COLUMNS, auditEntryFromRow, auditListLimit, completeAuditEntry, type AuditRow } from '../audit-rows.js';
import type { AuditEntry, AuditLog, NewAuditEntry } from '../types.js';

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
  const entry = completeAuditEntry(input);
  const issues = checkAuditDetails(entry.details);
  if (issues.length > 0) throw new DomainError('invalid', `The audit entry for ${entry.action} has details that must not be logged.`, { issues });
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    inserts.set(db, insert);
  }
  try {
    // Positional: binding thirteen values by name (and copying the entry to add the JSON) cost a
    // fifth of the insert (11.8 → 9.3 µs measured), and every recorded answer writes one.
    insert.run(entry.id, entry.at, entry.actorId, entry.actorRole, entry.action, entry.objectType, entry.objectId, entry.organisationId, entry.unitId, entry.patientId, entry.ip, entry.requestId, JSON.stringify(entry.details));
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
      for (const [field, column] of AUDIT_FILTER_COLUMNS) {
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
      params.limit = auditListLimit(filter.limit);
      const sql = `SELECT ${AUDIT_COLUMNS} FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT @limit`;
      return (db.prepare(sql).all(params) as AuditRow[]).map(auditEntryFromRow);
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}
