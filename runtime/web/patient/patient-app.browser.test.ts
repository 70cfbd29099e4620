import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { COPD_GREEN, demoClinic, deploy, enroll, PATIENT_PASSWORD, phq9Answers, respond, setIntake, signInAgain, therapistWrites, patientWrites, type ArrangedPatient } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deep, deepAll, memoryStorage, overflowing, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClPatientApp } from './patient-app.js';
import './patient-app.js';

const DAY_MS = 24 * 3_600_000;

// One server for the file, on a clock of its own. Pat is in the panic program (two messages from the
// therapist, one read, and one of Pat's) and, four days on, has PHQ-9 and GAD-7 overdue and week 1
// due. Cole is in the panic and COPD programs with a PHQ-9 of 11 and a feverish daily report.
let server: TestServer;
let pat: ArrangedPatient;
let cole: ArrangedPatient;
let panic: { id: string };
let copd: { id: string };
let unitId: string;
let jars = 0;

before(async function () {
  this.timeout(180_000);
  server = await startTestServer({ clock: new Date().toISOString() });
  unitId = (await demoClinic(server)).id;
  panic = await deploy(server, 'panic-icbt-8-weeks');
  copd = await deploy(server, 'copd-home-follow-up');
  await setIntake(server, (await deploy(server, 'phq-9')).id);
  pat = await enroll(server, { deploymentId: panic.id, name: 'Pat Patient' });
  // A minute between messages: the server's clock stands still otherwise, and their order would be a tie.
  await therapistWrites(server, pat.enrollmentId, 'Welcome to the program!');
  await server.call(pat.jar, 'POST', `/api/me/enrollments/${pat.enrollmentId}/messages/read`);
  await server.moveClock({ advanceMs: 60_000 });
  await patientWrites(server, pat, 'Thank you, I have started.');
  await server.moveClock({ advanceMs: 60_000 });
  await therapistWrites(server, pat.enrollmentId, 'How did the breathing exercise go?');
  cole = await enroll(server, { deploymentId: panic.id, name: 'Cole Copd' });
  const coleCopd = await enroll(server, { deploymentId: copd.id, name: 'Cole Copd', existing: cole });
  await respond(server, cole, 'phq-9', phq9Answers(11), { completes: true });
  await respond(server, coleCopd, 'copd-daily-report', { ...COPD_GREEN, temperature: 38.4 }, { registrationId: 'copdDaily' });
  await server.moveClock({ advanceMs: 4 * DAY_MS });
  // Four days on, every session has ended: the arranging staff and Pat sign in again.
  await signInAgain(server);
  await server.signIn(pat.jar, { email: pat.email, password: PATIENT_PASSWORD });
});
after(async () => server.stop());

/** The patient app at `hash`, signed in as `who` (a patient, or the demo account key) in a browser of its own, or signed out. */
async function mountApp(who: ArrangedPatient | string | null, hash: string): Promise<ClPatientApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', 'en');
  const api = new ApiClient({ fetch: server.fetch(`app-${++jars}`) });
  if (typeof who === 'string') await api.login(server.account(who).email, server.account(who).password);
  else if (who) await api.login(who.email, PATIENT_PASSWORD);
  const app = await fixture<ClPatientApp>(html`<cl-patient-app .api=${api} .storage=${storage} .isOnline=${() => true}></cl-patient-app>`);
  await settleAll(app);
  return app;
}

const requestsSince = (count: number) => server.requests.slice(count);

