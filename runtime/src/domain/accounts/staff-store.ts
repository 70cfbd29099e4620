import type { QueuedMail } from '../care/ports.js';
import type { AuditContext, Member, RoleGrant } from './accounts-store.js';

/** A unit of a care provider, as the People screen names it. */
export interface StaffUnit {
  id: string;
  name: string;
  active: boolean;
}

/** The care provider's staff (disabled ones included) and its units. */
export interface StaffDirectory {
  members: Member[];
  units: StaffUnit[];
}

/** A responsible therapist of a patient in a unit. */
export interface ResponsibleTherapist {
  personId: string;
  name: string;
  assignedAt: string;
}

/** A stored password-reset link; only the SHA-256 of its token. */
export interface PasswordResetRecord {
  tokenHash: string;
  personId: string;
  createdAt: string;
  expiresAt: string;
}

/** Why a password reset did not happen; the service answers all alike. */
export type ResetRefusal = 'unusable' | 'disabled' | 'no_password';

/**
 * Staff administration at a care provider: which therapists work in which unit, who is responsible
 * for which patient, disabled accounts, and password-reset links. Each method is one atomic unit
 * (one transaction in SQL) that writes its own audit row. Implementations:
 * storage/sqlite/staff-store.ts and storage/postgres/postgres-staff-store.ts; behaviour pinned by
 * storage/contract/staff-store.contract.ts.
 */
export interface StaffStore {
  /** The organisation's staff (people with a role other than patient) and its units. */
  staffDirectory(organisationId: string): Promise<StaffDirectory>;
  /** The unit's organisation, or undefined for an unknown unit. */
  unitOrganisation(unitId: string): Promise<string | undefined>;
  /**
   * Makes a member who holds the organisation's therapist role a therapist of the unit; false when
   * they already were. 'conflict' when the person is not a therapist of the unit's provider.
   */
  assignTherapist(input: { unitId: string; personId: string; audit: AuditContext }): Promise<boolean>;
  /** Ends the person's work in the unit and their responsibility for its patients; false when they were not its therapist. */
  unassignTherapist(input: { unitId: string; personId: string; audit: AuditContext }): Promise<boolean>;

  /**
   * Disables (or enables again) a staff account of the organisation: its sessions end; the person
   * and their audit trail stay. 'conflict' when the account holds roles in another organisation
   * (its own admins decide) or when no one else could manage the organisation's people.
   */
  setDisabled(input: { organisationId: string; personId: string; disabled: boolean; managerRoles: readonly RoleGrant['role'][]; audit: AuditContext }): Promise<{ changed: boolean; endedSessions: string[] }>;

  /** The patient's responsible therapists in the unit, by name. */
  responsibleTherapists(unitId: string, patientId: string): Promise<ResponsibleTherapist[]>;
  /** Whether the person is a patient of the unit (enrolled there). */
  isPatientOfUnit(unitId: string, patientId: string): Promise<boolean>;
  /** Whether the person is a therapist of the unit. */
  isTherapistOfUnit(unitId: string, personId: string): Promise<boolean>;
  /** The patients the therapist is responsible for in the unit. */
  patientsOf(unitId: string, therapistId: string): Promise<string[]>;
  /** Adds a responsible therapist (a therapist of the unit); false when already one. */
  addResponsible(input: { unitId: string; patientId: string; therapistId: string; audit: AuditContext }): Promise<boolean>;
  /** Removes one; 'conflict' when they are the last. False when they were not responsible. */
  removeResponsible(input: { unitId: string; patientId: string; therapistId: string; audit: AuditContext }): Promise<boolean>;

  /** Stores a reset link and queues its e-mail, in one transaction. */
  createPasswordReset(input: { reset: PasswordResetRecord; mail: QueuedMail; audit: AuditContext }): Promise<void>;
  /** How many reset links the person was sent after `since`. */
  countPasswordResetsSince(personId: string, since: string): Promise<number>;
  /**
   * Uses a reset link once (compare-and-set on "unused, unexpired at `at`"): sets the password,
   * ends every session of the person, and invalidates the person's other links. Refused for a
   * disabled account and for one that never chose a password (made for an invitation).
   */
  completePasswordReset(input: { tokenHash: string; at: string; passwordHash: string; audit: AuditContext }): Promise<{ ok: true; personId: string; endedSessions: string[] } | { ok: false; reason: ResetRefusal }>;
}
