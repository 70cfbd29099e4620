import type pg from 'pg';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import { DomainError } from '../../domain/errors.js';
import type { SecondFactorPolicy, SecondFactorStore } from '../../domain/second-factor/second-factor-store.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { ALREADY_ENROLLED, toSecondFactor, type SecondFactorRow } from '../sqlite/second-factor-store.js';
import { inTransaction } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

type Db = pg.ClientBase | pg.Pool;

const SELECT = 'SELECT f.*, (SELECT count(*) FROM second_factor_recovery_codes c WHERE c.person_id = f.person_id AND c.used_at IS NULL) AS recovery_codes_left FROM second_factors f WHERE f.person_id = $1';

/** Turned on: the open password sessions of the organisation's staff who have no confirmed second factor owe one. */
const LIMIT_SESSIONS = `UPDATE sessions SET second_factor_owed = 1
     WHERE second_factor_owed = 0 AND sign_in_method = 'password'
       AND person_id IN (SELECT person_id FROM memberships WHERE organisation_id = $1 AND role <> 'patient')
       AND person_id NOT IN (SELECT person_id FROM second_factors WHERE confirmed_at IS NOT NULL)
     RETURNING person_id`;
/** Turned off: freed, unless another organisation of theirs still requires it. */
const RELEASE_SESSIONS = `UPDATE sessions SET second_factor_owed = 0
     WHERE second_factor_owed = 1
       AND person_id IN (SELECT person_id FROM memberships WHERE organisation_id = $1 AND role <> 'patient')
       AND person_id NOT IN (SELECT m.person_id FROM memberships m JOIN organisation_security s ON s.organisation_id = m.organisation_id WHERE m.role <> 'patient' AND s.second_factor_required = 1)
     RETURNING person_id`;

/**
 * Second factors on PostgreSQL (migrations/011-second-factor.sql), with the SQLite store's
 * behaviour: every acceptance is a compare-and-set in one statement, so two processes given the
 * same code accept it once.
 */
