import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

const fresh = () => createCareTestApp({ from: seeded });
type Invitation = { code: string; url: string; expiresAt: string };
type Mail = { to: string; subject: string; text: string };

async function outboxTo(t: CareTestApp, to: string): Promise<Mail[]> {
  const outbox = expectStatus(await t.call('care-admin', 'GET', '/api/dev/outbox'), 200) as { messages: Mail[] };
  return outbox.messages.filter((message) => message.to === to);
}

async function enroll(t: CareTestApp, email: string, language?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: ids.panicDeploymentId, patient: { name: 'Sara Lind', email }, ...(language ? { language } : {}) });
}

describe("enrolling in the patient's language", () => {
  it('lists the languages each deployment is written in, default first', async () => {
    const t = await fresh();
    const list = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/deployments'), 200) as { deployments: Array<{ id: string; languages: string[] }> };
    expect(list.deployments.find((deployment) => deployment.id === ids.panicDeploymentId)?.languages).toEqual(['en', 'sv']);
  });

  it("gives each deployment's title in each of its languages, so a Swedish enroll form names the program in Swedish", async () => {
    const t = await fresh();
    const list = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/deployments'), 200) as { deployments: Array<{ id: string; titles?: Record<string, string> }> };
    const titles = list.deployments.find((deployment) => deployment.id === ids.panicDeploymentId)?.titles ?? {};
    expect(Object.keys(titles)).toEqual(['en', 'sv']);
    expect(titles['sv']).not.toBe(titles['en']);
    expect(titles['sv']).toMatch(/\S/);
  });

  it('writes the invitation e-mail, its program title and its link in the chosen language, and keeps the choice', async () => {
    const t = await fresh();
    const created = expectStatus(await enroll(t, 'sara@example.org', 'sv'), 201) as { enrollment: { id: string; language: string }; invitation: Invitation };
    expect(created.enrollment.language).toBe('sv');
    expect(created.invitation.url).toMatch(/#\/invite\/[A-Z0-9-]+\?lang=sv$/);
    const [mail] = await outboxTo(t, 'sara@example.org');
    expect(mail?.subject).toContain('Din inbjudan');
    expect(mail?.text).toContain('Internetbaserad KBT');
    expect(mail?.text).toContain('?lang=sv');
    const detail = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${created.enrollment.id}`), 200) as { enrollment: { language: string; acceptedAt: string | null } };
    expect(detail.enrollment).toMatchObject({ language: 'sv', acceptedAt: null });
  });

  it("uses the program's default language when none is chosen, and refuses one the program is not written in", async () => {
    const t = await fresh();
    expectStatus(await enroll(t, 'default@example.org'), 201);
    expect((await outboxTo(t, 'default@example.org'))[0]?.subject).toContain('Your invitation');
    const refused = await enroll(t, 'nb@example.org', 'nb');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ issues: [{ path: '/language', code: 'enrollment.language' }] });
    expect(await outboxTo(t, 'nb@example.org')).toEqual([]);
    expect((await enroll(t, 'bad@example.org', 'not a language')).status).toBe(422);
  });
});

describe('sending a new invitation', () => {
  it('makes the old code stop working, the new one work, and e-mails it in the language the patient was enrolled in', async () => {
    const t = await fresh();
    const created = expectStatus(await enroll(t, 'lost@example.org', 'sv'), 201) as { enrollment: { id: string }; invitation: Invitation };
    t.clock.advance(3600_000);
    const renewed = expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${created.enrollment.id}/invitation`), 201) as Invitation;
    expect(renewed.code).not.toBe(created.invitation.code);
    expect(renewed.url).toContain('?lang=sv');
    const mails = await outboxTo(t, 'lost@example.org');
    expect(mails).toHaveLength(2);
    expect(mails.every((mail) => mail.subject.includes('Din inbjudan'))).toBe(true);
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'invitation.resend'").get()).toEqual({ n: 1 });

    const old = await t.call(undefined, 'POST', '/api/public/invitations/redeem', { code: created.invitation.code, password: 'a long enough password' });
    expect(old.status).toBe(404);
    expectStatus(await t.call(undefined, 'POST', '/api/public/invitations/redeem', { code: renewed.code, password: 'a long enough password' }), 200);

    const late = await t.call('therapist', 'POST', `/api/care/enrollments/${created.enrollment.id}/invitation`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ issues: [{ code: 'invitation.already_accepted' }] });
    expect(await outboxTo(t, 'lost@example.org')).toHaveLength(2);
  });

  it('is refused for an ended enrollment and for another unit\'s therapist', async () => {
    const t = await fresh();
    const created = expectStatus(await enroll(t, 'gone@example.org'), 201) as { enrollment: { id: string } };
    expect((await t.call('other-therapist', 'POST', `/api/care/enrollments/${created.enrollment.id}/invitation`)).status).toBe(404);
    expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${created.enrollment.id}`, { status: 'ended' }), 200);
    const refused = await t.call('therapist', 'POST', `/api/care/enrollments/${created.enrollment.id}/invitation`);
    expect(refused.status).toBe(409);
    expect(await outboxTo(t, 'gone@example.org')).toHaveLength(1);
  });
});
