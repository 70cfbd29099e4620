// Treatment week by week, end to end on a fresh database with the demo accounts and the released
// examples, on an injected clock (the minute job runs every 100 ms, so it notices a moved clock at
// once): a therapist opens a module early for one patient and pauses another, who is told so in
// the patient app; a PHQ-9 answered with item 9 above "Not at all" is escalated when nobody
// acknowledges it by its deadline; the unit report shows a patient's reliable improvement.
// Patients answer over the API (their screens are covered by care-path.e2e.test.ts); what the
// therapist and the admin do and read goes through the clinic's screens.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../src/clock.js';
import { demoLogin, followMenu, PHONE, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';
import { HttpSession } from '../src/integration/http-client.js';
import { lazyBundles } from '../src/web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../src/web/web-apps.js';

const PANIC = { id: 'panic-icbt-8-weeks', title: 'Internet CBT for panic disorder (8 weeks)' };
const UNIT = 'Demo clinic';
const bundleOf = lazyBundles(WEB_APPS, repositoryRoot);
// Monday 2 March 2026, 08:00 in Stockholm.
const clock = createTestClock('2026-03-02T07:00:00.000Z');

let system: E2eSystem;
let unitId: string;
let deploymentId: string;
let therapistApi: HttpSession;

beforeAll(async () => {
  [system] = await Promise.all([startE2e({ clock, dueWorkEveryMs: 100, bundleOf }), bundleOf('clinic'), bundleOf('patient')]);
  const adminLogin = demoLogin('care-admin');
  const admin = await HttpSession.login(system.server.url, adminLogin.email, adminLogin.password);
  const { units } = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> };
  unitId = units.find((unit) => unit.name === UNIT)!.id;
  const deployed = await admin.call('POST', `/api/care/units/${unitId}/deployments`, { documentId: PANIC.id, version: 1 });
  expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
  deploymentId = (deployed.body as { id: string }).id;
  const therapistLogin = demoLogin('therapist');
  therapistApi = await HttpSession.login(system.server.url, therapistLogin.email, therapistLogin.password);
});
afterAll(async () => {
  await system?.close();
});

/** A patient enrolled in the panic program who took the invitation up, signed in over the API. */
async function enrolledPatient(name: string, email: string): Promise<{ enrollmentId: string; api: HttpSession; password: string }> {
  const enrolled = await therapistApi.call('POST', `/api/care/units/${unitId}/enrollments`, { deploymentId, patient: { name, email } });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  const { enrollment, invitation } = enrolled.body as { enrollment: { id: string }; invitation: { code: string } };
  const password = `${email}-long-password`;
  expect((await new HttpSession(system.server.url).call('POST', '/api/public/invitations/redeem', { code: invitation.code, password })).status).toBe(200);
  return { enrollmentId: enrollment.id, api: await HttpSession.login(system.server.url, email, password), password };
}

/** A completed PHQ-9: items 1–8 with `item`, item 9 with `item9`. */
async function phq9(patient: { enrollmentId: string; api: HttpSession }, item: string, item9: string): Promise<void> {
  const answers: Record<string, string> = {};
  for (let n = 1; n <= 8; n += 1) answers[`phq9_${n}`] = item;
  answers['phq9_9'] = item9;
  const recorded = await patient.api.call('POST', `/api/me/enrollments/${patient.enrollmentId}/responses`, { formatVersion: 1, clientId: crypto.randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers, completes: true, answeredAt: clock.now().toISOString() });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
}

async function clinic(login: { email: string; password: string }, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const context = await system.newContext(viewport);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/clinic');
  await page.getByLabel('E-mail').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
  return { page, errors };
}

const clean = (errors: string[]) => errors.filter((error) => !/status of 401/.test(error));

