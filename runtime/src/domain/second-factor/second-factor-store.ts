import type { AuditContext } from '../accounts/accounts-store.js';

/** A person's second factor as stored. The secret is sealed (never in the clear, never logged). */
export interface SecondFactorRecord {
  personId: string;
  secretSealed: string;
  createdAt: string;
  /** Null while the enrolment waits for its first code. */
  confirmedAt: string | null;
  /** The time step of the last code accepted. */
  lastStep: number | null;
  recoveryCodesLeft: number;
}

/** An organisation's rule for its staff. */
export interface SecondFactorPolicy {
  organisationId: string;
  required: boolean;
  updatedAt: string | null;
}

/**
 * The second-factor port. Each method is one atomic unit writing its own audit row (ids, never the
 * secret, a code or a hash). Implementations: storage/sqlite/second-factor-store.ts and the
 * PostgreSQL twin; behaviour pinned by storage/contract/second-factor-store.contract.ts.
 */
export interface SecondFactorStore {
  find(personId: string): Promise<SecondFactorRecord | undefined>;
  /** Starts, or starts again, an unconfirmed enrolment with a new secret; 'conflict' when a confirmed one exists. */
  beginEnrolment(input: { personId: string; secretSealed: string; at: string; audit: AuditContext }): Promise<void>;
  /**
   * Confirms the pending enrolment with the step of the code given (compare-and-set on "not yet
   * confirmed") and stores the recovery codes' hashes; false when there is no pending enrolment.
   * The same write frees the person's open sessions that owed a second factor (`SessionRecord.secondFactorOwed`).
   */
  confirmEnrolment(input: { personId: string; step: number; recoveryCodeHashes: readonly string[]; at: string; audit: AuditContext }): Promise<boolean>;
  /** Accepts a code of time step `step` once: false when a code of this step or a later one was accepted already (a replay). */
  acceptStep(input: { personId: string; step: number; audit: AuditContext }): Promise<boolean>;
  /** Uses a recovery code once (compare-and-set); false when unknown or used. */
  useRecoveryCode(input: { personId: string; codeHash: string; at: string; audit: AuditContext }): Promise<boolean>;
  /** Removes the second factor and its recovery codes; false when there was none. */
  remove(input: { personId: string; audit: AuditContext }): Promise<boolean>;
  /** Whether any organisation where the person holds a staff role (not patient) requires a second factor. */
  requiredFor(personId: string): Promise<boolean>;
  getPolicy(organisationId: string): Promise<SecondFactorPolicy>;
  /**
   * Sets the rule and, in the same write, reaches the sessions already open: turned on, the password
   * sessions of its staff without a confirmed second factor are marked as owing one; turned off, the
   * marks of people no other organisation of theirs requires it of are cleared. `peopleAffected`
   * names whose sessions changed (their cached sessions must be forgotten).
   */
  setPolicy(input: { organisationId: string; required: boolean; at: string; audit: AuditContext }): Promise<SecondFactorPolicy & { peopleAffected: string[] }>;
  /** Writes only an audit row: a refused code (wrong, replayed, throttled). */
  recordRefused(input: { personId: string; reason: 'wrong_code' | 'replayed' | 'throttled'; audit: AuditContext }): Promise<void>;
}