async function go(app: ClPatientApp, hash: string): Promise<void> {
  location.hash = hash;
  await until(() => app.router.route.segments.join('/') === hash.replace(/^#\//, '').split('?')[0], 10_000);
  await settleAll(app);
}

describe('<cl-patient-app>, against the real server', function () {
  this.timeout(120_000);
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('asks a signed-out patient to sign in, says why a login failed, and opens Today after signing in', async () => {
    const app = await mountApp(null, '#/today');
    const form = await until(() => deepAll(app, 'cl-login-form')[0], 10_000);
    (deep(form, '#email') as HTMLInputElement).value = pat.email;
    (deep(form, '#password') as HTMLInputElement).value = 'wrong';
    deep(form, 'button[type="submit"]').click();
    await until(() => deepAll(app, '.form-error').length > 0, 10_000);
    expect(deep(app, '.form-error').textContent).to.contain('e-mail address or the password is wrong');

    (deep(form, '#password') as HTMLInputElement).value = PATIENT_PASSWORD;
    deep(form, 'button[type="submit"]').click();
    await until(() => deepAll(app, 'cl-today-screen').length > 0 && deepAll(app, '.newest-message').length > 0, 10_000);
    expect(location.hash).to.equal('#/today');
    expect(pierce(app, 'cl-today-screen h1').textContent).to.contain('Pat Patient');
  });

  it('Today shows the newest message first with the unread count, then what is due with overdue first', async () => {
    const app = await mountApp(pat, '#/today');
    await until(() => deepAll(app, '.newest-message').length > 0, 10_000);
    const sections = pierceAll(app, 'cl-today-screen section');
    expect(sections[0]?.classList.contains('messages')).to.equal(true);
    expect(pierce(app, '.newest-message .message-preview').textContent).to.equal('How did the breathing exercise go?');
    expect(pierce(app, '#messages-heading .badge').textContent).to.equal('1 unread');
    // Four days in: the week's PHQ-9 and GAD-7 (due within three days) are overdue and come first, then week 1.
    const due = pierceAll(app, 'li.due').map((item) => [item.querySelector('a.title')?.textContent, item.querySelector('.overdue') !== null]);
    expect(due).to.deep.equal([['PHQ-9: how you have been feeling', true], ['GAD-7: worry and anxiety', true], ['Week 1: Understanding panic', false]]);
    expect(pierce(app, '.due a.title').getAttribute('href')).to.equal(`#/modules/${pat.enrollmentId}/phq-9?v=1&fresh=1`);
  });

  it("opens an invitation link in the language the patient was enrolled in, over the device's stored choice", async () => {
    const app = await mountApp(null, '#/invite/ABCDE-12345?lang=sv');
    const screen = deep(app, 'cl-invite-screen');
    await settleAll(screen);
    expect(deep(screen, 'h1').textContent).to.equal('Välkommen');
    expect((deep(screen, '#code') as HTMLInputElement).value).to.equal('ABCDE-12345');
  });

  it('redeems an invitation: checks the password locally, names a wrong code at its field, then signs in', async () => {
    const invited = await enroll(server, { deploymentId: panic.id, name: 'Nina Newcomer', accept: false });
    const typed = invited.code.replace('-', '').toLowerCase();
    const sent = server.requests.length;
    const app = await mountApp(null, '#/invite/WRONG-CODE');
    const screen = await until(() => deepAll(app, 'cl-invite-screen')[0], 10_000);
    expect((deep(screen, '#code') as HTMLInputElement).value).to.equal('WRONG-CODE');
    (deep(screen, '#password') as HTMLInputElement).value = 'short';
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(screen, '#password-error').length > 0);
    expect(deep(screen, '#password').getAttribute('aria-invalid')).to.equal('true');
    expect(requestsSince(sent).some((request) => request.path.includes('redeem'))).to.equal(false);

    (deep(screen, '#password') as HTMLInputElement).value = 'a long enough password';
    (deep(screen, '#repeat') as HTMLInputElement).value = 'a long enough password';
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(screen, '#code-error').length > 0, 10_000);
    expect(deep(screen, '#code-error').textContent).to.contain('unknown');

    // The code as a person might type it: lower case, no dash.
    (deep(screen, '#code') as HTMLInputElement).value = typed;
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(app, 'cl-today-screen').length > 0, 10_000);
    const redeem = requestsSince(sent).filter((request) => request.path === '/api/public/invitations/redeem').at(-1);
    expect(redeem?.body).to.deep.equal({ code: typed, password: 'a long enough password' });
    expect(pierce(app, 'cl-today-screen h1').textContent).to.contain('Nina Newcomer');
  });

  it('an invitation to an existing account: choosing a password is refused, the person signs in and accepts', async () => {
    // Pat, who has an account, is invited to the COPD program as well.
    const again = await enroll(server, { deploymentId: copd.id, name: 'Pat Patient', existing: pat, accept: false });
    const sent = server.requests.length;
    const app = await mountApp(null, `#/invite/${again.code}`);
    const screen = await until(() => deepAll(app, 'cl-invite-screen')[0], 10_000);
    (deep(screen, '#password') as HTMLInputElement).value = 'a long enough password';
    (deep(screen, '#repeat') as HTMLInputElement).value = 'a long enough password';
    deep(screen, 'button[type="submit"]').click();
    const form = await until(() => deepAll(screen, 'cl-login-form')[0], 10_000);
    expect(deep(screen, '.form-error').textContent).to.contain('already has a Careloom account');
    expect(deep(form, 'h1').textContent).to.equal('Sign in to accept your invitation');
    (deep(form, '#email') as HTMLInputElement).value = pat.email;
    (deep(form, '#password') as HTMLInputElement).value = PATIENT_PASSWORD;
    deep(form, 'button[type="submit"]').click();
    // Signed in here, the screen stays to accept rather than going to Today.
    await until(() => deepAll(screen, 'h1').some((heading) => heading.textContent === 'Accept your invitation'), 10_000);
    expect(location.hash).to.equal(`#/invite/${again.code}`);
    expect(deep(screen, 'p').textContent).to.contain(`Pat Patient (${pat.email})`);
    expect((deep(screen, '#code') as HTMLInputElement).value).to.equal(again.code);
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(app, 'cl-today-screen').length > 0, 10_000);
    const accepted = requestsSince(sent).filter((request) => request.path === '/api/me/invitations/accept');
    expect(accepted.map((request) => request.body)).to.deep.equal([{ code: again.code }]);
    const session = requestsSince(sent).find((request) => request.path === '/api/auth/login');
    expect(accepted[0]?.csrf).to.be.a('string').and.not.equal('');
    expect(session).to.not.equal(undefined);
    expect(requestsSince(sent).filter((request) => request.path === '/api/public/invitations/redeem')).to.have.length(1);
    // Pat is now in both programs.
    const { enrollments } = await server.call<{ enrollments: Array<{ id: string }> }>(pat.jar, 'GET', '/api/me/enrollments');
    expect(enrollments.map((enrollment) => enrollment.id)).to.include(again.enrollmentId);
  });

  it('an invitation link opened while signed in offers to accept it for that account, and says when it is someone else\'s', async () => {
    const invited = await enroll(server, { deploymentId: panic.id, name: 'Ines Invited', accept: false });
    const app = await mountApp('therapist', `#/invite/${invited.code}`);
    const screen = await until(() => deepAll(app, 'cl-invite-screen')[0], 10_000);
    await until(() => deepAll(screen, 'h1').some((heading) => heading.textContent === 'Accept your invitation'), 10_000);
    expect(deepAll(screen, '#password')).to.have.length(0);
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(screen, '.form-error').length > 0, 10_000);
    expect(deep(screen, '.form-error').textContent).to.contain('sent to another e-mail address');
    expect(location.hash).to.equal(`#/invite/${invited.code}`);
  });

  it('offers signing in instead of choosing a password, and back', async () => {
    const app = await mountApp(null, '#/invite/ABCDE-12345');
    const screen = await until(() => deepAll(app, 'cl-invite-screen')[0], 10_000);
    const toSignIn = deepAll(screen, 'button').find((button) => button.textContent === 'Already have an account? Sign in to accept the invitation');
    toSignIn!.click();
    await until(() => deepAll(screen, 'cl-login-form').length > 0);
    deepAll(screen, 'button').find((button) => button.textContent === 'New to Careloom? Choose a password instead')!.click();
    await until(() => deepAll(screen, '#repeat').length > 0);
    expect((deep(screen, '#code') as HTMLInputElement).value).to.equal('ABCDE-12345');
  });

  it('sends a message with the CSRF token and shows it first, marked not read yet', async () => {
    const sent = server.requests.length;
    const app = await mountApp(pat, '#/messages');
    const thread = await until(() => deepAll(app, 'cl-message-thread').find((element) => deepAll(element, '.message').length === 3), 10_000);
    await until(() => requestsSince(sent).some((request) => request.method === 'POST' && request.path === `/api/me/enrollments/${pat.enrollmentId}/messages/read`), 10_000);
    const textarea = deep(thread, 'textarea') as HTMLTextAreaElement;
    deep(thread, 'button[type="submit"]').click();
    await until(() => deepAll(thread, '#message-error').length > 0, 10_000);
    textarea.value = 'It went well, thanks.';
    textarea.dispatchEvent(new Event('input'));
    deep(thread, 'button[type="submit"]').click();
    await until(() => deepAll(thread, '.message').length === 4, 10_000);
    const posted = requestsSince(sent).filter((request) => request.method === 'POST' && request.path === `/api/me/enrollments/${pat.enrollmentId}/messages`);
    expect(posted).to.have.length(1);
    expect(posted[0]?.csrf).to.be.a('string').and.not.equal('');
    // The therapist's side has it.
    const { messages } = await server.call<{ messages: Array<{ body: string }> }>('arrange-therapist', 'GET', `/api/care/enrollments/${pat.enrollmentId}/messages`);
    expect(messages.map((message) => message.body)).to.include('It went well, thanks.');
    expect(pierce(thread, '.message .body').textContent).to.equal('It went well, thanks.');
    expect(pierce(thread, '.message .receipt').textContent).to.equal('Not read yet');
  });

  it('shows the plan per zone with its actions, and charts with a data table', async () => {
    const app = await mountApp(cole, '#/plan');
    await until(() => deepAll(app, '.zone').length === 3, 10_000);
    expect(pierceAll(app, '.zone h3').map((heading) => heading.textContent?.trim())).to.deep.equal(['● Green zone', '▲ Yellow zone', '■ Red zone']);
    expect(pierce(app, '.zone-red .action').textContent).to.contain('Call your care unit now');

    await go(app, '#/charts');
    await until(() => pierceAll(app, 'cl-line-chart canvas').length >= 2, 10_000);
    const rows = pierceAll(app, 'cl-line-chart[heading="PHQ-9, total score"] tbody tr').map((row) => row.textContent);
    expect(rows[0]).to.contain('11').and.to.contain('Moderate');
    const temperature = deep(app, 'cl-line-chart[data-field="temperature"]');
    expect(pierceAll(temperature, '.legend li').map((item) => item.textContent)).to.deep.equal(['Yellow zone: ≥ 38', 'Red zone: ≥ 39']);
    expect(pierce(temperature, 'tbody tr').textContent).to.contain('Yellow zone');
  });

  it('switches the interface language and remembers it', async () => {
    const app = await mountApp(pat, '#/today');
    await until(() => deepAll(app, 'nav.main a').length > 0, 10_000);
    const select = deep(app, 'select[name="language"]') as HTMLSelectElement;
    // The header's white text must not be inherited by the white select: the chosen language is readable.
    const style = getComputedStyle(select);
    expect(style.color).to.not.equal(style.backgroundColor);
    expect(style.color).to.equal('rgb(26, 26, 26)');
    select.value = 'sv';
    select.dispatchEvent(new Event('change'));
    await settleAll(app);
    expect(app.storage.getItem('careloom.language')).to.equal('sv');
    expect(pierce(app, 'nav.main a').textContent).to.equal('Idag');
    document.documentElement.lang = 'en';
  });

  describe('accessibility (axe: no serious or critical violations) and 360 px', () => {
    // As in the app's HTML shell: no body margin around the app.
    before(async () => {
      document.body.style.margin = '0';
      await setViewport({ width: 360, height: 740 });
    });
    after(async () => {
      document.body.style.margin = '';
      await setViewport({ width: 1024, height: 768 });
    });

    // Who is signed in for each screen, and where it goes (ids known only once the server has them).
    const screens: Array<[string, () => ArrangedPatient | null, () => string, string]> = [
      ['login', () => null, () => '#/login', 'cl-login-form'],
      ['invitation', () => null, () => '#/invite/ABCDE-12345', 'cl-invite-screen'],
      ['accepting an invitation', () => pat, () => '#/invite/ABCDE-12345', 'cl-invite-screen #code'],
      ['today', () => pat, () => '#/today', '.newest-message'],
      ['program', () => pat, () => '#/program', '.program'],
      ['module player', () => pat, () => `#/modules/${pat.enrollmentId}/panic-week-1?v=1`, 'cl-module-page'],
      ['charts', () => cole, () => '#/charts', 'cl-line-chart canvas'],
      ['plan', () => cole, () => '#/plan', '.zone'],
      ['messages', () => pat, () => '#/messages', '.message'],
      ['intake', () => null, () => `#/intake/${unitId}`, 'cl-module-page'],
    ];
    for (const [name, who, hash, ready] of screens) {
      it(name, async () => {
        const app = await mountApp(who(), hash());
        await until(() => pierceAll(app, ready).length > 0, 10_000);
        await settleAll(app);
        expect(document.documentElement.scrollWidth, 'document width').to.be.at.most(360);
        expect(overflowing(app, 360)).to.deep.equal([]);
        expect(await seriousViolations(app)).to.deep.equal([]);
      });
    }

    for (const language of ['en', 'sv', 'nb']) {
      it(`keeps the header and the menu under 120 px on a 360 × 740 phone (${language})`, async () => {
        const app = await mountApp(pat, '#/today');
        await until(() => pierceAll(app, '.newest-message').length > 0, 10_000);
        const select = pierce(app, 'header.top select') as HTMLSelectElement;
        select.value = language;
        select.dispatchEvent(new Event('change'));
        await settleAll(app);
        const menuBottom = pierce(app, 'nav.main').getBoundingClientRect().bottom;
        expect(menuBottom, `header and menu in ${language}`).to.be.below(120);
        // One header row: the product name, the language and Sign out side by side.
        expect(pierce(app, 'header.top').getBoundingClientRect().height).to.be.below(80);
      });
    }
  });
});
