import type pg from 'pg';
import type { AuditContext, Member } from '../../domain/accounts/accounts-store.js';
import type { StaffStore } from '../../domain/accounts/staff-store.js';
import { DomainError } from '../../domain/errors.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { grantOf, toPerson, type MembershipRow, type PersonRow } from '../sqlite/accounts-rows.js';
import { inTransaction } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';
import type { PostgresMailOutbox } from './postgres-mail-outbox.js';

type Db = pg.ClientBase | pg.Pool;

interface AuditRow {
  action: string;
  objectType: string;
  objectId: string;
  organisationId?: string | null;
  unitId?: string | null;
  patientId?: string | null;
  details?: Record<string, unknown>;
}

/** Rolls the reset's transaction back and names why. */
class ResetRefused extends Error {
  constructor(readonly reason: 'unusable' | 'disabled' | 'no_password') {
    super(reason);
  }
}

/**
 * The staff store on PostgreSQL (tables from migrations/003-staff-administration.sql), with the
 * behaviour of the SQLite store (the contract suite runs against both): each write one transaction
 * with its audit row.
 *
 * Check-then-act writes lock what they decide on, since PostgreSQL runs transactions side by side
 * where SQLite runs them one at a time: unit assignments and disabling lock the organisation's row
 * (as the accounts store's member changes do, so a role revoked meanwhile is seen), disabling and a
 * password reset lock the person's row, and removing a responsible therapist locks the patient's
 * responsibility rows, so two removals at once cannot leave a patient with none.
 *
 * @example
 * const staff = createPostgresStaffStore(pool, { mail });
 * await staff.assignTherapist({ unitId, personId, audit });
 */