describe('treatment in practice, end to end', () => {
  it('a therapist opens week 3 early for one patient and pauses another, who sees that the program is paused', async () => {
    const early = await enrolledPatient('Elsa Early', 'elsa@example.org');
    const paused = await enrolledPatient('Paul Paused', 'paul@example.org');
    const { page, errors } = await clinic(demoLogin('therapist'), PHONE);

    await page.getByRole('link', { name: 'Elsa Early' }).first().click();
    const schedule = page.locator('cl-patient-schedule');
    await schedule.getByRole('button', { name: 'Open now: Week 3: Catastrophic thoughts' }).click();
    await schedule.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await schedule.getByRole('button', { name: 'Open now: Week 3: Catastrophic thoughts' }).count()).toBe(0);
    const program = async (patient: { enrollmentId: string; api: HttpSession }) => ((await patient.api.call('GET', `/api/me/enrollments/${patient.enrollmentId}/program`)).body as { modules: Array<{ key: string; state: string }> }).modules;
    expect((await program(early)).find((module) => module.key === 'week3')?.state).not.toBe('locked');
    // Only for this patient.
    expect((await program(paused)).find((module) => module.key === 'week3')?.state).toBe('locked');

    await followMenu(page, 'Patients');
    await page.getByRole('link', { name: 'Paul Paused' }).first().click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.locator('cl-patient-schedule [data-paused]').getByText('The program is paused', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(clean(errors)).toEqual([]);

    // The patient, on a phone, is told on Today.
    const context = await system.newContext(PHONE);
    const patientPage = await context.newPage();
    const patientErrors = watchErrors(patientPage);
    await patientPage.goto('/');
    await patientPage.getByLabel('E-mail').fill('paul@example.org');
    await patientPage.getByLabel('Password').fill(paused.password);
    await patientPage.getByRole('button', { name: 'Sign in' }).click();
    await patientPage.getByText(`Your therapist has paused “${PANIC.title}”.`, { exact: false }).waitFor();
    expect(clean(patientErrors)).toEqual([]);
  });

  it('an item-9 alert nobody acknowledges by its deadline is escalated, and the therapist sees it overdue and escalated', async () => {
    const patient = await enrolledPatient('Ivar Item', 'ivar@example.org');
    clock.set('2026-03-02T09:00:00.000Z');
    await phq9(patient, 'severalDays', 'severalDays');
    const { page, errors } = await clinic(demoLogin('therapist'), PHONE);
    await followMenu(page, 'Alerts');
    const alert = page.locator('cl-unit-alerts li.alert').filter({ hasText: 'Ivar Item' }).filter({ hasText: 'Item 9' });
    await alert.getByText(/^Respond by/).waitFor();
    expect(await alert.getByText(/Sent to the unit’s other therapists and lead/).count()).toBe(0);

    // 17:01 in Stockholm: the same working day is over and nobody acknowledged it.
    clock.set('2026-03-02T16:01:00.000Z');
    const open = async () => ((await therapistApi.call('GET', `/api/care/units/${unitId}/alerts?status=open`)).body as { alerts: Array<{ patient: { name: string }; escalatedAt?: string | null }> }).alerts;
    await expect.poll(async () => (await open()).find((candidate) => candidate.patient.name === 'Ivar Item' && candidate.escalatedAt)?.escalatedAt ?? null, { timeout: 15000 }).not.toBeNull();
    await page.reload();
    await alert.getByText(/^Overdue: the response was due/).waitFor();
    await alert.getByText(/Sent to the unit’s other therapists and lead/).waitFor();
    // Overdue alerts come first in the inbox.
    expect(await page.locator('cl-unit-alerts li.alert').first().innerText()).toContain('Ivar Item');
    expect(clean(errors)).toEqual([]);
  });

  it('the unit report shows a patient who reliably improved on the PHQ-9', async () => {
    const patient = await enrolledPatient('Rita Reliable', 'rita@example.org');
    // A total of 16 in week 1 and of 0 in week 2: far more than the PHQ-9's reliable change threshold.
    await phq9(patient, 'moreThanHalf', 'notAtAll');
    clock.set('2026-03-10T09:00:00.000Z');
    // A week later every session has expired: the patient and the therapist sign in again.
    await phq9({ ...patient, api: await HttpSession.login(system.server.url, 'rita@example.org', patient.password) }, 'notAtAll', 'notAtAll');
    const therapistLogin = demoLogin('therapist');
    therapistApi = await HttpSession.login(system.server.url, therapistLogin.email, therapistLogin.password);
    const { page, errors } = await clinic(therapistLogin);
    await followMenu(page, 'Report');
    const row = page.locator('cl-unit-report tr[data-instrument="phq9"]').first();
    await row.waitFor();
    await page.getByRole('columnheader', { name: 'Reliably improved' }).first().waitFor();
    // Of the patients with two PHQ-9 totals, Rita improved reliably (the others have one total or none).
    await expect.poll(async () => row.locator('td[data-improved]').innerText()).toBe('100 %');
    expect(await row.locator('td[data-deteriorated]').innerText()).toBe('0 %');
    expect(clean(errors)).toEqual([]);
  });
});
