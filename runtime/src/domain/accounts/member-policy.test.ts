import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../principal.js';
import type { Organisation } from './accounts-store.js';
import { memberAccess } from './member-policy.js';

const publisher: Organisation = { id: 'pub', slug: 'pub', name: 'Pub', kind: 'publisher', createdAt: '2026-01-01T00:00:00.000Z' };
const provider: Organisation = { ...publisher, id: 'care', slug: 'care', kind: 'care_provider' };
const principal = (organisationId: string, ...roles: Role[]): Principal => ({ personId: 'p', name: 'P', email: 'p@example.org', sessionId: 's', memberships: roles.map((role) => ({ organisationId, role })) });

describe('memberAccess', () => {
  it('hides an organisation from anonymous callers and non-members', () => {
    expect(memberAccess(undefined, publisher)).toBe('none');
    expect(memberAccess(principal('other', 'permissions_admin'), publisher)).toBe('none');
  });

  it('refuses members without a manager role', () => {
    for (const role of ['designer', 'publisher', 'tester'] as const) expect(memberAccess(principal('pub', role), publisher)).toBe('member');
    expect(memberAccess(principal('care', 'therapist'), provider)).toBe('member');
    expect(memberAccess(principal('pub', 'care_provider_admin'), publisher)).toBe('member');
  });

  it('lets permissions admins manage, and care-provider admins manage a care provider', () => {
    expect(memberAccess(principal('pub', 'designer', 'permissions_admin'), publisher)).toBe('manage');
    expect(memberAccess(principal('care', 'permissions_admin'), provider)).toBe('manage');
    expect(memberAccess(principal('care', 'care_provider_admin'), provider)).toBe('manage');
  });
});
