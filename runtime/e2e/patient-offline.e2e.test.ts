// The patient app on a phone with no connection: it installs (manifest, icons, service worker),
// opens offline from the home screen with the patient's last data, takes answers and a message
// while offline, and sends both once, when the connection returns. Signing out deletes what the
// device kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, followMenu, PHONE, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';
import { HttpSession } from '../src/integration/http-client.js';
import { lazyBundles } from '../src/web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../src/web/web-apps.js';

const bundleOf = lazyBundles(WEB_APPS, repositoryRoot);
const PATIENT = { email: 'train@example.org', password: 'a patient on a train' };

/** The demo clinic deploys the panic program; a therapist enrolls the patient, who takes the invitation up. */
async function enrolledPatient(system: E2eSystem): Promise<{ therapist: HttpSession; enrollmentId: string }> {
  const url = system.server.url;
  const admin = await HttpSession.login(url, demoLogin('care-admin').email, demoLogin('care-admin').password);
  const unit = ((await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> }).units.find((candidate) => candidate.name === 'Demo clinic')!;
  const deployment = (await admin.call('POST', `/api/care/units/${unit.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 })).body as { id: string };
  const therapist = await HttpSession.login(url, demoLogin('therapist').email, demoLogin('therapist').password);
  const enrolled = (await therapist.call('POST', `/api/care/units/${unit.id}/enrollments`, { deploymentId: deployment.id, patient: { name: 'Tove Train', email: PATIENT.email } })).body as { enrollment: { id: string }; invitation: { code: string } };
  const redeemed = await new HttpSession(url).call('POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: PATIENT.password });
  expect(redeemed.status).toBe(200);
  return { therapist, enrollmentId: enrolled.enrollment.id };
}

describe('the patient app without a connection', () => {
  let system: E2eSystem;
  beforeAll(async () => {
    [system] = await Promise.all([startE2e({ bundleOf }), bundleOf('patient')]);
  });
  afterAll(async () => {
    await system?.close();
  });

  it('installs, opens offline with the last data, keeps an answer and a message, sends them once when back online, and forgets the data at sign-out', async () => {
    const { therapist, enrollmentId } = await enrolledPatient(system);
    const context = await system.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);

    // Installable: a manifest with the icons a phone asks for, served with the shell.
    const manifest = (await (await context.request.get('/manifest.webmanifest')).json()) as { start_url: string; display: string; icons: Array<{ src: string; sizes: string }> };
    expect(manifest).toMatchObject({ start_url: '/#/today', display: 'standalone' });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await context.request.get(icon.src)).headers()['content-type']).toBe('image/png');

    // Online once: sign in, look at Today, open week 1 and the messages, as a patient would.
    await page.goto('/');
    await page.getByLabel('E-mail').fill(PATIENT.email);
    await page.getByLabel('Password').fill(PATIENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const today = page.locator('cl-today-screen');
    const week1 = today.locator('li.due[data-module="panic-week-1"]').getByRole('link', { name: 'Week 1: Understanding panic' });
    await week1.waitFor();
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The worker claims the page on activation; a reload makes sure it also saw Today's requests.
    await page.reload();
    await week1.waitFor();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await week1.click();
    const player = page.locator('cl-module-player');
    await player.getByRole('group', { name: /Have you had a panic attack in the last week/ }).waitFor();
    await followMenu(page, 'Messages');
    await page.locator('cl-message-thread').getByText('No messages yet.').waitFor();

    // On the train: no connection. The app opens from the home screen all the same.
    await context.setOffline(true);
    await page.goto('/#/today');
    await week1.waitFor();
    await week1.click();
    await player.getByRole('group', { name: /Have you had a panic attack in the last week/ }).getByRole('radio', { name: 'Yes' }).check();
    await player.getByRole('status').filter({ hasText: 'You are offline. 1 answer will be sent when you are back online.' }).waitFor();

    await followMenu(page, 'Messages');
    const thread = page.locator('cl-message-thread');
    await thread.getByLabel('Write a message').fill('Written on the train, no signal.');
    await thread.getByRole('button', { name: 'Send' }).click();
    const waiting = thread.locator('li.waiting').filter({ hasText: 'Written on the train, no signal.' });
    await waiting.getByText('Waiting to be sent').waitFor();
    await thread.getByText('You are offline. 1 message will be sent when you are back online.').waitFor();
    // The same, read in Swedish and Norwegian at phone width: no English left, and nothing wider than the screen.
    for (const [language, waitingText, notice] of [
      ['sv', 'Väntar på att skickas', 'Du är offline. 1 meddelande skickas när du är uppkopplad igen.'],
      ['nb', 'Venter på å bli sendt', 'Du er frakoblet. 1 melding sendes når du er tilkoblet igjen.'],
    ] as const) {
      await page.getByRole('combobox', { name: /^(Language|Språk)$/ }).selectOption(language);
      await thread.locator('li.waiting').getByText(waitingText).waitFor();
      await thread.getByText(notice).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: `/tmp/offline-messages-${language}.png` });
    }
    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    await waiting.getByText('Waiting to be sent').waitFor();

    // Back in coverage: both go out, once, and the offline notices disappear.
    await context.setOffline(false);
    await waiting.waitFor({ state: 'detached' });
    await thread.locator('li.message.mine').filter({ hasText: 'Written on the train, no signal.' }).getByText('Not read yet').waitFor();
    expect(await thread.getByText(/You are offline/).count()).toBe(0);
    const messages = (await therapist.call('GET', `/api/care/enrollments/${enrollmentId}/messages`)).body as { messages: Array<{ body: string }> };
    expect(messages.messages.map((message) => message.body)).toEqual(['Written on the train, no signal.']);
    await expect
      .poll(async () => ((await therapist.call('GET', `/api/care/enrollments/${enrollmentId}/responses`)).body as { responses: unknown[] }).responses.length, { timeout: 20_000 })
      .toBeGreaterThan(0);

    // Signing out deletes the patient's data the device kept for offline use.
    expect(await page.evaluate(() => caches.has('careloom-patient-data'))).toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('E-mail').waitFor();
    await expect.poll(() => page.evaluate(() => caches.has('careloom-patient-data'))).toBe(false);
    expect(errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
  });
});
