import type Database from 'better-sqlite3';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import { DomainError } from '../../domain/errors.js';
import type { SecondFactorPolicy, SecondFactorRecord, SecondFactorStore } from '../../domain/second-factor/second-factor-store.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { writeAuditEntry } from './sqlite-audit-log.js';

export interface SecondFactorRow {
  person_id: string;
  secret_sealed: string;
  created_at: string;
  confirmed_at: string | null;
  last_step: number | string | null;
  recovery_codes_left: number | string;
}

export const toSecondFactor = (row: SecondFactorRow): SecondFactorRecord => ({
  personId: row.person_id,
  secretSealed: row.secret_sealed,
  createdAt: row.created_at,
  confirmedAt: row.confirmed_at,
  lastStep: row.last_step === null ? null : Number(row.last_step),
  recoveryCodesLeft: Number(row.recovery_codes_left),
});

export const ALREADY_ENROLLED = 'A second factor is on already. Turn it off first to enrol a new one.';

/** Second factors on SQLite (migrations/051-second-factor.sql). */
export function createSqliteSecondFactorStore(db: Database.Database, options: { ids?: IdGenerator } = {}): SecondFactorStore {
  const ids = options.ids ?? uuidGenerator;
  const audit = (context: AuditContext, action: string, personId: string, details: Record<string, unknown> = {}, objectType = 'person', organisationId?: string) =>
    writeAuditEntry(db, { id: ids.newId(), ...context, action, objectType, objectId: organisationId ?? personId, ...(organisationId ? { organisationId } : {}), details });
  const select = db.prepare<[string], SecondFactorRow>(
    'SELECT f.*, (SELECT count(*) FROM second_factor_recovery_codes c WHERE c.person_id = f.person_id AND c.used_at IS NULL) AS recovery_codes_left FROM second_factors f WHERE f.person_id = ?',
  );
  const policyRow = db.prepare<[string], { second_factor_required: number; updated_at: string }>('SELECT second_factor_required, updated_at FROM organisation_security WHERE organisation_id = ?');
  const policyOf = (organisationId: string): SecondFactorPolicy => {
    const row = policyRow.get(organisationId);
    return { organisationId, required: row?.second_factor_required === 1, updatedAt: row?.updated_at ?? null };
  };

  const begin = db.transaction((input: Parameters<SecondFactorStore['beginEnrolment']>[0]) => {
    const existing = select.get(input.personId);
    if (existing?.confirmed_at) throw new DomainError('conflict', ALREADY_ENROLLED);
    db.prepare('DELETE FROM second_factors WHERE person_id = ?').run(input.personId);
    db.prepare('INSERT INTO second_factors (person_id, secret_sealed, created_at) VALUES (?, ?, ?)').run(input.personId, input.secretSealed, input.at);
    audit(input.audit, 'second_factor.enrolment_start', input.personId);
  });
  const confirm = db.transaction((input: Parameters<SecondFactorStore['confirmEnrolment']>[0]) => {
    if (db.prepare('UPDATE second_factors SET confirmed_at = ?, last_step = ? WHERE person_id = ? AND confirmed_at IS NULL').run(input.at, input.step, input.personId).changes === 0) return false;
    const insert = db.prepare('INSERT INTO second_factor_recovery_codes (person_id, code_hash) VALUES (?, ?)');
    for (const hash of new Set(input.recoveryCodeHashes)) insert.run(input.personId, hash);
    const freed = db.prepare('UPDATE sessions SET second_factor_owed = 0 WHERE person_id = ? AND second_factor_owed = 1').run(input.personId).changes;
    audit(input.audit, 'second_factor.enable', input.personId, { method: 'totp', recoveryCodes: new Set(input.recoveryCodeHashes).size, ...(freed > 0 ? { sessionsFreed: freed } : {}) });
    return true;
  });
  const accept = db.transaction((input: Parameters<SecondFactorStore['acceptStep']>[0]) => {
    if (db.prepare('UPDATE second_factors SET last_step = ? WHERE person_id = ? AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < ?)').run(input.step, input.personId, input.step).changes === 0) return false;
    audit(input.audit, 'second_factor.verify', input.personId, { method: 'totp' });
    return true;
  });
  const useRecovery = db.transaction((input: Parameters<SecondFactorStore['useRecoveryCode']>[0]) => {
    if (db.prepare('UPDATE second_factor_recovery_codes SET used_at = ? WHERE person_id = ? AND code_hash = ? AND used_at IS NULL').run(input.at, input.personId, input.codeHash).changes === 0) return false;
    audit(input.audit, 'second_factor.verify', input.personId, { method: 'recovery_code' });
    return true;
  });
  const remove = db.transaction((input: Parameters<SecondFactorStore['remove']>[0]) => {
    const row = select.get(input.personId);
    if (!row) return false;
    db.prepare('DELETE FROM second_factors WHERE person_id = ?').run(input.personId);
    if (row.confirmed_at) audit(input.audit, 'second_factor.disable', input.personId);
    return true;
  });
  const limitSessions = db.prepare<[string], { person_id: string }>(
    `UPDATE sessions SET second_factor_owed = 1
     WHERE second_factor_owed = 0 AND sign_in_method = 'password'
       AND person_id IN (SELECT person_id FROM memberships WHERE organisation_id = ? AND role <> 'patient')
       AND person_id NOT IN (SELECT person_id FROM second_factors WHERE confirmed_at IS NOT NULL)
     RETURNING person_id`,
  );
  const releaseSessions = db.prepare<[string], { person_id: string }>(
    `UPDATE sessions SET second_factor_owed = 0
     WHERE second_factor_owed = 1
       AND person_id IN (SELECT person_id FROM memberships WHERE organisation_id = ? AND role <> 'patient')
       AND person_id NOT IN (SELECT m.person_id FROM memberships m JOIN organisation_security s ON s.organisation_id = m.organisation_id WHERE m.role <> 'patient' AND s.second_factor_required = 1)
     RETURNING person_id`,
  );
  const setPolicy = db.transaction((input: Parameters<SecondFactorStore['setPolicy']>[0]) => {
    db.prepare(
      `INSERT INTO organisation_security (organisation_id, second_factor_required, updated_at, updated_by) VALUES (@organisationId, @required, @at, @by)
       ON CONFLICT (organisation_id) DO UPDATE SET second_factor_required = excluded.second_factor_required, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run({ organisationId: input.organisationId, required: input.required ? 1 : 0, at: input.at, by: input.audit.actorId ?? null });
    // The rule reaches the sessions already open (see SecondFactorStore.setPolicy).
    const changed = (input.required ? limitSessions : releaseSessions).all(input.organisationId);
    audit(input.audit, 'organisation.second_factor_policy', input.organisationId, { required: input.required, [input.required ? 'sessionsLimited' : 'sessionsFreed']: changed.length }, 'organisation', input.organisationId);
    return { ...policyOf(input.organisationId), peopleAffected: [...new Set(changed.map((row) => row.person_id))] };
  });
  const refused = db.transaction((input: Parameters<SecondFactorStore['recordRefused']>[0]) => {
    audit(input.audit, 'second_factor.refused', input.personId, { reason: input.reason });
  });
  const required = db.prepare<[string], { one: number }>(
    "SELECT 1 AS one FROM memberships m JOIN organisation_security s ON s.organisation_id = m.organisation_id WHERE m.person_id = ? AND m.role <> 'patient' AND s.second_factor_required = 1 LIMIT 1",
  );

  return {
    async find(personId) {
      const row = select.get(personId);
      return row && toSecondFactor(row);
    },
    async beginEnrolment(input) {
      begin(input);
    },
    async confirmEnrolment(input) {
      return confirm(input);
    },
    async acceptStep(input) {
      return accept(input);
    },
    async useRecoveryCode(input) {
      return useRecovery(input);
    },
    async remove(input) {
      return remove(input);
    },
    async requiredFor(personId) {
      return required.get(personId) !== undefined;
    },
    async getPolicy(organisationId) {
      return policyOf(organisationId);
    },
    async setPolicy(input) {
      return setPolicy(input);
    },
    async recordRefused(input) {
      refused(input);
    },
  };
}
