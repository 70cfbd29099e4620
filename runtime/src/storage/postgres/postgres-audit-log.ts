import type pg from 'pg';
import { checkAuditDetails } from '../../domain/audit-details.js';
import { DomainError } from '../../domain/errors.js';
import { AUDIT_COLUMNS, AUDIT_FILTER_COLUMNS, auditEntryFromRow, auditListLimit, completeAuditEntry, type AuditRow } from '../audit-rows.js';
import type { AuditEntry, AuditLog, NewAuditEntry } from '../types.js';
import { isUniqueViolation } from './open-postgres.js';

const INSERT = `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

/**
 * The one way an audit_log row is written on PostgreSQL: on the client of the transaction that
 * makes the change it describes, so both commit or neither does. Runs the same details guard as
 * the SQLite writer (`checkAuditDetails`).
 *
 * @example
 * await inTransaction(pool, async (client) => { await client.query(insertUnit, …); await writeAuditEntryPg(client, entry); });
 */
export async function writeAuditEntryPg(client: pg.ClientBase | pg.Pool, input: NewAuditEntry): Promise<AuditEntry> {
  const entry = completeAuditEntry(input);
  const issues = checkAuditDetails(entry.details);
  if (issues.length > 0) throw new DomainError('invalid', `The audit entry for ${entry.action} has details that must not be logged.`, { issues });
  try {
    await client.query({
      name: 'audit-insert',
      text: INSERT,
      values: [entry.id, entry.at, entry.actorId, entry.actorRole, entry.action, entry.objectType, entry.objectId, entry.organisationId, entry.unitId, entry.patientId, entry.ip, entry.requestId, JSON.stringify(entry.details)],
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict', `An audit entry with id "${entry.id}" already exists.`, { cause: error });
    throw error;
  }
  return entry;
}

/** The audit log on PostgreSQL's audit_log table (append-only by trigger, see migrations/001-schema.sql). */
export function createPostgresAuditLog(pool: pg.Pool): AuditLog {
  return {
    append: (input) => writeAuditEntryPg(pool, input),
    async list(filter = {}) {
      const where: string[] = [];
      const values: Array<string | number> = [];
      for (const [field, column] of AUDIT_FILTER_COLUMNS) {
        const value = filter[field];
        if (value === undefined) continue;
        values.push(value);
        where.push(`${column} = $${values.length}`);
      }
      if (filter.from !== undefined) {
        values.push(filter.from);
        where.push(`at >= $${values.length}`);
      }
      if (filter.until !== undefined) {
        values.push(filter.until);
        where.push(`at < $${values.length}`);
      }
      values.push(auditListLimit(filter.limit));
      const { rows } = await pool.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT $${values.length}`, values);
      return rows.map(auditEntryFromRow);
    },
  };
}