export function createPostgresStaffStore(pool: pg.Pool, options: { mail: Pick<PostgresMailOutbox, 'stage' | 'notify'>; ids?: IdGenerator }): StaffStore {
  const ids = options.ids ?? uuidGenerator;
  const mail = options.mail;
  const audit = (db: Db, context: AuditContext, row: AuditRow) => writeAuditEntryPg(db, { id: ids.newId(), ...context, ...row });
  const first = async <T extends pg.QueryResultRow>(db: Db, text: string, values: unknown[]) => (await db.query<T>(text, values)).rows[0];
  const count = async (db: Db, text: string, values: unknown[]) => (await first<{ n: number }>(db, text, values))!.n;
  const unitOrganisation = async (db: Db, unitId: string) => (await first<{ organisation_id: string }>(db, 'SELECT organisation_id FROM care_units WHERE id = $1', [unitId]))?.organisation_id;
  const lockUnitOrganisation = async (db: Db, unitId: string) => {
    const organisationId = await unitOrganisation(db, unitId);
    if (!organisationId) throw new DomainError('not_found', 'There is no such unit.');
    await db.query('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
    return organisationId;
  };
  const endSessions = async (db: Db, personId: string) => (await db.query<{ id: string }>('DELETE FROM sessions WHERE person_id = $1 RETURNING id', [personId])).rows.map((row) => row.id);

  return {
    async staffDirectory(organisationId) {
      const members = new Map<string, Member>();
      const { rows } = await pool.query<MembershipRow & PersonRow>(
        `SELECT m.*, p.* FROM memberships m JOIN people p ON p.id = m.person_id
          WHERE m.organisation_id = $1 AND m.role <> 'patient' ORDER BY lower(p.name), p.id, m.role, m.unit_id NULLS FIRST`,
        [organisationId],
      );
      for (const row of rows) {
        let member = members.get(row.person_id);
        if (!member) {
          member = { person: toPerson({ ...row, id: row.person_id }), roles: [] };
          members.set(row.person_id, member);
        }
        member.roles.push(grantOf({ role: row.role, ...(row.unit_id === null ? {} : { unitId: row.unit_id }) }));
      }
      const units = await pool.query<{ id: string; name: string; active: number }>('SELECT id, name, active FROM care_units WHERE organisation_id = $1 ORDER BY lower(name), id', [organisationId]);
      return { members: [...members.values()], units: units.rows.map((unit) => ({ id: unit.id, name: unit.name, active: unit.active === 1 })) };
    },
    async unitOrganisation(unitId) {
      return unitOrganisation(pool, unitId);
    },
    async assignTherapist({ unitId, personId, audit: context }) {
      return inTransaction(pool, async (db) => {
        const organisationId = await lockUnitOrganisation(db, unitId);
        const holds = await first(db, "SELECT 1 FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND role = 'therapist' AND unit_id IS NULL", [personId, organisationId]);
        if (!holds) throw new DomainError('conflict', 'Only a member with the therapist role can work in a unit. Give them the therapist role first.');
        const added = ((await db.query(
          "INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES ($1, $2, 'therapist', $3, $4, $5) ON CONFLICT DO NOTHING",
          [personId, organisationId, unitId, context.actorId ?? null, context.at],
        )).rowCount ?? 0) > 0;
        if (added) await audit(db, context, { action: 'unit.therapist_assign', objectType: 'person', objectId: personId, organisationId, unitId });
        return added;
      });
    },
    async unassignTherapist({ unitId, personId, audit: context }) {
      return inTransaction(pool, async (db) => {
        const organisationId = await lockUnitOrganisation(db, unitId);
        const removed = ((await db.query("DELETE FROM memberships WHERE person_id = $1 AND role = 'therapist' AND unit_id = $2", [personId, unitId])).rowCount ?? 0) > 0;
        if (!removed) return false;
        const responsibilities = (await db.query('DELETE FROM patient_therapists WHERE therapist_id = $1 AND unit_id = $2', [personId, unitId])).rowCount ?? 0;
        await audit(db, context, { action: 'unit.therapist_unassign', objectType: 'person', objectId: personId, organisationId, unitId, details: { responsibilitiesEnded: responsibilities } });
        return true;
      });
    },
    async setDisabled({ organisationId, personId, disabled, managerRoles, audit: context }) {
      return inTransaction(pool, async (db) => {
        await db.query('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
        const person = await first<PersonRow>(db, 'SELECT * FROM people WHERE id = $1 FOR UPDATE', [personId]);
        if (!person || (await count(db, "SELECT count(*) AS n FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND role <> 'patient'", [personId, organisationId])) === 0) {
          throw new DomainError('not_found', 'This person is not a member of the organisation.');
        }
        if ((await count(db, 'SELECT count(*) AS n FROM memberships WHERE person_id = $1 AND organisation_id <> $2', [personId, organisationId])) > 0) {
          throw new DomainError('conflict', 'This person also has a role in another organisation in Careloom (staff or patient); remove them from this one instead of disabling the account.');
        }
        if ((person.disabled_at !== null) === disabled) return { changed: false, endedSessions: [] as string[] };
        await db.query('UPDATE people SET disabled_at = $1 WHERE id = $2', [disabled ? context.at : null, personId]);
        if (disabled && managerRoles.length > 0) {
          const managersLeft = await count(
            db,
            'SELECT count(*) AS n FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.organisation_id = $1 AND m.role = ANY($2) AND p.disabled_at IS NULL',
            [organisationId, [...managerRoles]],
          );
          if (managersLeft === 0) throw new DomainError('conflict', 'This would leave the organisation without anyone who can manage its people. Give that role to someone else first.');
        }
        const endedSessions = disabled ? await endSessions(db, personId) : [];
        await audit(db, context, { action: disabled ? 'person.disable' : 'person.enable', objectType: 'person', objectId: personId, organisationId, details: { sessionsEnded: endedSessions.length } });
        return { changed: true, endedSessions };
      });
    },
    async responsibleTherapists(unitId, patientId) {
      const { rows } = await pool.query<{ therapist_id: string; name: string; assigned_at: string }>(
        'SELECT pt.therapist_id, p.name, pt.assigned_at FROM patient_therapists pt JOIN people p ON p.id = pt.therapist_id WHERE pt.unit_id = $1 AND pt.patient_id = $2 ORDER BY lower(p.name), p.id',
        [unitId, patientId],
      );
      return rows.map((row) => ({ personId: row.therapist_id, name: row.name, assignedAt: row.assigned_at }));
    },
    async isPatientOfUnit(unitId, patientId) {
      return (await first(pool, 'SELECT 1 FROM enrollments WHERE unit_id = $1 AND patient_id = $2 LIMIT 1', [unitId, patientId])) !== undefined;
    },
    async isTherapistOfUnit(unitId, personId) {
      return (await first(pool, "SELECT 1 FROM memberships WHERE person_id = $1 AND role = 'therapist' AND unit_id = $2 LIMIT 1", [personId, unitId])) !== undefined;
    },
    async patientsOf(unitId, therapistId) {
      return (await pool.query<{ patient_id: string }>('SELECT patient_id FROM patient_therapists WHERE unit_id = $1 AND therapist_id = $2', [unitId, therapistId])).rows.map((row) => row.patient_id);
    },
    async addResponsible({ unitId, patientId, therapistId, audit: context }) {
      return inTransaction(pool, async (db) => {
        const added = ((await db.query(
          'INSERT INTO patient_therapists (unit_id, patient_id, therapist_id, assigned_at, assigned_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
          [unitId, patientId, therapistId, context.at, context.actorId ?? null],
        )).rowCount ?? 0) > 0;
        if (added) await audit(db, context, { action: 'patient.responsible_add', objectType: 'person', objectId: therapistId, organisationId: (await unitOrganisation(db, unitId)) ?? null, unitId, patientId });
        return added;
      });
    },
    async removeResponsible({ unitId, patientId, therapistId, audit: context }) {
      return inTransaction(pool, async (db) => {
        // Two removals at once: the second waits here, then counts without the first's row.
        await db.query('SELECT 1 FROM patient_therapists WHERE unit_id = $1 AND patient_id = $2 FOR UPDATE', [unitId, patientId]);
        const removed = ((await db.query('DELETE FROM patient_therapists WHERE unit_id = $1 AND patient_id = $2 AND therapist_id = $3', [unitId, patientId, therapistId])).rowCount ?? 0) > 0;
        if (!removed) return false;
        if ((await count(db, 'SELECT count(*) AS n FROM patient_therapists WHERE unit_id = $1 AND patient_id = $2', [unitId, patientId])) === 0) {
          throw new DomainError('conflict', 'A patient keeps at least one responsible therapist. Add another one first.');
        }
        await audit(db, context, { action: 'patient.responsible_remove', objectType: 'person', objectId: therapistId, organisationId: (await unitOrganisation(db, unitId)) ?? null, unitId, patientId });
        return true;
      });
    },
    async createPasswordReset(input) {
      await inTransaction(pool, async (db) => {
        const { reset } = input;
        await db.query('INSERT INTO password_resets (token_hash, person_id, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, NULL)', [reset.tokenHash, reset.personId, reset.createdAt, reset.expiresAt]);
        await mail.stage(db, input.mail);
        await audit(db, input.audit, { action: 'person.password_reset_request', objectType: 'person', objectId: reset.personId, details: { expiresAt: reset.expiresAt } });
      });
      mail.notify();
    },
    async countPasswordResetsSince(personId, since) {
      return count(pool, 'SELECT count(*) AS n FROM password_resets WHERE person_id = $1 AND created_at > $2', [personId, since]);
    },
    async completePasswordReset(input) {
      try {
        return await inTransaction(pool, async (db) => {
          // Compare-and-set: of two uses of one link (from two processes too), one finds it used.
          const used = await first<{ person_id: string }>(db, 'UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $3 RETURNING person_id', [input.at, input.tokenHash, input.at]);
          if (!used) return { ok: false as const, reason: 'unusable' as const };
          // Locked, so an account disabled meanwhile is seen disabled here.
          const person = await first<PersonRow>(db, 'SELECT * FROM people WHERE id = $1 FOR UPDATE', [used.person_id]);
          // Rolled back with the rest: the link stays unused, and the refusal says nothing more.
          if (!person) throw new ResetRefused('unusable');
          if (person.disabled_at !== null) throw new ResetRefused('disabled');
          if (person.password_chosen_at === null) throw new ResetRefused('no_password');
          await db.query('UPDATE people SET password_hash = $1 WHERE id = $2', [input.passwordHash, person.id]);
          await db.query('UPDATE password_resets SET used_at = $1 WHERE person_id = $2 AND used_at IS NULL', [input.at, person.id]);
          const endedSessions = await endSessions(db, person.id);
          await audit(db, { ...input.audit, actorId: person.id }, { action: 'person.password_reset', objectType: 'person', objectId: person.id, details: { sessionsEnded: endedSessions.length } });
          return { ok: true as const, personId: person.id, endedSessions };
        });
      } catch (error) {
        if (error instanceof ResetRefused) return { ok: false, reason: error.reason };
        throw error;
      }
    },
  };
}