export function createPostgresSecondFactorStore(pool: pg.Pool, options: { ids?: IdGenerator } = {}): SecondFactorStore {
  const ids = options.ids ?? uuidGenerator;
  const audit = (db: Db, context: AuditContext, action: string, personId: string, details: Record<string, unknown> = {}, objectType = 'person', organisationId?: string) =>
    writeAuditEntryPg(db, { id: ids.newId(), ...context, action, objectType, objectId: organisationId ?? personId, ...(organisationId ? { organisationId } : {}), details });
  const policyOf = async (db: Db, organisationId: string): Promise<SecondFactorPolicy> => {
    const row = (await db.query<{ second_factor_required: number; updated_at: string }>('SELECT second_factor_required, updated_at FROM organisation_security WHERE organisation_id = $1', [organisationId])).rows[0];
    return { organisationId, required: row?.second_factor_required === 1, updatedAt: row?.updated_at ?? null };
  };

  return {
    async find(personId) {
      const row = (await pool.query<SecondFactorRow>(SELECT, [personId])).rows[0];
      return row && toSecondFactor(row);
    },
    async beginEnrolment(input) {
      await inTransaction(pool, async (db) => {
        // Locks the person's row, so two enrolments of one person run one after the other.
        await db.query('SELECT 1 FROM people WHERE id = $1 FOR UPDATE', [input.personId]);
        const existing = (await db.query<SecondFactorRow>(SELECT, [input.personId])).rows[0];
        if (existing?.confirmed_at) throw new DomainError('conflict', ALREADY_ENROLLED);
        await db.query('DELETE FROM second_factors WHERE person_id = $1', [input.personId]);
        await db.query('INSERT INTO second_factors (person_id, secret_sealed, created_at) VALUES ($1, $2, $3)', [input.personId, input.secretSealed, input.at]);
        await audit(db, input.audit, 'second_factor.enrolment_start', input.personId);
      });
    },
    async confirmEnrolment(input) {
      return inTransaction(pool, async (db) => {
        const updated = await db.query('UPDATE second_factors SET confirmed_at = $1, last_step = $2 WHERE person_id = $3 AND confirmed_at IS NULL', [input.at, input.step, input.personId]);
        if ((updated.rowCount ?? 0) === 0) return false;
        const hashes = [...new Set(input.recoveryCodeHashes)];
        for (const hash of hashes) await db.query('INSERT INTO second_factor_recovery_codes (person_id, code_hash) VALUES ($1, $2)', [input.personId, hash]);
        const freed = (await db.query('UPDATE sessions SET second_factor_owed = 0 WHERE person_id = $1 AND second_factor_owed = 1', [input.personId])).rowCount ?? 0;
        await audit(db, input.audit, 'second_factor.enable', input.personId, { method: 'totp', recoveryCodes: hashes.length, ...(freed > 0 ? { sessionsFreed: freed } : {}) });
        return true;
      });
    },
    async acceptStep(input) {
      return inTransaction(pool, async (db) => {
        const updated = await db.query('UPDATE second_factors SET last_step = $1 WHERE person_id = $2 AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < $1)', [input.step, input.personId]);
        if ((updated.rowCount ?? 0) === 0) return false;
        await audit(db, input.audit, 'second_factor.verify', input.personId, { method: 'totp' });
        return true;
      });
    },
    async useRecoveryCode(input) {
      return inTransaction(pool, async (db) => {
        const updated = await db.query('UPDATE second_factor_recovery_codes SET used_at = $1 WHERE person_id = $2 AND code_hash = $3 AND used_at IS NULL', [input.at, input.personId, input.codeHash]);
        if ((updated.rowCount ?? 0) === 0) return false;
        await audit(db, input.audit, 'second_factor.verify', input.personId, { method: 'recovery_code' });
        return true;
      });
    },
    async remove(input) {
      return inTransaction(pool, async (db) => {
        const removed = (await db.query<{ confirmed_at: string | null }>('DELETE FROM second_factors WHERE person_id = $1 RETURNING confirmed_at', [input.personId])).rows[0];
        if (!removed) return false;
        if (removed.confirmed_at) await audit(db, input.audit, 'second_factor.disable', input.personId);
        return true;
      });
    },
    async requiredFor(personId) {
      const row = (await pool.query("SELECT 1 FROM memberships m JOIN organisation_security s ON s.organisation_id = m.organisation_id WHERE m.person_id = $1 AND m.role <> 'patient' AND s.second_factor_required = 1 LIMIT 1", [personId])).rows[0];
      return row !== undefined;
    },
    async getPolicy(organisationId) {
      return policyOf(pool, organisationId);
    },
    async setPolicy(input) {
      return inTransaction(pool, async (db) => {
        await db.query(
          `INSERT INTO organisation_security (organisation_id, second_factor_required, updated_at, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (organisation_id) DO UPDATE SET second_factor_required = excluded.second_factor_required, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          [input.organisationId, input.required ? 1 : 0, input.at, input.audit.actorId ?? null],
        );
        // The rule reaches the sessions already open (see SecondFactorStore.setPolicy).
        const changed = (await db.query<{ person_id: string }>(input.required ? LIMIT_SESSIONS : RELEASE_SESSIONS, [input.organisationId])).rows;
        await audit(db, input.audit, 'organisation.second_factor_policy', input.organisationId, { required: input.required, [input.required ? 'sessionsLimited' : 'sessionsFreed']: changed.length }, 'organisation', input.organisationId);
        return { ...(await policyOf(db, input.organisationId)), peopleAffected: [...new Set(changed.map((row) => row.person_id))] };
      });
    },
    async recordRefused(input) {
      await audit(pool, input.audit, 'second_factor.refused', input.personId, { reason: input.reason });
    },
  };
}
