import { describe, expect, it } from 'vitest';
import { createAccountsTestApp, PASSWORD, PEOPLE } from '../auth/accounts-test-app.js';
import { statusOf } from '../http/problem.js';

type App = Awaited<ReturnType<typeof createAccountsTestApp>>;

/** The member endpoints of Publisher A, each with a body that would succeed for its admin. */
function memberEndpoints(app: App) {
  const orgId = app.orgs.pubA.id;
  const designer = app.personIds['designerA']!;
  return [
    { name: 'list members', method: 'GET', path: `/api/organisations/${orgId}/members`, body: undefined, ok: 200 },
    { name: 'invite', method: 'POST', path: `/api/organisations/${orgId}/invitations`, body: { email: 'new@example.org', roles: ['designer'] }, ok: 201 },
    { name: 'list invitations', method: 'GET', path: `/api/organisations/${orgId}/invitations`, body: undefined, ok: 200 },
    { name: 'resend invitation', method: 'POST', path: `/api/organisations/${orgId}/invitations/no-such-invitation/resend`, body: undefined, ok: 404 },
    { name: 'revoke invitation', method: 'DELETE', path: `/api/organisations/${orgId}/invitations/no-such-invitation`, body: undefined, ok: 404 },
    { name: 'set roles', method: 'PUT', path: `/api/organisations/${orgId}/members/${designer}/roles`, body: { roles: ['designer', 'tester'] }, ok: 200 },
    { name: 'remove member', method: 'DELETE', path: `/api/organisations/${orgId}/members/${designer}`, body: undefined, ok: 204 },
  ] as const;
}

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { code: string; detail: string; issues?: Array<{ path: string; message: string }> };
}

describe('organisation routes: refusals', () => {
  it('refuses every endpoint anonymously with 401', async () => {
    const app = await createAccountsTestApp();
    for (const endpoint of [{ method: 'GET', path: '/api/organisations', body: undefined }, ...memberEndpoints(app)]) {
      const response = await app.request(endpoint.method, endpoint.path, endpoint.body === undefined ? {} : { body: endpoint.body });
      expect(response.status, `${endpoint.method} ${endpoint.path}`).toBe(401);
      expect((await problem(response)).code).toBe('unauthenticated');
    }
  });

  it.each(['designerA', 'publisherA', 'testerA'])('refuses %s, a member without the permissions admin role, with 403', async (key) => {
    const app = await createAccountsTestApp();
    const session = await app.login(key);
    for (const endpoint of memberEndpoints(app)) {
      const response = await app.request(endpoint.method, endpoint.path, { as: session, ...(endpoint.body === undefined ? {} : { body: endpoint.body }) });
      expect(response.status, endpoint.name).toBe(403);
      expect((await problem(response)).code).toBe('forbidden');
    }
  });

  it.each(['adminB', 'careAdmin', 'therapist'])('hides Publisher A from %s of another organisation with 404', async (key) => {
    const app = await createAccountsTestApp();
    const session = await app.login(key);
    for (const endpoint of memberEndpoints(app)) {
      const response = await app.request(endpoint.method, endpoint.path, { as: session, ...(endpoint.body === undefined ? {} : { body: endpoint.body }) });
      expect(response.status, endpoint.name).toBe(404);
    }
    expect((await app.request('GET', '/api/organisations/no-such-org/members', { as: session })).status).toBe(404);
  });

  it('refuses the admin without the CSRF token, with a wrong one, and from another origin', async () => {
    const app = await createAccountsTestApp();
    const session = await app.login('adminA');
    for (const endpoint of memberEndpoints(app).filter((candidate) => candidate.method !== 'GET')) {
      for (const options of [{ csrf: null }, { csrf: 'forged' }, { origin: 'https://evil.example' }]) {
        const response = await app.request(endpoint.method, endpoint.path, { as: session, ...options, ...(endpoint.body === undefined ? {} : { body: endpoint.body }) });
        expect(response.status, `${endpoint.name} ${JSON.stringify(options)}`).toBe(403);
      }
    }
    expect((await app.request('GET', `/api/organisations/${app.orgs.pubA.id}/members`, { as: session })).status).toBe(200);
    expect((await (await app.request('GET', `/api/organisations/${app.orgs.pubA.id}/members`, { as: session })).json()).members).toHaveLength(4);
  });

  it('refuses to remove or demote the last permissions admin with 409', async () => {
    const app = await createAccountsTestApp();
    const session = await app.login('adminA');
    const self = `/api/organisations/${app.orgs.pubA.id}/members/${session.personId}`;
    const removed = await app.request('DELETE', self, { as: session });
    expect(removed.status).toBe(409);
    expect((await problem(removed)).code).toBe('conflict');
    expect((await app.request('PUT', `${self}/roles`, { as: session, body: { roles: ['designer'] } })).status).toBe(409);
    expect((await app.request('GET', `/api/organisations/${app.orgs.pubA.id}/members`, { as: session })).status).toBe(200);
  });

  it('refuses roles that do not belong to the kind of organisation, and malformed bodies, naming the field', async () => {
    const app = await createAccountsTestApp();
    const session = await app.login('adminA');
    const invitations = `/api/organisations/${app.orgs.pubA.id}/invitations`;
    const wrongKind = await problem(await app.request('POST', invitations, { as: session, body: { email: 'x@example.org', roles: ['designer', 'therapist'] } }));
    expect(wrongKind.issues).toEqual([expect.objectContaining({ path: '/roles/1' })]);
    const malformed = await app.request('POST', invitations, { as: session, body: { email: 'nope', roles: [], admin: true } });
    expect(malformed.status).toBe(statusOf('invalid'));
    expect((await problem(malformed)).issues?.map((issue) => issue.path).sort()).toEqual(['/admin', '/email', '/roles']);
    // The admin never chooses anyone's password: the old fields are refused, not ignored.
    const withPassword = await problem(await app.request('POST', invitations, { as: session, body: { email: 'new@example.org', name: 'New', password: PASSWORD, roles: ['designer'] } }));
    expect(withPassword.issues?.map((issue) => issue.path).sort()).toEqual(['/name', '/password']);
    const taken = await app.request('POST', invitations, { as: session, body: { email: 'DesignerA@example.org', roles: ['tester'] } });
    expect(taken.status).toBe(409);
    expect(app.invitationTokens).toEqual([]);
    // Adding an account directly by e-mail is gone.
    expect((await app.request('POST', `/api/organisations/${app.orgs.pubA.id}/members`, { as: session, body: { email: 'therapist@example.org', roles: ['tester'] } })).status).toBe(404);
  });
});

