import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../storage/types.js';
import type { IdGenerator } from '../../ids.js';
import { DomainError } from '../errors.js';
import { hasRole, type Principal } from '../principal.js';
import type { AccountsStore, AuditContext, Organisation } from './accounts-store.js';
import { memberAccess } from './member-policy.js';
import { MEMBER_MANAGER_ROLES } from './organisation-roles.js';
import type { RequestContext } from './request-context.js';
import type { SessionRevokedHub } from './session-revoked.js';
import type { ResponsibleTherapist, StaffDirectory, StaffStore } from './staff-store.js';

export interface StaffServiceDeps {
  store: StaffStore;
  accounts: AccountsStore;
  audit: AuditLog;
  sessionRevoked: SessionRevokedHub;
  clock: Clock;
  ids: IdGenerator;
}

export interface StaffService {
  /** The care provider's staff with their roles and unit assignments, and its units (its people managers). */
  directory(principal: Principal, organisationId: string): Promise<StaffDirectory>;
  assignTherapist(principal: Principal, unitId: string, personId: string, context: RequestContext): Promise<void>;
  unassignTherapist(principal: Principal, unitId: string, personId: string, context: RequestContext): Promise<void>;
  /** Disables or enables a staff account of the organisation (its people managers; never oneself). */
  setDisabled(principal: Principal, organisationId: string, personId: string, disabled: boolean, context: RequestContext): Promise<void>;
  /** The patient's responsible therapists (the unit's therapists). */
  responsible(principal: Principal, unitId: string, patientId: string, context: RequestContext): Promise<ResponsibleTherapist[]>;
  addResponsible(principal: Principal, unitId: string, patientId: string, therapistId: string, context: RequestContext): Promise<ResponsibleTherapist[]>;
  removeResponsible(principal: Principal, unitId: string, patientId: string, therapistId: string, context: RequestContext): Promise<ResponsibleTherapist[]>;
}

const NO_UNIT = 'There is no such unit, or it is not one of yours.';
const NO_PATIENT = 'There is no such patient in this unit.';

/**
 * Staff administration at a care provider: a permissions admin (or the provider's admin) sees the
 * staff, assigns therapists to units and removes them, and disables accounts; the unit's therapists
 * keep each patient's responsible therapists. Changes take effect at once: every request loads
 * the person's roles afresh, and a change that takes access away emits `sessionRevoked`, which
 * closes or re-checks the person's live connections.
 *
 * @example
 * const staff = createStaffService({ store, accounts, audit, sessionRevoked, clock, ids });
 * await staff.assignTherapist(admin, 'unit-1', therapistId, { ip });
 */
