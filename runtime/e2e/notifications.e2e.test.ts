// End to end: notifications and outreach on a phone, with e-mail through a real SMTP conversation
// (the test SMTP server). A therapist's message in the clinic produces one e-mail, in the patient's
// language and naming nothing of their care; the patient turns e-mail off under Settings, and the
// next message produces none (until they turn it on again, which shows the job was running). The
// therapist sends a reminder from the patient page, and an admin posts information that the
// therapist sees with an unread marker. Each screen is shown at 360 px in English, Swedish and
// Norwegian; screenshots go to the temporary folder (their paths are logged).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, type TestClock } from '../src/clock.js';
import { demoLogin, followMenu, PHONE, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';
import { HttpSession } from '../src/integration/http-client.js';
import { parseMessage, startSmtpServer, type Received } from '../src/testing/fake-smtp-server.js';

const PATIENT = { email: 'pia.patient@example.org', password: 'a long patient passphrase 42' };
const LANGUAGES = ['en', 'sv', 'nb'] as const;
const shots: string[] = [];
const screenshot = async (page: Page, name: string) => {
  const path = join(tmpdir(), `careloom-notifications-${name}-${process.pid}.png`);
  await page.screenshot({ path });
  shots.push(path);
};

/** The page is no wider than the phone; when it is, the message names what sticks out. */
const fitsPhone = async (page: Page) => {
  const measured = await page.evaluate((width) => {
    const wide: string[] = [];
    const walk = (root: Document | ShadowRoot) =>
      root.querySelectorAll('*').forEach((element) => {
        const box = element.getBoundingClientRect();
        if (box.right > width + 0.5 && !element.closest('nav li')) wide.push(`${element.tagName.toLowerCase()}.${String(element.className)} ${Math.round(box.right)}`);
        if (element.shadowRoot) walk(element.shadowRoot);
      });
    walk(document);
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 8) };
  }, PHONE.width);
  expect(measured.scrollWidth, JSON.stringify(measured.wide)).toBeLessThanOrEqual(PHONE.width);
};

const waitFor = async (check: () => boolean, what: string, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** A header as a mail client shows it: RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) decoded. */
const decodeHeader = (value: string) =>
  value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));

/** Every answer the pages got, to tell the expected refusals from failures. */
const responses: Array<{ status: number; path: string }> = [];
const recordResponses = (page: Page) => page.on('response', (response) => responses.push({ status: response.status(), path: new URL(response.url()).pathname }));

let system: E2eSystem;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let clock: TestClock;
const toPatient = (): Received[] => smtp.received.filter((mail) => mail.to.includes(PATIENT.email));

beforeAll(async () => {
  smtp = await startSmtpServer();
  clock = createTestClock(new Date().toISOString());
  system = await startE2e({
    clock,
    dueWorkEveryMs: 200,
    env: { CARELOOM_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, CARELOOM_MAIL_FROM: 'Careloom <noreply@careloom.test>' },
  });
});
afterAll(async () => {
  await system?.close();
  await new Promise((resolve) => smtp?.server.close(resolve));
  if (shots.length > 0) console.log(`Screenshots: ${shots.join(', ')}`);
});

async function signIn(page: Page, path: string, login: { email: string; password: string }): Promise<void> {
  await page.goto(path);
  await page.getByLabel('E-mail').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
}

async function phonePage(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await system.newContext(PHONE)).newPage();
  recordResponses(page);
  return { page, errors: watchErrors(page) };
}

const setLanguage = (page: Page, language: string) => page.locator('select[name="language"]').first().selectOption(language);

