import { describe, expect, it } from 'vitest';
import type { Membership, Principal } from '../principal.js';
import { authorize, catalogScope, readableOrganisations } from './policy.js';
import type { AuthoringPermission } from './policy.js';

const principal = (...memberships: Membership[]): Principal => ({ personId: 'p', name: 'P', email: 'p@example.org', memberships, sessionId: 's' });
const inA = (role: Membership['role']) => principal({ organisationId: 'org-a', role });
const resource = { organisationId: 'org-a' };

/** permission → roles of org-a that may; everyone else in org-a is forbidden, outsiders get not_found. */
const TABLE: Record<AuthoringPermission, Membership['role'][]> = {
  'document.create': ['designer'],
  'document.read': ['designer', 'publisher', 'tester'],
  'draft.edit': ['designer'],
  'version.submit': ['designer'],
  'comment.write': ['designer', 'publisher', 'tester'],
  'test_enrollment.create': ['tester', 'publisher'],
  'transition.start_review': ['publisher'],
  'transition.request_changes': ['publisher'],
  'transition.approve_for_test': ['publisher'],
  'transition.release': ['publisher'],
  'transition.retire': ['publisher'],
  'transition.withdraw': ['designer'],
};
const ROLES: Membership['role'][] = ['designer', 'publisher', 'tester', 'permissions_admin', 'care_provider_admin', 'therapist', 'patient'];

describe('authoring policy', () => {
  for (const [permission, allowed] of Object.entries(TABLE) as Array<[AuthoringPermission, Membership['role'][]]>) {
    it(`${permission}: refuses anonymous, outsiders and other roles; allows ${allowed.join(', ')}`, () => {
      expect(authorize(undefined, permission, resource)).toMatchObject({ allowed: false, code: 'unauthenticated' });
      const outsider = authorize(principal({ organisationId: 'org-b', role: 'publisher' }), permission, resource);
      expect(outsider).toMatchObject({ allowed: false, code: permission === 'document.create' ? 'forbidden' : 'not_found' });
      for (const role of ROLES) {
        const decision = authorize(inA(role), permission, resource);
        if (allowed.includes(role)) expect(decision).toEqual({ allowed: true, role });
        else expect(decision).toMatchObject({ allowed: false, code: 'forbidden' });
      }
    });
  }

  it('lists the organisations where the principal designs, publishes or tests', () => {
    expect(readableOrganisations(undefined)).toBeUndefined();
    expect(readableOrganisations(principal({ organisationId: 'org-a', role: 'tester' }, { organisationId: 'org-b', role: 'permissions_admin' }))).toEqual(['org-a']);
  });

  it('opens the whole catalog to care-provider admins, their own entries to publishing members, nothing to others', () => {
    expect(catalogScope(undefined)).toMatchObject({ allowed: false, code: 'unauthenticated' });
    expect(catalogScope(principal({ organisationId: 'care-1', role: 'care_provider_admin' }))).toEqual({ scope: 'all' });
    expect(catalogScope(inA('permissions_admin'))).toEqual({ scope: 'organisations', organisationIds: ['org-a'] });
    expect(catalogScope(principal({ organisationId: 'care-1', role: 'therapist', unitId: 'u' }))).toMatchObject({ allowed: false, code: 'forbidden' });
  });
});
