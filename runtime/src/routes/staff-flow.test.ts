import { beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../testing/care-scenario.js';
import { createStaffTestApp, seedStaffDatabase, type StaffTestApp } from '../testing/staff-test-app.js';

let seeded: Awaited<ReturnType<typeof seedStaffDatabase>>;
beforeAll(async () => {
  seeded = await seedStaffDatabase();
});

const auditActions = (t: StaffTestApp, objectId: string) =>
  (t.care.db.prepare('SELECT action FROM audit_log WHERE object_id = ? ORDER BY seq').all(objectId) as Array<{ action: string }>).map((row) => row.action);

/** The token of the newest e-mail to `to` with a link `#/<route>/<token>`, from the outbox (the secret filled in). */
async function linkToken(t: StaffTestApp, to: string, route: string): Promise<string> {
  const mails = await t.care.stores.mailOutbox.list(['care-1']);
  const mail = mails.find((candidate) => candidate.to === to);
  const token = mail && new RegExp(`#/${route}/([A-Za-z0-9_-]+)`).exec(mail.text)?.[1];
  if (!token) throw new Error(`no ${route} mail to ${to}`);
  return token;
}

describe('staff administration at a care provider', () => {
  it('a permissions admin invites a therapist, who joins; assigning them to a unit opens it to their open session at once, removing closes it', async () => {
    const t = await createStaffTestApp(seeded);
    const admin = await t.login('perm-admin');
    expectStatus(await t.call(admin, 'POST', '/api/organisations/care-1/invitations', { email: 'tess@example.org', roles: ['therapist'] }), 201);
    const token = await linkToken(t, 'tess@example.org', 'invitation');
    const joined = expectStatus(await t.call(undefined, 'POST', '/api/public/member-invitations/join', { token, name: 'Tess Therapist', password: 'tess has a long password' }), 200) as { session: { person: { id: string } } };
    const tessId = joined.session.person.id;
    const tess = await t.login('tess', 'tess has a long password');

    // A therapist of the provider, but of no unit yet: the unit is not hers.
    expect((await t.call(tess, 'GET', '/api/care/units/unit-1/patients')).status).toBe(404);
    const directory = expectStatus(await t.call(admin, 'GET', '/api/care/providers/care-1/staff'), 200) as { members: Array<{ person: { id: string }; roles: string[] }>; units: Array<{ id: string }> };
    expect(directory.members.find((member) => member.person.id === tessId)?.roles).toEqual(['therapist']);
    expect(directory.units.map((unit) => unit.id)).toEqual(['unit-1', 'unit-2']);

    expectStatus(await t.call(admin, 'PUT', `/api/care/units/unit-1/therapists/${tessId}`), 204);
    expectStatus(await t.call(tess, 'GET', '/api/care/units/unit-1/patients'), 200);
    const units = expectStatus(await t.call(tess, 'GET', '/api/care/units'), 200) as { units: Array<{ id: string }> };
    expect(units.units.map((unit) => unit.id)).toEqual(['unit-1']);

    // Changing her organisation roles keeps the unit while she stays a therapist.
    expectStatus(await t.call(admin, 'PUT', `/api/organisations/care-1/members/${tessId}/roles`, { roles: ['therapist', 'data_admin'] }), 200);
    expectStatus(await t.call(tess, 'GET', '/api/care/units/unit-1/patients'), 200);

    expectStatus(await t.call(admin, 'DELETE', `/api/care/units/unit-1/therapists/${tessId}`), 204);
    expect((await t.call(tess, 'GET', '/api/care/units/unit-1/patients')).status).toBe(404);
    expect(t.revoked).toContainEqual(expect.objectContaining({ personId: tessId, reason: 'roles_changed' }));
    expect(auditActions(t, tessId)).toEqual(expect.arrayContaining(['member.add', 'unit.therapist_assign', 'member.roles_change', 'unit.therapist_unassign']));
    // Removing her again, or someone who never worked there, is not found.
    expect((await t.call(admin, 'DELETE', `/api/care/units/unit-1/therapists/${tessId}`)).status).toBe(404);
  });

  it('assigns only members who hold the therapist role, only to units of the same provider', async () => {
    const t = await createStaffTestApp(seeded);
    const admin = await t.login('perm-admin');
    expect((await t.call(admin, 'PUT', '/api/care/units/unit-1/therapists/person-data-admin')).status).toBe(409);
    expect((await t.call(admin, 'PUT', '/api/care/units/unit-1/therapists/person-designer')).status).toBe(409);
    expect((await t.call(admin, 'PUT', '/api/care/units/unit-3/therapists/person-new-therapist')).status).toBe(404);
    expect((await t.call(admin, 'PUT', '/api/care/units/no-such-unit/therapists/person-new-therapist')).status).toBe(404);
    const other = await t.login('other-admin');
    // care-2's admin cannot pull care-1's therapist into its unit.
    expect((await t.call(other, 'PUT', '/api/care/units/unit-3/therapists/person-new-therapist')).status).toBe(409);
  });

  it('the enrolling therapist is responsible; "my patients" lists only theirs; the last one cannot be removed; leaving the unit ends responsibility', async () => {
    const t = await createStaffTestApp(seeded);
    const admin = await t.login('perm-admin');
    const therapist = await t.login('therapist');
    const all = expectStatus(await t.call(therapist, 'GET', '/api/care/units/unit-1/patients'), 200) as { patients: Array<{ patient: { id: string } }> };
    expect(new Set(all.patients.map((entry) => entry.patient.id))).toEqual(new Set(['person-patient', 'person-other-patient']));
    const responsible = expectStatus(await t.call(therapist, 'GET', '/api/care/units/unit-1/patients/person-patient/therapists'), 200) as { therapists: Array<{ id: string }> };
    expect(responsible.therapists.map((entry) => entry.id)).toEqual(['person-therapist']);

    expectStatus(await t.call(admin, 'PUT', '/api/care/units/unit-1/therapists/person-new-therapist'), 204);
    const newTherapist = await t.login('new-therapist');
    expect((expectStatus(await t.call(newTherapist, 'GET', '/api/care/units/unit-1/patients?mine=true'), 200) as { patients: unknown[] }).patients).toEqual([]);
    // The whole unit is still there for her, in the same triage order.
    const whole = expectStatus(await t.call(newTherapist, 'GET', '/api/care/units/unit-1/patients'), 200) as { patients: Array<{ patient: { id: string } }> };
    expect(whole.patients.map((entry) => entry.patient.id)).toEqual(all.patients.map((entry) => entry.patient.id));

    const added = expectStatus(await t.call(therapist, 'PUT', '/api/care/units/unit-1/patients/person-patient/therapists/person-new-therapist'), 200) as { therapists: Array<{ id: string }> };
    expect(added.therapists.map((entry) => entry.id).sort()).toEqual(['person-new-therapist', 'person-therapist']);
    const seq = (t.care.db.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;
    const mine = expectStatus(await t.call(newTherapist, 'GET', '/api/care/units/unit-1/patients?mine=true'), 200) as { patients: Array<{ patient: { id: string } }> };
    expect(mine.patients.map((entry) => entry.patient.id)).toEqual(['person-patient', 'person-patient']);
    // Only the patients shown are read: the audit names person-patient, never other-patient.
    const reads = t.care.db.prepare("SELECT DISTINCT patient_id FROM audit_log WHERE action = 'patient.read' AND seq > ?").all(seq);
    expect(reads).toEqual([{ patient_id: 'person-patient' }]);

    // Someone who is not a therapist of the unit cannot be made responsible.
    expect((await t.call(therapist, 'PUT', '/api/care/units/unit-1/patients/person-patient/therapists/person-other-therapist')).status).toBe(409);
    // A patient of another unit is not found.
    expect((await t.call(therapist, 'GET', '/api/care/units/unit-1/patients/person-care-admin/therapists')).status).toBe(404);

    expectStatus(await t.call(therapist, 'DELETE', '/api/care/units/unit-1/patients/person-patient/therapists/person-new-therapist'), 200);
    expect((await t.call(therapist, 'DELETE', '/api/care/units/unit-1/patients/person-patient/therapists/person-therapist')).status).toBe(409);

    expectStatus(await t.call(therapist, 'PUT', '/api/care/units/unit-1/patients/person-patient/therapists/person-new-therapist'), 200);
    expectStatus(await t.call(admin, 'DELETE', '/api/care/units/unit-1/therapists/person-new-therapist'), 204);
    const after = expectStatus(await t.call(therapist, 'GET', '/api/care/units/unit-1/patients/person-patient/therapists'), 200) as { therapists: Array<{ id: string }> };
    expect(after.therapists.map((entry) => entry.id)).toEqual(['person-therapist']);
  });

  it('a disabled account is signed out at once and cannot sign in; its audit trail stays; enabling lets it in again', async () => {
    const t = await createStaffTestApp(seeded);
    const admin = await t.login('perm-admin');
    const therapist = await t.login('therapist');
    const before = auditActions(t, 'person-therapist').length;
    expectStatus(await t.call(admin, 'POST', '/api/organisations/care-1/members/person-therapist/disable'), 204);
    expect((await t.call(therapist, 'GET', '/api/care/units/unit-1/patients')).status).toBe(401);
    await expect(t.login('therapist')).rejects.toThrow(/401/);
    expect(t.revoked).toContainEqual(expect.objectContaining({ personId: 'person-therapist', reason: 'disabled' }));
    const directory = expectStatus(await t.call(admin, 'GET', '/api/care/providers/care-1/staff'), 200) as { members: Array<{ person: { id: string; disabledAt?: string } }> };
    expect(directory.members.find((member) => member.person.id === 'person-therapist')?.person.disabledAt).toBeDefined();
    // Nothing of theirs is gone: their enrollments' audit rows are all still there.
    expect(t.care.db.prepare("SELECT count(*) AS n FROM audit_log WHERE actor_id = 'person-therapist' AND action = 'enrollment.create'").get()).toEqual({ n: 3 });
    expect(auditActions(t, 'person-therapist').length).toBeGreaterThan(before);

    expectStatus(await t.call(admin, 'POST', '/api/organisations/care-1/members/person-therapist/enable'), 204);
    const again = await t.login('therapist');
    expectStatus(await t.call(again, 'GET', '/api/care/units/unit-1/patients'), 200);
  });

  it('refuses disabling oneself, someone with roles elsewhere, and a patient who is no staff member', async () => {
    const t = await createStaffTestApp(seeded);
    const admin = await t.login('perm-admin');
    expect((await t.call(admin, 'POST', '/api/organisations/care-1/members/person-perm-admin/disable')).status).toBe(409);
    expect((await t.call(admin, 'POST', '/api/organisations/care-1/members/person-patient/disable')).status).toBe(404);
    t.care.db.prepare("INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES ('person-new-therapist', 'org-a', 'designer', NULL, NULL, '2026-01-01T00:00:00.000Z')").run();
    expect((await t.call(admin, 'POST', '/api/organisations/care-1/members/person-new-therapist/disable')).status).toBe(409);
  });
});

describe('password reset by e-mailed one-time link', () => {
  it('sends a link; using it sets the password, ends every session and works once', async () => {
    const t = await createStaffTestApp(seeded);
    const open = await t.login('therapist');
    expectStatus(await t.call(undefined, 'POST', '/api/public/password-reset', { email: 'THERAPIST@example.org', language: 'sv' }), 202);
    expect(t.resetTokens).toHaveLength(1);
    const mail = t.care.db.prepare("SELECT subject, text FROM mail_outbox WHERE to_address = 'therapist@example.org' ORDER BY seq DESC LIMIT 1").get() as { subject: string; text: string };
    expect(mail.subject).toBe('Välj ett nytt lösenord för Careloom');
    // Stored with the placeholder only: the database never holds the link's token.
    expect(mail.text).not.toContain(t.resetTokens[0]);
    expect(t.care.db.prepare('SELECT count(*) AS n FROM password_resets WHERE token_hash = ?').get(t.resetTokens[0])).toEqual({ n: 0 });

    const tooShort = await t.call(undefined, 'POST', '/api/public/password-reset/complete', { token: t.resetTokens[0], password: 'short' });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body['issues']).toEqual([expect.objectContaining({ path: '/password' })]);
    expectStatus(await t.call(undefined, 'POST', '/api/public/password-reset/complete', { token: t.resetTokens[0], password: 'a brand new long password' }), 204);
    expect((await t.call(open, 'GET', '/api/care/units')).status).toBe(401);
    await expect(t.login('therapist')).rejects.toThrow(/401/);
    await t.login('therapist', 'a brand new long password');
    expect((await t.call(undefined, 'POST', '/api/public/password-reset/complete', { token: t.resetTokens[0], password: 'yet another long password' })).status).toBe(404);
  });

  it('answers the same for unknown, disabled and never-claimed accounts, and sends them nothing', async () => {
    const t = await createStaffTestApp(seeded);
    const therapist = await t.login('therapist');
    // A patient account made for an invitation nobody redeemed yet: only the invitation may claim it.
    expectStatus(await t.call(therapist, 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: t.scenario.panicDeploymentId, patient: { name: 'Nina New', email: 'nina@example.org' } }), 201);
    const admin = await t.login('perm-admin');
    expectStatus(await t.call(admin, 'POST', '/api/organisations/care-1/members/person-other-therapist/disable'), 204);
    for (const email of ['nobody@example.org', 'nina@example.org', 'other-therapist@example.org']) {
      const response = await t.call(undefined, 'POST', '/api/public/password-reset', { email });
      expect(response.status, email).toBe(202);
    }
    expect(t.resetTokens).toEqual([]);
    expect(t.care.db.prepare('SELECT count(*) AS n FROM password_resets').get()).toEqual({ n: 0 });
  });

  it('sends one account at most three links an hour, and a new password voids the other links', async () => {
    const t = await createStaffTestApp(seeded);
    for (let i = 0; i < 5; i += 1) expectStatus(await t.call(undefined, 'POST', '/api/public/password-reset', { email: 'therapist@example.org' }), 202);
    expect(t.resetTokens).toHaveLength(3);
    expectStatus(await t.call(undefined, 'POST', '/api/public/password-reset/complete', { token: t.resetTokens[1], password: 'a brand new long password' }), 204);
    expect((await t.call(undefined, 'POST', '/api/public/password-reset/complete', { token: t.resetTokens[2], password: 'another long password' })).status).toBe(404);
    t.care.clock.advance(3600_000 + 1);
    expectStatus(await t.call(undefined, 'POST', '/api/public/password-reset', { email: 'therapist@example.org' }), 202);
    expect(t.resetTokens).toHaveLength(4);
    // An hour later the link has expired.
    t.care.clock.advance(3600_000 + 1);
    expect((await t.call(undefined, 'POST', '/api/public/password-reset/complete', { token: t.resetTokens[3], password: 'another long password' })).status).toBe(404);
  });
});
