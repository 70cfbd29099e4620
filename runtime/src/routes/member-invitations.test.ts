import { describe, expect, it } from 'vitest';
import { createAccountsTestApp, PASSWORD, type TestSession } from '../auth/accounts-test-app.js';
import { UNUSABLE_INVITATION } from '../domain/accounts/member-invitations.js';

type App = Awaited<ReturnType<typeof createAccountsTestApp>>;

const NEW_PASSWORD = 'my very own password';

/** adminA invites `email` into Publisher A; returns the invitation and the link's token. */
async function invite(app: App, email: string, roles: string[] = ['designer'], as?: TestSession) {
  const admin = as ?? (await app.login('adminA'));
  const response = await app.request('POST', `/api/organisations/${app.orgs.pubA.id}/invitations`, { as: admin, body: { email, roles } });
  expect(response.status, await response.clone().text()).toBe(201);
  return { invitation: (await response.json()) as { id: string; email: string; roles: string[] }, token: app.invitationTokens.at(-1)!, admin };
}

const memberIds = async (app: App, admin: TestSession) =>
  ((await (await app.request('GET', `/api/organisations/${app.orgs.pubA.id}/members`, { as: admin })).json()) as { members: Array<{ person: { id: string; email: string }; roles: string[] }> }).members;

describe('membership invitations: the invited person', () => {
  it('shows a link to its holder, and lets the addressee accept it once, signed in with their own account', async () => {
    const app = await createAccountsTestApp();
    const { invitation, token, admin } = await invite(app, 'Therapist@Example.org', ['tester', 'designer']);
    const preview = await app.request('POST', '/api/public/member-invitations/preview', { body: { token } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('no-store');
    expect(await preview.json()).toEqual({ organisation: { name: 'Publisher A', kind: 'publisher' }, email: 'Therapist@Example.org', roles: ['tester', 'designer'], invitedByName: 'adminA', expiresAt: '2026-03-08T08:00:00.000Z' });

    const therapist = await app.login('therapist');
    const accepted = await app.request('POST', '/api/member-invitations/accept', { as: therapist, body: { token } });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ organisation: { id: app.orgs.pubA.id, name: 'Publisher A', kind: 'publisher' }, roles: ['designer', 'tester'] });
    expect((await memberIds(app, admin)).find((member) => member.person.id === therapist.personId)?.roles).toEqual(['designer', 'tester']);
    // Their other organisation and their password are untouched.
    const organisations = (await (await app.request('GET', '/api/organisations', { as: therapist })).json()) as { organisations: Array<{ id: string }> };
    expect(organisations.organisations.map((organisation) => organisation.id).sort()).toEqual([app.orgs.pubA.id, app.orgs.care.id].sort());
    await expect(app.login('therapist')).resolves.toBeDefined();

    // One time only; the invitation is no longer listed.
    const again = await app.request('POST', '/api/member-invitations/accept', { as: therapist, body: { token } });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { detail: string }).detail).toBe(UNUSABLE_INVITATION);
    const open = (await (await app.request('GET', `/api/organisations/${app.orgs.pubA.id}/invitations`, { as: admin })).json()) as { invitations: Array<{ id: string }> };
    expect(open.invitations.map((candidate) => candidate.id)).not.toContain(invitation.id);

    const rows = (await app.auditLog.list({ organisationId: app.orgs.pubA.id, limit: 100 })).filter((row) => row.actorId === therapist.personId);
    expect(rows.map((row) => row.action)).toEqual(['member_invitation.accept', 'member.add']);
    expect(rows[0]).toMatchObject({ objectType: 'member_invitation', objectId: invitation.id, ip: '198.51.100.1', details: { invitedBy: admin.personId } });
  });

  it('refuses someone signed in with another address, even holding the link', async () => {
    const app = await createAccountsTestApp();
    const { token, admin } = await invite(app, 'therapist@example.org');
    const other = await app.login('careAdmin');
    const refused = await app.request('POST', '/api/member-invitations/accept', { as: other, body: { token } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toContain('sent to another e-mail address');
    expect((await memberIds(app, admin)).map((member) => member.person.id)).not.toContain(other.personId);
    // The addressee can still accept.
    expect((await app.request('POST', '/api/member-invitations/accept', { as: await app.login('therapist'), body: { token } })).status).toBe(200);
  });

  it('lets a new person choose a name and password, become a member with the invited roles, and be signed in', async () => {
    const app = await createAccountsTestApp();
    const { token, admin } = await invite(app, 'sam@example.org', ['tester']);
    const short = await app.request('POST', '/api/public/member-invitations/join', { body: { token, name: 'Sam', password: 'short' } });
    expect(short.status).toBe(422);
    const noName = await app.request('POST', '/api/public/member-invitations/join', { body: { token, name: '  ', password: NEW_PASSWORD } });
    expect(((await noName.json()) as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path)).toEqual(['/name']);

    const joined = await app.request('POST', '/api/public/member-invitations/join', { body: { token, name: ' Sam Second ', password: NEW_PASSWORD } });
    expect(joined.status).toBe(200);
    expect(joined.headers.get('set-cookie')).toMatch(/careloom_session=/);
    const body = (await joined.json()) as { session: { person: { name: string; email: string }; memberships: unknown[] }; accepted: unknown };
    expect(body.session.person).toMatchObject({ name: 'Sam Second', email: 'sam@example.org' });
    expect(body.session.memberships).toEqual([{ organisationId: app.orgs.pubA.id, organisationName: 'Publisher A', organisationKind: 'publisher', role: 'tester' }]);
    expect(body.accepted).toEqual({ organisation: { id: app.orgs.pubA.id, name: 'Publisher A', kind: 'publisher' }, roles: ['tester'] });
    expect((await memberIds(app, admin)).find((member) => member.person.email === 'sam@example.org')?.roles).toEqual(['tester']);
    const session = await app.request('POST', '/api/auth/login', { body: { email: 'sam@example.org', password: NEW_PASSWORD } });
    expect(session.status).toBe(200);

    // The link is used up: neither way works again, and the password stays Sam's.
    expect((await app.request('POST', '/api/public/member-invitations/join', { body: { token, name: 'Mallory', password: 'mallory password' } })).status).toBe(404);
    expect((await app.request('POST', '/api/public/member-invitations/preview', { body: { token } })).status).toBe(404);
    expect((await app.request('POST', '/api/auth/login', { body: { email: 'sam@example.org', password: 'mallory password' } })).status).toBe(401);
    const actions = (await app.auditLog.list({ organisationId: app.orgs.pubA.id, limit: 100 })).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['person.create', 'member_invitation.accept', 'member.add']));
    expect(JSON.stringify(await app.auditLog.list({ limit: 1000 }))).not.toMatch(new RegExp(`${token}|${NEW_PASSWORD}|scrypt`));
  });

  it('keeps the new membership when the login throttle refuses the sign-in that follows joining', async () => {
    const app = await createAccountsTestApp({ throttle: { distinctAccountsPerIp: 1 } });
    const { token, admin } = await invite(app, 'sam@example.org', ['tester']);
    // A password spray from the same address has used up its allowance of accounts.
    for (const key of ['designerA', 'publisherA']) await app.request('POST', '/api/auth/login', { body: { email: `${key}@example.org`, password: 'wrong wrong wrong' }, ip: '203.0.113.9' });
    const joined = await app.request('POST', '/api/public/member-invitations/join', { body: { token, name: 'Sam', password: NEW_PASSWORD }, ip: '203.0.113.9' });
    expect(joined.status).toBe(200);
    expect(joined.headers.get('set-cookie')).toBeNull();
    expect(await joined.json()).toEqual({ session: null, accepted: { organisation: { id: app.orgs.pubA.id, name: 'Publisher A', kind: 'publisher' }, roles: ['tester'] } });
    expect((await memberIds(app, admin)).find((member) => member.person.email === 'sam@example.org')?.roles).toEqual(['tester']);
    expect((await app.request('POST', '/api/auth/login', { body: { email: 'sam@example.org', password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('never sets the password of an existing account: joining as new with its address is refused and changes nothing', async () => {
    const app = await createAccountsTestApp();
    const { token, admin } = await invite(app, 'therapist@example.org');
    const refused = await app.request('POST', '/api/public/member-invitations/join', { body: { token, name: 'Mallory', password: 'mallory password' } });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('set-cookie')).toBeNull();
    await expect(app.login('therapist')).resolves.toBeDefined();
    expect((await app.request('POST', '/api/auth/login', { body: { email: 'therapist@example.org', password: 'mallory password' } })).status).toBe(401);
    expect((await memberIds(app, admin)).map((member) => member.person.email)).not.toContain('therapist@example.org');
    // The invitation is still open for the addressee to accept signed in.
    expect((await app.request('POST', '/api/member-invitations/accept', { as: await app.login('therapist'), body: { token } })).status).toBe(200);
  });

  it('answers every unusable link alike: wrong, malformed, expired, withdrawn, replaced', async () => {
    const app = await createAccountsTestApp();
    const admin = await app.login('adminA');
    const expiring = await invite(app, 'one@example.org', ['designer'], admin);
    const withdrawn = await invite(app, 'two@example.org', ['designer'], admin);
    const replaced = await invite(app, 'three@example.org', ['designer'], admin);
    await invite(app, 'THREE@example.org', ['tester'], admin);
    expect((await app.request('DELETE', `/api/organisations/${app.orgs.pubA.id}/invitations/${withdrawn.invitation.id}`, { as: admin })).status).toBe(204);
    app.clock.advance(7 * 24 * 3600_000);
    const wrong = 'A'.repeat(43);
    for (const token of [wrong, 'not a token', expiring.token, withdrawn.token, replaced.token]) {
      for (const [path, body] of [
        ['/api/public/member-invitations/preview', { token }],
        ['/api/public/member-invitations/join', { token, name: 'X', password: NEW_PASSWORD }],
      ] as const) {
        const response = await app.request('POST', path, { body });
        expect(response.status, `${path} ${token}`).toBe(404);
        expect(((await response.json()) as { detail: string }).detail).toBe(UNUSABLE_INVITATION);
      }
    }
    expect((await app.request('POST', '/api/public/member-invitations/preview', { body: { token: 'x'.repeat(10_000) } })).status).toBe(422);
    expect((await app.request('POST', '/api/public/member-invitations/preview', { body: { token: 42 } })).status).toBe(422);
    expect((await app.request('POST', '/api/auth/login', { body: { email: 'one@example.org', password: NEW_PASSWORD } })).status).toBe(401);
  });

  it('dies with its sender: an invitation from someone no longer managing the organisation is not accepted', async () => {
    const app = await createAccountsTestApp();
    const admin = await app.login('adminA');
    const { token } = await invite(app, 'therapist@example.org', ['designer'], admin);
    // A second admin takes over; the first steps down.
    const members = `/api/organisations/${app.orgs.pubA.id}/members`;
    expect((await app.request('PUT', `${members}/${app.personIds['publisherA']}/roles`, { as: admin, body: { roles: ['publisher', 'permissions_admin'] } })).status).toBe(200);
    expect((await app.request('PUT', `${members}/${admin.personId}/roles`, { as: admin, body: { roles: ['designer'] } })).status).toBe(200);
    expect((await app.request('POST', '/api/member-invitations/accept', { as: await app.login('therapist'), body: { token } })).status).toBe(404);
  });
});

describe('membership invitations: the permissions admin', () => {
  it('answers the same for an address with an account and one without', async () => {
    const app = await createAccountsTestApp();
    const admin = await app.login('adminA');
    const shape = async (email: string) => {
      const response = await app.request('POST', `/api/organisations/${app.orgs.pubA.id}/invitations`, { as: admin, body: { email, roles: ['designer'] } });
      const body = (await response.json()) as Record<string, unknown>;
      return { status: response.status, headers: [...response.headers.keys()].filter((key) => key !== 'x-request-id' && key !== 'content-length').sort(), body: { ...body, id: 'x', email: 'x' } };
    };
    expect(await shape('adminB@example.org')).toEqual(await shape('nobody@example.org'));
  });

  it('lists open invitations (expired ones marked), resends with a new link and withdraws', async () => {
    const app = await createAccountsTestApp();
    const first = await invite(app, 'sam@example.org', ['designer']);
    app.clock.advance(8 * 24 * 3600_000);
    const admin = await app.login('adminA');
    const listPath = `/api/organisations/${app.orgs.pubA.id}/invitations`;
    const listed = (await (await app.request('GET', listPath, { as: admin })).json()) as { invitations: Array<Record<string, unknown>> };
    expect(listed.invitations).toEqual([expect.objectContaining({ id: first.invitation.id, email: 'sam@example.org', expired: true })]);
    expect(JSON.stringify(listed)).not.toContain(first.token);

    const resent = await app.request('POST', `${listPath}/${first.invitation.id}/resend`, { as: admin });
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ id: first.invitation.id, expired: false, expiresAt: '2026-03-16T08:00:00.000Z' });
    const newToken = app.invitationTokens.at(-1)!;
    expect(newToken).not.toBe(first.token);
    expect((await app.request('POST', '/api/public/member-invitations/preview', { body: { token: first.token } })).status).toBe(404);
    expect((await app.request('POST', '/api/public/member-invitations/preview', { body: { token: newToken } })).status).toBe(200);

    expect((await app.request('DELETE', `${listPath}/${first.invitation.id}`, { as: admin })).status).toBe(204);
    expect((await app.request('DELETE', `${listPath}/${first.invitation.id}`, { as: admin })).status).toBe(404);
    expect((await app.request('POST', `${listPath}/${first.invitation.id}/resend`, { as: admin })).status).toBe(404);
    expect((await app.request('POST', '/api/public/member-invitations/preview', { body: { token: newToken } })).status).toBe(404);
    expect(((await (await app.request('GET', listPath, { as: admin })).json()) as { invitations: unknown[] }).invitations).toEqual([]);
  });

  it("cannot see, resend or withdraw another organisation's invitations", async () => {
    const app = await createAccountsTestApp();
    const { invitation } = await invite(app, 'sam@example.org');
    const adminB = await app.login('adminB');
    const mine = `/api/organisations/${app.orgs.pubB.id}/invitations/${invitation.id}`;
    expect((await app.request('POST', `${mine}/resend`, { as: adminB })).status).toBe(404);
    expect((await app.request('DELETE', mine, { as: adminB })).status).toBe(404);
    expect(((await (await app.request('GET', `/api/organisations/${app.orgs.pubB.id}/invitations`, { as: adminB })).json()) as { invitations: unknown[] }).invitations).toEqual([]);
    expect((await app.request('GET', `/api/organisations/${app.orgs.pubA.id}/invitations`, { as: adminB })).status).toBe(404);
  });

  it('sends at most 60 invitation e-mails per organisation and hour, resends included', async () => {
    const app = await createAccountsTestApp();
    const admin = await app.login('adminA');
    const path = `/api/organisations/${app.orgs.pubA.id}/invitations`;
    let last: { id: string } | undefined;
    for (let index = 0; index < 59; index++) {
      const response = await app.request('POST', path, { as: admin, body: { email: `person${index}@example.org`, roles: ['tester'] } });
      expect(response.status).toBe(201);
      last = (await response.json()) as { id: string };
    }
    expect((await app.request('POST', `${path}/${last!.id}/resend`, { as: admin })).status).toBe(200);
    const refused = await app.request('POST', path, { as: admin, body: { email: 'one.more@example.org', roles: ['tester'] } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect((await app.request('POST', `${path}/${last!.id}/resend`, { as: admin })).status).toBe(429);
    expect(app.invitationTokens).toHaveLength(60);
    // Another organisation has its own allowance.
    expect((await app.request('POST', `/api/organisations/${app.orgs.pubB.id}/invitations`, { as: await app.login('adminB'), body: { email: 'one.more@example.org', roles: ['tester'] } })).status).toBe(201);
    app.clock.advance(3600_000);
    const again = await app.login('adminA');
    expect((await app.request('POST', path, { as: again, body: { email: 'one.more@example.org', roles: ['tester'] } })).status).toBe(201);
  });

  it('keeps one open invitation per address: inviting again replaces the earlier link and roles', async () => {
    const app = await createAccountsTestApp();
    const admin = await app.login('adminA');
    const first = await invite(app, 'sam@example.org', ['designer'], admin);
    const second = await invite(app, 'Sam@Example.org', ['tester'], admin);
    const listed = (await (await app.request('GET', `/api/organisations/${app.orgs.pubA.id}/invitations`, { as: admin })).json()) as { invitations: Array<{ id: string; roles: string[] }> };
    expect(listed.invitations.map((candidate) => [candidate.id, candidate.roles])).toEqual([[second.invitation.id, ['tester']]]);
    expect((await app.request('POST', '/api/public/member-invitations/join', { body: { token: first.token, name: 'Sam', password: PASSWORD } })).status).toBe(404);
    expect((await app.request('POST', '/api/public/member-invitations/join', { body: { token: second.token, name: 'Sam', password: PASSWORD } })).status).toBe(200);
  });

  it("sends a care provider's staff to the clinic's invitation screen and a publisher's people to the designer's", async () => {
    const app = await createAccountsTestApp();
    await invite(app, 'dana@example.org', ['designer']);
    const careAdmin = await app.login('careAdmin');
    const response = await app.request('POST', `/api/organisations/${app.orgs.care.id}/invitations`, { as: careAdmin, body: { email: 'theo@example.org', roles: ['therapist'] } });
    expect(response.status, await response.clone().text()).toBe(201);
    const textTo = (address: string) => (app.db.prepare('SELECT text FROM mail_outbox WHERE to_address = ?').get(address) as { text: string }).text;
    expect(textTo('theo@example.org')).toContain('https://careloom.example.org/clinic#/invitation/{{careloom:secret}}');
    expect(textTo('theo@example.org')).not.toContain('/designer#');
    expect(textTo('dana@example.org')).toContain('https://careloom.example.org/designer#/invitation/{{careloom:secret}}');
    // The clinic's link works with the same public routes: a new therapist joins and is signed in.
    const joined = await app.request('POST', '/api/public/member-invitations/join', { body: { token: app.invitationTokens.at(-1)!, name: 'Theo New', password: NEW_PASSWORD } });
    expect(joined.status).toBe(200);
    expect(((await joined.json()) as { accepted: { organisation: { kind: string }; roles: string[] } }).accepted).toMatchObject({ organisation: { kind: 'care_provider' }, roles: ['therapist'] });
  });
});