describe('organisation routes: allowed', () => {
  it.each(Object.keys(PEOPLE))('lists the organisations of %s, and only theirs', async (key) => {
    const app = await createAccountsTestApp();
    const response = await app.request('GET', '/api/organisations', { as: await app.login(key) });
    expect(response.status).toBe(200);
    const organisation = app.orgs[PEOPLE[key]!.organisation];
    expect(await response.json()).toEqual({ organisations: [{ id: organisation.id, slug: organisation.slug, name: organisation.name, kind: organisation.kind, roles: PEOPLE[key]!.roles }] });
  });

  it('lets the permissions admin list, invite, change and remove people', async () => {
    const app = await createAccountsTestApp();
    const session = await app.login('adminA');
    const [list, invite, , , , setRoles, remove] = memberEndpoints(app);
    const listed = (await (await app.request(list.method, list.path, { as: session })).json()) as { members: Array<{ person: Record<string, unknown>; roles: string[] }> };
    expect(listed.members.map((member) => [member.person['name'], member.roles])).toEqual([
      ['adminA', ['permissions_admin']],
      ['designerA', ['designer']],
      ['publisherA', ['publisher']],
      ['testerA', ['tester']],
    ]);
    expect(Object.keys(listed.members[0]!.person).sort()).toEqual(['email', 'id', 'name']);

    const invited = await app.request(invite.method, invite.path, { as: session, body: invite.body });
    expect(invited.status).toBe(201);
    expect(await invited.json()).toEqual({
      id: expect.any(String),
      email: 'new@example.org',
      roles: ['designer'],
      invitedBy: { id: session.personId, name: 'adminA' },
      createdAt: '2026-03-01T08:00:00.000Z',
      sentAt: '2026-03-01T08:00:00.000Z',
      expiresAt: '2026-03-08T08:00:00.000Z',
      expired: false,
    });
    // Invited is not a member.
    expect(((await (await app.request(list.method, list.path, { as: session })).json()) as { members: unknown[] }).members).toHaveLength(4);

    const changed = await app.request(setRoles.method, setRoles.path, { as: session, body: setRoles.body });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { roles: string[] }).roles).toEqual(['designer', 'tester']);

    expect((await app.request(remove.method, remove.path, { as: session })).status).toBe(204);
    expect((await app.request(remove.method, remove.path, { as: session })).status).toBe(404);
  });

  it('does not attach an existing account of another organisation: it is invited like anyone else', async () => {
    const app = await createAccountsTestApp();
    const session = await app.login('adminA');
    const response = await app.request('POST', `/api/organisations/${app.orgs.pubA.id}/invitations`, { as: session, body: { email: 'THERAPIST@example.org', roles: ['tester'] } });
    expect(response.status).toBe(201);
    const members = (await (await app.request('GET', `/api/organisations/${app.orgs.pubA.id}/members`, { as: session })).json()) as { members: Array<{ person: { id: string } }> };
    expect(members.members.map((member) => member.person.id)).not.toContain(app.personIds['therapist']);
    await expect(app.login('therapist')).resolves.toBeDefined();
  });

  it('lets a care-provider admin manage the care provider, and a new admin let the first one go', async () => {
    const app = await createAccountsTestApp();
    const session = await app.login('careAdmin');
    const therapistRoles = `/api/organisations/${app.orgs.care.id}/members/${app.personIds['therapist']}/roles`;
    expect((await app.request('PUT', therapistRoles, { as: session, body: { roles: ['therapist', 'care_provider_admin'] } })).status).toBe(200);
    expect((await app.request('DELETE', `/api/organisations/${app.orgs.care.id}/members/${session.personId}`, { as: session })).status).toBe(204);
    // Removed from their only organisation: still logged in, but the organisation is gone from view.
    expect((await app.request('GET', `/api/organisations/${app.orgs.care.id}/members`, { as: session })).status).toBe(404);
  });

  it('fires sessionRevoked when roles shrink or a member is removed, not when they grow', async () => {
    const app = await createAccountsTestApp();
    const session = await app.login('adminA');
    const [, , , , , setRoles, remove] = memberEndpoints(app);
    const designer = app.personIds['designerA']!;
    await app.request(setRoles.method, setRoles.path, { as: session, body: { roles: ['designer', 'tester'] } });
    expect(app.revoked).toEqual([]);
    await app.request(setRoles.method, setRoles.path, { as: session, body: { roles: ['tester'] } });
    await app.request(remove.method, remove.path, { as: session });
    expect(app.revoked).toEqual([
      { personId: designer, organisationId: app.orgs.pubA.id, reason: 'roles_changed' },
      { personId: designer, organisationId: app.orgs.pubA.id, reason: 'member_removed' },
    ]);
  });

  it('applies role changes to the next request of a live session', async () => {
    const app = await createAccountsTestApp();
    const admin = await app.login('adminA');
    const designer = await app.login('designerA');
    const members = `/api/organisations/${app.orgs.pubA.id}/members`;
    expect((await app.request('GET', members, { as: designer })).status).toBe(403);
    await app.request('PUT', `${members}/${designer.personId}/roles`, { as: admin, body: { roles: ['permissions_admin'] } });
    expect((await app.request('GET', members, { as: designer })).status).toBe(200);
  });
});

