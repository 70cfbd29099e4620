// The designer hides what the server would refuse; this checks, against the server's own policy, that
// it offers the test run, and the time-travel simulator (which stores nothing, so the server has no
// call of its own to refuse), to exactly the roles the server lets create a test enrollment.
import { canSimulate, canTryAsPatient } from '@careloom/designer/workflow-permissions';
import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../principal.js';
import { authorize } from './policy.js';

describe("the designer's test-run button", () => {
  const roles: Role[] = ['designer', 'publisher', 'tester', 'permissions_admin'];

  it('is offered to exactly the roles the server lets create a test enrollment', () => {
    for (const role of roles) {
      const principal: Principal = { personId: 'p', name: 'P', email: 'p@example.test', sessionId: 's', memberships: [{ organisationId: 'org', role }] };
      const server = authorize(principal, 'test_enrollment.create', { organisationId: 'org' }).allowed;
      expect(canTryAsPatient({ kind: 'module' }, { state: 'approved_for_test' }, [role]), role).toBe(server);
      expect(canSimulate([role]), role).toBe(server);
    }
  });
});
