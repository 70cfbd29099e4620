import { ACTION_ROLE, FOUR_EYES_ACTIONS, TESTABLE_STATES } from '@careloom/format/workflow';
import type { DocumentSummary, VersionView, WorkflowAction } from '@careloom/format/api';

// The role and four-eyes tables are the server's own (a pure file with no imports), so the buttons
// offered and the server's decisions cannot drift apart. The server still decides.

/** One workflow button: the action, and why it cannot be taken by this person (when it cannot). */
export interface OfferedAction {
  action: WorkflowAction;
  blockedBy?: 'four-eyes' | 'not-involved';
}

/**
 * The actions to offer a person on a version: those the version's state allows (`allowedActions`)
 * that one of the person's roles may take. Approving and releasing one's own work is offered but
 * blocked (so the reason can be shown); withdrawing is only for the version's own designers.
 *
 * @example
 * offeredActions(version, ['publisher'], 'person-1'); // [{ action: 'approve_for_test' }, { action: 'request_changes' }, …]
 */
export function offeredActions(version: Pick<VersionView, 'allowedActions' | 'authoredBy' | 'contributors'>, roles: readonly string[], personId: string): OfferedAction[] {
  const involved = version.authoredBy === personId || version.contributors.includes(personId);
  return version.allowedActions
    .filter((action) => roles.includes(ACTION_ROLE[action]))
    .map((action): OfferedAction => {
      if (FOUR_EYES_ACTIONS.has(action) && involved) return { action, blockedBy: 'four-eyes' };
      if (action === 'withdraw' && !involved) return { action, blockedBy: 'not-involved' };
      return { action };
    });
}

/**
 * Roles that may go through a version as a patient (`test_enrollment.create` in
 * runtime/src/domain/authoring/policy.ts; workflow-permissions.node.test.ts checks they agree).
 */
export const TEST_RUN_ROLES: readonly string[] = ['tester', 'publisher'];

/**
 * Whether to offer "Try as a patient" on a version: a module version approved for test or released,
 * to a tester or publisher. Programs are tried module by module.
 *
 * @example
 * canTryAsPatient({ kind: 'module' }, { state: 'approved_for_test' }, ['tester']); // true
 */
export function canTryAsPatient(document: Pick<DocumentSummary, 'kind'>, version: Pick<VersionView, 'state'>, roles: readonly string[]): boolean {
  return document.kind === 'module' && TESTABLE_STATES.has(version.state) && roles.some((role) => TEST_RUN_ROLES.includes(role));
}

/**
 * Whether to offer the time-travel simulator: to the roles offered the test run (testers and
 * publishers), on any draft or version of a module or program. Nothing is stored, so the server is
 * only asked for content the person may read anyway.
 *
 * @example
 * canSimulate(['designer']); // false
 */
export function canSimulate(roles: readonly string[]): boolean {
  return roles.some((role) => TEST_RUN_ROLES.includes(role));
}
