import type Database from 'better-sqlite3';
import type { AuditContext, Member } from '../../domain/accounts/accounts-store.js';
import type { StaffStore } from '../../domain/accounts/staff-store.js';
import { DomainError } from '../../domain/errors.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { grantOf, toPerson, type MembershipRow, type PersonRow } from './accounts-rows.js';
import { writeAuditEntry } from './sqlite-audit-log.js';
import { outboxWriter, type SqliteMailOutbox } from './sqlite-mail-outbox.js';

interface AuditRow {
  action: string;
  objectType: string;
  objectId: string;
  organisationId?: string | null;
  unitId?: string | null;
  patientId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The staff store on SQLite (tables from migrations/020-staff-administration.sql and the accounts
 * tables). Each write is one synchronous transaction with its audit row; nothing is awaited inside.
 *
 * @example
 * const staff = createSqliteStaffStore(db, { mail });
 * await staff.assignTherapist({ unitId, personId, audit });
 */
export function createSqliteStaffStore(db: Database.Database, options: { ids?: IdGenerator; mail?: Pick<SqliteMailOutbox, 'stage' | 'notify'> } = {}): StaffStore {
  const ids = options.ids ?? uuidGenerator;
  const mail = options.mail ?? { stage: outboxWriter(db, 'held'), notify: () => undefined };
  const audit = (context: AuditContext, row: AuditRow) => writeAuditEntry(db, { id: ids.newId(), ...context, ...row });

  const statements = {
    staff: db.prepare<[string], MembershipRow & PersonRow>(
      `SELECT m.*, p.* FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.organisation_id = ? AND m.role <> 'patient' ORDER BY p.name COLLATE NOCASE, p.id, m.role, m.unit_id`,
    ),
    units: db.prepare<[string], { id: string; name: string; active: number }>('SELECT id, name, active FROM care_units WHERE organisation_id = ? ORDER BY name COLLATE NOCASE, id'),
    unitOrganisation: db.prepare<[string], { organisation_id: string }>('SELECT organisation_id FROM care_units WHERE id = ?'),
    holds: db.prepare<[string, string, string], { ok: number }>("SELECT 1 AS ok FROM memberships WHERE person_id = ? AND organisation_id = ? AND role = ? AND unit_id IS NULL"),
    holdsInUnit: db.prepare<[string, string, string], { ok: number }>('SELECT 1 AS ok FROM memberships WHERE person_id = ? AND role = ? AND unit_id = ? LIMIT 1'),
    grant: db.prepare('INSERT OR IGNORE INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?)'),
    ungrant: db.prepare("DELETE FROM memberships WHERE person_id = ? AND role = 'therapist' AND unit_id = ?"),
    dropResponsibilities: db.prepare('DELETE FROM patient_therapists WHERE therapist_id = ? AND unit_id = ?'),
    person: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?'),
    otherOrganisations: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM memberships WHERE person_id = ? AND organisation_id <> ?'),
    isStaff: db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM memberships WHERE person_id = ? AND organisation_id = ? AND role <> 'patient'"),
    setDisabled: db.prepare('UPDATE people SET disabled_at = ? WHERE id = ?'),
    endSessions: db.prepare<[string], { id: string }>('DELETE FROM sessions WHERE person_id = ? RETURNING id'),
    responsible: db.prepare<[string, string], { therapist_id: string; name: string; assigned_at: string }>(
      'SELECT pt.therapist_id, p.name, pt.assigned_at FROM patient_therapists pt JOIN people p ON p.id = pt.therapist_id WHERE pt.unit_id = ? AND pt.patient_id = ? ORDER BY p.name COLLATE NOCASE, p.id',
    ),
    isPatient: db.prepare<[string, string], { ok: number }>('SELECT 1 AS ok FROM enrollments WHERE unit_id = ? AND patient_id = ? LIMIT 1'),
    patientsOf: db.prepare<[string, string], { patient_id: string }>('SELECT patient_id FROM patient_therapists WHERE unit_id = ? AND therapist_id = ?'),
    addResponsible: db.prepare('INSERT OR IGNORE INTO patient_therapists (unit_id, patient_id, therapist_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?)'),
    removeResponsible: db.prepare('DELETE FROM patient_therapists WHERE unit_id = ? AND patient_id = ? AND therapist_id = ?'),
    countResponsible: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM patient_therapists WHERE unit_id = ? AND patient_id = ?'),
    insertReset: db.prepare('INSERT INTO password_resets (token_hash, person_id, created_at, expires_at, used_at) VALUES (@tokenHash, @personId, @createdAt, @expiresAt, NULL)'),
    countResets: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM password_resets WHERE person_id = ? AND created_at > ?'),
    useReset: db.prepare<[string, string, string], { person_id: string }>('UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING person_id'),
    useOtherResets: db.prepare('UPDATE password_resets SET used_at = ? WHERE person_id = ? AND used_at IS NULL'),
    setPassword: db.prepare('UPDATE people SET password_hash = ? WHERE id = ?'),
  };

  const managersLeft = (organisationId: string, roles: readonly string[]): number => {
    if (roles.length === 0) return 1;
    const placeholders = roles.map(() => '?').join(', ');
    return db
      .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.organisation_id = ? AND m.role IN (${placeholders}) AND p.disabled_at IS NULL`)
      .get(organisationId, ...roles)!.n;
  };

  const transactions = {
    assign: db.transaction((unitId: string, personId: string, context: AuditContext): boolean => {
      const organisationId = statements.unitOrganisation.get(unitId)?.organisation_id;
      if (!organisationId) throw new DomainError('not_found', 'There is no such unit.');
      if (!statements.holds.get(personId, organisationId, 'therapist')) throw new DomainError('conflict', 'Only a member with the therapist role can work in a unit. Give them the therapist role first.');
      const added = statements.grant.run(personId, organisationId, 'therapist', unitId, context.actorId ?? null, context.at).changes > 0;
      if (added) audit(context, { action: 'unit.therapist_assign', objectType: 'person', objectId: personId, organisationId, unitId });
      return added;
    }),
    unassign: db.transaction((unitId: string, personId: string, context: AuditContext): boolean => {
      const organisationId = statements.unitOrganisation.get(unitId)?.organisation_id;
      if (!organisationId) throw new DomainError('not_found', 'There is no such unit.');
      const removed = statements.ungrant.run(personId, unitId).changes > 0;
      if (!removed) return false;
      const responsibilities = statements.dropResponsibilities.run(personId, unitId).changes;
      audit(context, { action: 'unit.therapist_unassign', objectType: 'person', objectId: personId, organisationId, unitId, details: { responsibilitiesEnded: responsibilities } });
      return true;
    }),
    setDisabled: db.transaction((organisationId: string, personId: string, disabled: boolean, managerRoles: readonly string[], context: AuditContext) => {
      const person = statements.person.get(personId);
      if (!person || statements.isStaff.get(personId, organisationId)!.n === 0) throw new DomainError('not_found', 'This person is not a member of the organisation.');
      if (statements.otherOrganisations.get(personId, organisationId)!.n > 0) {
        throw new DomainError('conflict', 'This person also has a role in another organisation in Careloom (staff or patient); remove them from this one instead of disabling the account.');
      }
      if ((person.disabled_at !== null) === disabled) return { changed: false, endedSessions: [] as string[] };
      statements.setDisabled.run(disabled ? context.at : null, personId);
      if (disabled && managersLeft(organisationId, managerRoles) === 0) {
        throw new DomainError('conflict', 'This would leave the organisation without anyone who can manage its people. Give that role to someone else first.');
      }
      const endedSessions = disabled ? statements.endSessions.all(personId).map((row) => row.id) : [];
      audit(context, { action: disabled ? 'person.disable' : 'person.enable', objectType: 'person', objectId: personId, organisationId, details: { sessionsEnded: endedSessions.length } });
      return { changed: true, endedSessions };
    }),
    addResponsible: db.transaction((unitId: string, patientId: string, therapistId: string, context: AuditContext): boolean => {
      const added = statements.addResponsible.run(unitId, patientId, therapistId, context.at, context.actorId ?? null).changes > 0;
      if (added) audit(context, { action: 'patient.responsible_add', objectType: 'person', objectId: therapistId, organisationId: statements.unitOrganisation.get(unitId)?.organisation_id ?? null, unitId, patientId });
      return added;
    }),
    removeResponsible: db.transaction((unitId: string, patientId: string, therapistId: string, context: AuditContext): boolean => {
      const removed = statements.removeResponsible.run(unitId, patientId, therapistId).changes > 0;
      if (!removed) return false;
      if (statements.countResponsible.get(unitId, patientId)!.n === 0) throw new DomainError('conflict', 'A patient keeps at least one responsible therapist. Add another one first.');
      audit(context, { action: 'patient.responsible_remove', objectType: 'person', objectId: therapistId, organisationId: statements.unitOrganisation.get(unitId)?.organisation_id ?? null, unitId, patientId });
      return true;
    }),
    createReset: db.transaction((reset: Parameters<StaffStore['createPasswordReset']>[0]) => {
      statements.insertReset.run(reset.reset);
      mail.stage(reset.mail);
      audit(reset.audit, { action: 'person.password_reset_request', objectType: 'person', objectId: reset.reset.personId, details: { expiresAt: reset.reset.expiresAt } });
    }),
    completeReset: db.transaction((input: Parameters<StaffStore['completePasswordReset']>[0]) => {
      const used = statements.useReset.get(input.at, input.tokenHash, input.at);
      if (!used) return { ok: false as const, reason: 'unusable' as const };
      const person = statements.person.get(used.person_id);
      // Rolled back with the rest: the link stays unused, and the refusal says nothing more.
      if (!person) throw new ResetRefused('unusable');
      if (person.disabled_at !== null) throw new ResetRefused('disabled');
      if (person.password_chosen_at === null) throw new ResetRefused('no_password');
      statements.setPassword.run(input.passwordHash, person.id);
      statements.useOtherResets.run(input.at, person.id);
      const endedSessions = statements.endSessions.all(person.id).map((row) => row.id);
      audit({ ...input.audit, actorId: person.id }, { action: 'person.password_reset', objectType: 'person', objectId: person.id, details: { sessionsEnded: endedSessions.length } });
      return { ok: true as const, personId: person.id, endedSessions };
    }),
  };

  return {
    async staffDirectory(organisationId) {
      const members = new Map<string, Member>();
      for (const row of statements.staff.all(organisationId)) {
        let member = members.get(row.person_id);
        if (!member) {
          member = { person: toPerson({ ...row, id: row.person_id }), roles: [] };
          members.set(row.person_id, member);
        }
        member.roles.push(grantOf({ role: row.role, ...(row.unit_id === null ? {} : { unitId: row.unit_id }) }));
      }
      return { members: [...members.values()], units: statements.units.all(organisationId).map((unit) => ({ id: unit.id, name: unit.name, active: unit.active === 1 })) };
    },
    async unitOrganisation(unitId) {
      return statements.unitOrganisation.get(unitId)?.organisation_id;
    },
    async assignTherapist({ unitId, personId, audit: context }) {
      return transactions.assign(unitId, personId, context);
    },
    async unassignTherapist({ unitId, personId, audit: context }) {
      return transactions.unassign(unitId, personId, context);
    },
    async setDisabled({ organisationId, personId, disabled, managerRoles, audit: context }) {
      return transactions.setDisabled(organisationId, personId, disabled, managerRoles, context);
    },
    async responsibleTherapists(unitId, patientId) {
      return statements.responsible.all(unitId, patientId).map((row) => ({ personId: row.therapist_id, name: row.name, assignedAt: row.assigned_at }));
    },
    async isPatientOfUnit(unitId, patientId) {
      return statements.isPatient.get(unitId, patientId) !== undefined;
    },
    async isTherapistOfUnit(unitId, personId) {
      return statements.holdsInUnit.get(personId, 'therapist', unitId) !== undefined;
    },
    async patientsOf(unitId, therapistId) {
      return statements.patientsOf.all(unitId, therapistId).map((row) => row.patient_id);
    },
    async addResponsible({ unitId, patientId, therapistId, audit: context }) {
      return transactions.addResponsible(unitId, patientId, therapistId, context);
    },
    async removeResponsible({ unitId, patientId, therapistId, audit: context }) {
      return transactions.removeResponsible(unitId, patientId, therapistId, context);
    },
    async createPasswordReset(input) {
      transactions.createReset(input);
      mail.notify();
    },
    async countPasswordResetsSince(personId, since) {
      return statements.countResets.get(personId, since)!.n;
    },
    async completePasswordReset(input) {
      try {
        return transactions.completeReset(input);
      } catch (error) {
        if (error instanceof ResetRefused) return { ok: false, reason: error.reason };
        throw error;
      }
    },
  };
}

/** Rolls the reset's transaction back and names why. */
class ResetRefused extends Error {
  constructor(readonly reason: 'unusable' | 'disabled' | 'no_password') {
    super(reason);
  }
}