export function createStaffService(deps: StaffServiceDeps): StaffService {
  const auditOf = (context: RequestContext, principal: Principal, organisation: Organisation | undefined, role?: string): AuditContext => {
    const actorRole = role ?? (organisation ? MEMBER_MANAGER_ROLES[organisation.kind].find((candidate) => hasRole(principal, organisation.id, candidate)) : undefined);
    return {
      at: deps.clock.now().toISOString(),
      actorId: principal.personId,
      ...(actorRole ? { actorRole: actorRole as AuditContext['actorRole'] } : {}),
      ...(context.ip === undefined ? {} : { ip: context.ip }),
      ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
    };
  };

  /** The organisation, for someone who may manage its people: 404 hides it from outsiders, 403 for its other members. */
  const managed = async (principal: Principal, organisationId: string, kind?: Organisation['kind']): Promise<Organisation> => {
    const organisation = await deps.accounts.findOrganisation(organisationId);
    const access = organisation && (kind === undefined || organisation.kind === kind) ? memberAccess(principal, organisation) : 'none';
    if (!organisation || access === 'none') throw new DomainError('not_found', 'No such care provider, or you are not one of its members.');
    if (access !== 'manage') throw new DomainError('forbidden', "Only the care provider's permissions admins may manage its staff.");
    return organisation;
  };

  const managedUnit = async (principal: Principal, unitId: string): Promise<Organisation> => {
    const organisationId = await deps.store.unitOrganisation(unitId);
    if (organisationId === undefined) {
      // Someone who manages no organisation at all learns nothing more than "not allowed".
      if (!principal.memberships.some((membership) => (MEMBER_MANAGER_ROLES.care_provider as readonly string[]).includes(membership.role))) throw new DomainError('forbidden', "Only a care provider's permissions admins may manage its staff.");
      throw new DomainError('not_found', NO_UNIT);
    }
    return managed(principal, organisationId, 'care_provider');
  };

  /** A therapist of the unit, acting on one of its patients. */
  const treating = async (principal: Principal, unitId: string, patientId: string): Promise<string> => {
    if (!principal.memberships.some((membership) => membership.role === 'therapist')) throw new DomainError('forbidden', 'This needs the therapist role.');
    const organisationId = await deps.store.unitOrganisation(unitId);
    if (organisationId === undefined || !principal.memberships.some((membership) => membership.role === 'therapist' && membership.unitId === unitId && membership.organisationId === organisationId)) {
      throw new DomainError('not_found', NO_UNIT);
    }
    if (!(await deps.store.isPatientOfUnit(unitId, patientId))) throw new DomainError('not_found', NO_PATIENT);
    return organisationId;
  };

  return {
    async directory(principal, organisationId) {
      await managed(principal, organisationId, 'care_provider');
      return deps.store.staffDirectory(organisationId);
    },

    async assignTherapist(principal, unitId, personId, context) {
      const organisation = await managedUnit(principal, unitId);
      await deps.store.assignTherapist({ unitId, personId, audit: auditOf(context, principal, organisation) });
    },

    async unassignTherapist(principal, unitId, personId, context) {
      const organisation = await managedUnit(principal, unitId);
      if (!(await deps.store.unassignTherapist({ unitId, personId, audit: auditOf(context, principal, organisation) }))) {
        throw new DomainError('not_found', 'This person is not a therapist of the unit.');
      }
      deps.sessionRevoked.emit({ personId, organisationId: organisation.id, reason: 'roles_changed' });
    },

    async setDisabled(principal, organisationId, personId, disabled, context) {
      const organisation = await managed(principal, organisationId);
      if (personId === principal.personId) throw new DomainError('conflict', 'You cannot disable your own account. Ask another permissions admin.');
      const result = await deps.store.setDisabled({ organisationId, personId, disabled, managerRoles: MEMBER_MANAGER_ROLES[organisation.kind], audit: auditOf(context, principal, organisation) });
      if (disabled && result.changed) deps.sessionRevoked.emit({ personId, sessionIds: result.endedSessions, organisationId, reason: 'disabled' });
    },

    async responsible(principal, unitId, patientId, context) {
      const organisationId = await treating(principal, unitId, patientId);
      const therapists = await deps.store.responsibleTherapists(unitId, patientId);
      // Who treats a patient is patient data: its read is audited like any other.
      const audit = auditOf(context, principal, undefined, 'therapist');
      await deps.audit.append({ id: deps.ids.newId(), ...audit, action: 'patient.read', objectType: 'person', objectId: patientId, organisationId, unitId, patientId, details: { read: 'responsible therapists' } });
      return therapists;
    },

    async addResponsible(principal, unitId, patientId, therapistId, context) {
      await treating(principal, unitId, patientId);
      if (!(await deps.store.isTherapistOfUnit(unitId, therapistId))) throw new DomainError('conflict', 'Only a therapist of this unit can be responsible for its patients.');
      await deps.store.addResponsible({ unitId, patientId, therapistId, audit: auditOf(context, principal, undefined, 'therapist') });
      return deps.store.responsibleTherapists(unitId, patientId);
    },

    async removeResponsible(principal, unitId, patientId, therapistId, context) {
      await treating(principal, unitId, patientId);
      if (!(await deps.store.removeResponsible({ unitId, patientId, therapistId, audit: auditOf(context, principal, undefined, 'therapist') }))) {
        throw new DomainError('not_found', 'This therapist is not responsible for the patient.');
      }
      return deps.store.responsibleTherapists(unitId, patientId);
    },
  };
}