describe('notifications and outreach', () => {
  it('e-mails the patient once in their language for a message, respects turning it off, and walks the screens at 360 px', { timeout: 300_000 }, async () => {
    // Arranged through the API: the panic program deployed at the demo clinic, Pia enrolled in Swedish, her first password chosen.
    const admin = await HttpSession.login(system.server.url, demoLogin('care-admin').email, demoLogin('care-admin').password);
    const { units } = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> };
    const unit = units.find((candidate) => candidate.name === 'Demo clinic')!;
    const deployment = (await admin.call('POST', `/api/care/units/${unit.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 })).body as { id: string };
    const therapistApi = await HttpSession.login(system.server.url, demoLogin('therapist').email, demoLogin('therapist').password);
    const enrolled = (await therapistApi.call('POST', `/api/care/units/${unit.id}/enrollments`, { deploymentId: deployment.id, language: 'sv', patient: { name: 'Pia Patient', email: PATIENT.email } })).body as { enrollment: { id: string }; invitation: { code: string } };
    expect((await new HttpSession(system.server.url).call('POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: PATIENT.password })).status).toBe(200);
    await waitFor(() => toPatient().length === 1, 'the invitation');
    const enrollmentId = enrolled.enrollment.id;

    // The therapist writes in the clinic, on a phone.
    const { page: therapist, errors: therapistErrors } = await phonePage();
    await signIn(therapist, '/clinic', demoLogin('therapist'));
    await therapist.goto(`/clinic#/patients/${enrollmentId}`);
    await therapist.getByRole('heading', { name: 'Pia Patient', level: 1 }).waitFor();
    const send = async (text: string) => {
      await therapist.getByLabel('Write a message').fill(text);
      await therapist.getByRole('button', { name: 'Send', exact: true }).click();
      await therapist.getByText(text).first().waitFor();
    };
    await send('Your exposure diary from Monday looks good');
    await send('Remember the breathing exercise');

    // One e-mail for the two messages, in Swedish, naming nothing of her care.
    await waitFor(() => toPatient().length === 2, 'the message notice');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(toPatient()).toHaveLength(2);
    const notice = parseMessage(toPatient()[1]!.data);
    expect(notice.headers.subject).toBe('Du har ett nytt meddelande i Careloom');
    expect(notice.body).toContain(`${system.server.url}/#/messages`);
    for (const secret of ['exposure', 'breathing', 'Demo clinic', 'panic', 'Theo']) expect(notice.body).not.toContain(secret);

    // Pia turns e-mail off under Settings, on her phone.
    const { page: patient, errors: patientErrors } = await phonePage();
    await signIn(patient, '/', PATIENT);
    await followMenu(patient, 'Settings');
    const box = patient.getByLabel(/E-mail me when something new is waiting/);
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await patient.getByRole('status').filter({ hasText: 'The settings were saved.' }).waitFor();
    for (const language of LANGUAGES) {
      await setLanguage(patient, language);
      await patient.getByRole('heading', { name: { en: 'Settings', sv: 'Inställningar', nb: 'Innstillinger' }[language], level: 1 }).waitFor();
      await fitsPhone(patient);
      await screenshot(patient, `patient-settings-${language}`);
    }

    // Two hours later (past the interval) another message: no e-mail while she has them off.
    clock.advance(2 * 3600_000);
    await send('A new message after the interval');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(toPatient()).toHaveLength(2);
    // The therapist cannot send her a reminder either, and the page says why.
    await therapist.reload();
    await therapist.getByRole('heading', { name: 'Reminders and e-mail', level: 2 }).waitFor();
    await therapist.getByText('The patient has turned off e-mail from Careloom.').waitFor();
    expect(await therapist.getByRole('button', { name: 'Send a reminder' }).isDisabled()).toBe(true);

    // Turned on again, the unread message is e-mailed at the next run: the job was running all along.
    await setLanguage(patient, 'en');
    await patient.getByLabel(/E-mail me when something new is waiting/).check();
    await patient.getByRole('status').filter({ hasText: 'The settings were saved.' }).waitFor();
    await waitFor(() => toPatient().length === 3, 'the notice after turning e-mail on');
    expect(parseMessage(toPatient()[2]!.data).headers.subject).toBe('Du har ett nytt meddelande i Careloom');

    // The therapist sends a reminder from the patient page: once a day, shown in the timeline.
    await therapist.reload();
    await therapist.getByRole('button', { name: 'Send a reminder' }).click();
    await therapist.getByText('Reminder sent.').waitFor();
    await waitFor(() => toPatient().length === 4, 'the reminder');
    expect(decodeHeader(parseMessage(toPatient()[3]!.data).headers.subject ?? '')).toBe('En påminnelse från din vårdenhet');
    expect(parseMessage(toPatient()[3]!.data).body).toContain('Din vårdenhet påminner dig');
    expect(await therapist.getByRole('button', { name: 'Send a reminder' }).isDisabled()).toBe(true);
    await therapist.getByText('Reminder sent by Theo Therapist').waitFor();
    for (const language of LANGUAGES) {
      await setLanguage(therapist, language);
      await therapist.getByRole('heading', { name: { en: 'Reminders and e-mail', sv: 'Påminnelser och e-post', nb: 'Påminnelser og e-post' }[language], level: 2 }).scrollIntoViewIfNeeded();
      await fitsPhone(therapist);
      await screenshot(therapist, `clinic-outreach-${language}`);
    }

    // A care-provider admin posts information to the demo clinic's staff; the therapist sees it unread, then reads it.
    const { page: adminPage, errors: adminErrors } = await phonePage();
    await signIn(adminPage, '/clinic', demoLogin('care-admin'));
    await followMenu(adminPage, 'Notices');
    await adminPage.getByLabel('Title').fill('New phone hours');
    await adminPage.getByLabel('Information', { exact: true }).fill('From Monday the phone is open 8–12.');
    await adminPage.getByLabel('Demo clinic').check();
    await adminPage.getByLabel(/Also e-mail the staff/).check();
    await adminPage.getByRole('button', { name: 'Post' }).click();
    await adminPage.getByRole('status').filter({ hasText: 'Posted.' }).waitFor();
    await waitFor(() => smtp.received.some((mail) => mail.to.includes(demoLogin('therapist').email) && parseMessage(mail.data).headers.subject === 'New information from Demo Care Provider'), 'the staff e-mail');
    for (const language of LANGUAGES) {
      await setLanguage(adminPage, language);
      await adminPage.getByRole('heading', { level: 1, name: { en: 'Notices', sv: 'Information', nb: 'Informasjon' }[language] }).waitFor();
      await fitsPhone(adminPage);
      await screenshot(adminPage, `clinic-notices-admin-${language}`);
    }

    await setLanguage(therapist, 'en');
    await therapist.goto('/clinic#/report');
    await therapist.reload();
    await followMenu(therapist, 'Notices, 1 unread', false);
    await therapist.getByRole('heading', { name: 'New phone hours', level: 3 }).waitFor();
    for (const language of LANGUAGES) {
      await setLanguage(therapist, language);
      await therapist.getByRole('button', { name: { en: 'Mark as read', sv: 'Markera som läst', nb: 'Merk som lest' }[language] }).waitFor();
      await fitsPhone(therapist);
      await screenshot(therapist, `clinic-notices-${language}`);
    }
    await setLanguage(therapist, 'en');
    await therapist.getByRole('button', { name: 'Mark as read' }).click();
    await therapist.getByRole('navigation').getByRole('link', { name: 'Notices', exact: true, includeHidden: true }).waitFor({ state: 'attached' });
    expect(await therapist.getByRole('button', { name: 'Mark as read' }).count()).toBe(0);

    // The apps ask who is signed in before signing in (401); with SMTP the admin's clinic finds no
    // development outbox (its probe answers 404). Nothing else may be refused or fail.
    const refused = new Set(responses.filter((response) => response.status >= 400).map((response) => `${response.status} ${response.path}`));
    expect([...refused].filter((entry) => entry !== '401 /api/auth/me' && entry !== '404 /api/dev/outbox')).toEqual([]);
    for (const errors of [therapistErrors, patientErrors, adminErrors]) expect(errors.filter((error) => !/status of (401|404)/.test(error)), errors.join('\n')).toEqual([]);
  });
});
