import { describe, expect, it } from 'vitest';
import { describeEveryRole } from '../testing/every-role.js';
import type * as Y from 'yjs';
import { createAuthoringTestApp } from '../testing/authoring-test-app.js';
import type { AuthoringTestApp } from '../testing/authoring-test-app.js';

/**
 * Every authoring endpoint × every role, refusals first. Each case runs on a fresh app holding
 * module "sleep-basics" of org-a with version 1 approved for test, version 2 submitted, a draft
 * edited since, a comment thread and a test enrollment.
 */
async function seeded(): Promise<AuthoringTestApp & { commentId: string; enrollmentId: string }> {
  const t = createAuthoringTestApp();
  const ok = (response: { status: number; body: unknown }, status: number) => {
    if (response.status !== status) throw new Error(`seed step failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>;
  };
  ok(await t.call('designer', 'POST', '/api/modules', { organisationId: 'org-a', example: 'sleep-basics' }), 201);
  ok(await t.call('designer', 'POST', '/api/modules/sleep-basics/versions', { changeNote: 'First' }), 201);
  ok(await t.call('publisher', 'POST', '/api/modules/sleep-basics/versions/1/transitions', { action: 'start_review' }), 200);
  ok(await t.call('publisher', 'POST', '/api/modules/sleep-basics/versions/1/transitions', { action: 'approve_for_test' }), 200);
  const retitle = (suffix: string) => (root: Y.Map<unknown>) => {
    const english = (root.get('title') as Y.Map<Y.Text>).get('en') as Y.Text;
    english.insert(english.length, suffix);
  };
  // Each version differs from the one before (an unchanged draft is refused), and the draft from version 2.
  await t.editDraft('sleep-basics', 'designer', retitle(' (second)'));
  ok(await t.call('designer', 'POST', '/api/modules/sleep-basics/versions', { changeNote: 'Second' }), 201);
  await t.editDraft('sleep-basics', 'designer', retitle(' (third)'));
  const comment = ok(await t.call('publisher', 'POST', '/api/modules/sleep-basics/comments', { body: 'Check this', version: 1, anchor: 'intro' }), 201);
  const enrollment = ok(await t.call('tester', 'POST', '/api/modules/sleep-basics/versions/1/test-enrollments'), 201);
  return { ...t, commentId: comment['id'] as string, enrollmentId: enrollment['id'] as string };
}

interface Endpoint {
  name: string;
  method: string;
  path: (ids: { commentId: string; enrollmentId: string }) => string;
  body?: unknown;
  /** Expected status per role; refusals are listed (and run) first. */
  expect: Record<string, number>;
}

const NOT_IN_ORG = { 'other-publisher': 404, 'care-admin': 404, therapist: 404 };
const READERS = { designer: 200, publisher: 200, tester: 200 };
const READ = { anonymous: 401, admin: 403, ...NOT_IN_ORG, ...READERS };

const ENDPOINTS: Endpoint[] = [
  { name: 'list modules', method: 'GET', path: () => '/api/modules', expect: { anonymous: 401, admin: 403, 'care-admin': 403, therapist: 403, 'other-publisher': 200, ...READERS } },
  {
    name: 'create a module',
    method: 'POST',
    path: () => '/api/modules',
    body: { organisationId: 'org-a', id: 'new-module', title: 'New' },
    expect: { anonymous: 401, publisher: 403, tester: 403, admin: 403, 'other-publisher': 403, 'care-admin': 403, therapist: 403, designer: 201 },
  },
  { name: 'read a module', method: 'GET', path: () => '/api/modules/sleep-basics', expect: READ },
  { name: 'read the draft', method: 'GET', path: () => '/api/modules/sleep-basics/draft', expect: READ },
  {
    name: 'submit a version',
    method: 'POST',
    path: () => '/api/modules/sleep-basics/versions',
    body: { changeNote: 'Third' },
    expect: { anonymous: 401, publisher: 403, tester: 403, admin: 403, ...NOT_IN_ORG, designer: 201 },
  },
  { name: 'list versions', method: 'GET', path: () => '/api/modules/sleep-basics/versions', expect: READ },
  { name: 'read a version', method: 'GET', path: () => '/api/modules/sleep-basics/versions/1', expect: READ },
  {
    name: 'start review',
    method: 'POST',
    path: () => '/api/modules/sleep-basics/versions/2/transitions',
    body: { action: 'start_review' },
    expect: { anonymous: 401, designer: 403, tester: 403, admin: 403, ...NOT_IN_ORG, publisher: 200 },
  },
  {
    name: 'withdraw',
    method: 'POST',
    path: () => '/api/modules/sleep-basics/versions/2/transitions',
    body: { action: 'withdraw' },
    expect: { anonymous: 401, publisher: 403, tester: 403, admin: 403, ...NOT_IN_ORG, designer: 200 },
  },
  { name: 'diff', method: 'GET', path: () => '/api/modules/sleep-basics/diff?from=1&to=2', expect: READ },
  { name: 'list comments', method: 'GET', path: () => '/api/modules/sleep-basics/comments', expect: READ },
  {
    name: 'comment',
    method: 'POST',
    path: () => '/api/modules/sleep-basics/comments',
    body: { body: 'Looks good', anchor: 'mood' },
    expect: { anonymous: 401, admin: 403, ...NOT_IN_ORG, designer: 201, publisher: 201, tester: 201 },
  },
  {
    name: 'resolve a thread',
    method: 'POST',
    path: ({ commentId }) => `/api/modules/sleep-basics/comments/${commentId}/resolve`,
    expect: { anonymous: 401, admin: 403, ...NOT_IN_ORG, ...READERS },
  },
  {
    name: 'reopen a thread',
    method: 'POST',
    path: ({ commentId }) => `/api/modules/sleep-basics/comments/${commentId}/reopen`,
    expect: { anonymous: 401, admin: 403, ...NOT_IN_ORG, ...READERS },
  },
  {
    name: 'create a test enrollment',
    method: 'POST',
    path: () => '/api/modules/sleep-basics/versions/1/test-enrollments',
    expect: { anonymous: 401, designer: 403, admin: 403, ...NOT_IN_ORG, tester: 201, publisher: 201 },
  },
  {
    name: 'open a test enrollment',
    method: 'GET',
    path: ({ enrollmentId }) => `/api/test-enrollments/${enrollmentId}`,
    expect: { anonymous: 401, designer: 404, admin: 404, ...NOT_IN_ORG, tester: 200, publisher: 200 },
  },
  {
    name: 'read the catalog',
    method: 'GET',
    path: () => '/api/catalog',
    expect: { anonymous: 401, therapist: 403, 'care-admin': 200, admin: 200, 'other-publisher': 200, ...READERS },
  },
];

/** Every principal of the authoring test app; designer2 and publisher2 serve the four-eyes tests below. */
const ALL_ROLES = ['anonymous', 'designer', 'publisher', 'tester', 'admin', 'other-publisher', 'care-admin', 'therapist'];

describeEveryRole('authoring routes', ENDPOINTS, {
  roles: ALL_ROLES,
  call: async (row, role) => {
    const t = await seeded();
    return t.call(role === 'anonymous' ? undefined : role, row.method, row.path(t), row.body);
  },
});

describe('authoring routes', () => {

  it('hides another organisation\'s documents from its list and the catalog until released', async () => {
    const t = await seeded();
    expect((await t.call('other-publisher', 'GET', '/api/modules')).body).toEqual({ modules: [] });
    expect((await t.call('care-admin', 'GET', '/api/catalog')).body).toEqual({ entries: [] });
  });
});