describe('organisation routes: audit', () => {
  it('leaves an audit row for every member change: who, in which role, what, which person, when, from where', async () => {
    const app = await createAccountsTestApp();
    const session = await app.login('adminA');
    app.clock.advance(60_000);
    for (const endpoint of memberEndpoints(app).filter((candidate) => candidate.method !== 'GET')) {
      const response = await app.request(endpoint.method, endpoint.path, { as: session, ip: '203.0.113.20', ...(endpoint.body === undefined ? {} : { body: endpoint.body }) });
      expect(response.status).toBe(endpoint.ok);
    }
    const rows = await app.auditLog.list({ organisationId: app.orgs.pubA.id, from: '2026-03-01T08:01:00.000Z' });
    expect(rows.map((row) => [row.action, row.objectType])).toEqual([
      ['member_invitation.create', 'member_invitation'],
      ['member.roles_change', 'person'],
      ['member.remove', 'person'],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ actorId: session.personId, actorRole: 'permissions_admin', at: '2026-03-01T08:01:00.000Z', ip: '203.0.113.20', requestId: expect.stringMatching(/^req-/) });
    }
    expect(rows[0]).toMatchObject({ details: { roles: ['designer'], expiresAt: '2026-03-08T08:01:00.000Z', replaced: 0 } });
    expect(rows[1]).toMatchObject({ objectId: app.personIds['designerA'], details: { rolesBefore: [{ role: 'designer' }], rolesAfter: [{ role: 'designer' }, { role: 'tester' }] } });
    expect(JSON.stringify(rows)).not.toContain(app.invitationTokens[0]!);
  });

  it('leaves no audit row for a refused change', async () => {
    const app = await createAccountsTestApp();
    const session = await app.login('adminA');
    const before = (await app.auditLog.list({ limit: 1000 })).length;
    await app.request('DELETE', `/api/organisations/${app.orgs.pubA.id}/members/${session.personId}`, { as: session });
    await app.request('POST', `/api/organisations/${app.orgs.pubA.id}/invitations`, { as: await app.login('designerA'), body: { email: 'x@example.org', roles: ['designer'] } });
    expect((await app.auditLog.list({ limit: 1000 })).map((row) => row.action).slice(before)).toEqual(['auth.login']);
  });
});
