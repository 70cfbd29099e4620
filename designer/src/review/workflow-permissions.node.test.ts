import { describe, expect, it } from 'vitest';
import type { WorkflowAction } from '../api/types.js';
import { authorize } from '../../../runtime/src/domain/authoring/policy.js';
import type { Principal, Role } from '../../../runtime/src/domain/principal.js';
import { VERSION_STATES } from '../../../schemas/src/workflow/version-workflow.js';
import { canTryAsPatient, offeredActions } from './workflow-permissions.js';

const version = (allowedActions: WorkflowAction[], authoredBy = 'dana') => ({ allowedActions, authoredBy, contributors: [authoredBy] });

describe('offeredActions', () => {
  it('gives publishers the review actions the state allows, designers only withdraw', () => {
    expect(offeredActions(version(['start_review', 'withdraw']), ['publisher'], 'paul')).toEqual([{ action: 'start_review' }]);
    expect(offeredActions(version(['start_review', 'withdraw']), ['designer'], 'dana')).toEqual([{ action: 'withdraw' }]);
    expect(offeredActions(version(['start_review', 'withdraw']), ['tester'], 'tess')).toEqual([]);
    expect(offeredActions(version(['retire']), ['publisher'], 'paul')).toEqual([{ action: 'retire' }]);
  });

  it('blocks approving and releasing one\'s own version, and withdrawing someone else\'s', () => {
    expect(offeredActions(version(['request_changes', 'approve_for_test']), ['publisher', 'designer'], 'dana')).toEqual([
      { action: 'request_changes' },
      { action: 'approve_for_test', blockedBy: 'four-eyes' },
    ]);
    expect(offeredActions(version(['withdraw']), ['designer'], 'other')).toEqual([{ action: 'withdraw', blockedBy: 'not-involved' }]);
  });
});

describe('canTryAsPatient', () => {
  const roles: Role[] = ['designer', 'publisher', 'tester', 'permissions_admin'];

  it('offers the test run to exactly the roles the server lets create a test enrollment', () => {
    for (const role of roles) {
      const principal: Principal = { personId: 'p', name: 'P', email: 'p@example.test', sessionId: 's', memberships: [{ organisationId: 'org', role }] };
      const server = authorize(principal, 'test_enrollment.create', { organisationId: 'org' }).allowed;
      expect(canTryAsPatient({ kind: 'module' }, { state: 'approved_for_test' }, [role]), role).toBe(server);
    }
  });

  it('only for module versions approved for test or released', () => {
    const testable = VERSION_STATES.filter((state) => canTryAsPatient({ kind: 'module' }, { state }, ['tester']));
    expect(testable).toEqual(['approved_for_test', 'released']);
    expect(canTryAsPatient({ kind: 'program' }, { state: 'released' }, ['publisher'])).toBe(false);
  });
});
