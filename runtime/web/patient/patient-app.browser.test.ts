import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi, memoryStorage } from '../shared/test-api.js';
import type { FakeApi } from '../shared/test-api.js';
import { deep, deepAll, overflowing, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClPatientApp } from './patient-app.js';
import './patient-app.js';

async function mountApp(fake: FakeApi, hash: string): Promise<ClPatientApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', 'en');
  const app = await fixture<ClPatientApp>(html`<cl-patient-app .api=${new ApiClient({ fetch: fake.fetch })} .storage=${storage} .isOnline=${() => true}></cl-patient-app>`);
  await settleAll(app);
  return app;
}

async function go(app: ClPatientApp, hash: string): Promise<void> {
  location.hash = hash;
  await until(() => app.router.route.segments.join('/') === hash.replace(/^#\//, '').split('?')[0]);
  await settleAll(app);
}

describe('<cl-patient-app>', () => {
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('asks a signed-out patient to sign in, says why a login failed, and opens Today after signing in', async () => {
    const fake = createFakeApi({ as: null });
    const app = await mountApp(fake, '#/today');
    const form = deep(app, 'cl-login-form');
    (deep(form, '#email') as HTMLInputElement).value = 'pat@example.org';
    (deep(form, '#password') as HTMLInputElement).value = 'wrong';
    deep(form, 'button[type="submit"]').click();
    await until(() => deepAll(app, '.form-error').length > 0);
    expect(deep(app, '.form-error').textContent).to.contain('e-mail address or the password is wrong');

    (deep(form, '#password') as HTMLInputElement).value = 'correct horse battery';
    deep(form, 'button[type="submit"]').click();
    await until(() => deepAll(app, 'cl-today-screen').length > 0 && deepAll(app, '.newest-message').length > 0);
    expect(location.hash).to.equal('#/today');
    expect(pierce(app, 'cl-today-screen h1').textContent).to.contain('Pat Patient');
  });

  it('Today shows the newest message first with the unread count, then what is due with overdue first', async () => {
    const fake = createFakeApi({ as: 'patient' });
    const app = await mountApp(fake, '#/today');
    await until(() => deepAll(app, '.newest-message').length > 0);
    const sections = pierceAll(app, 'cl-today-screen section');
    expect(sections[0]?.classList.contains('messages')).to.equal(true);
    expect(pierce(app, '.newest-message .message-preview').textContent).to.equal('How did the breathing exercise go?');
    expect(pierce(app, '#messages-heading .badge').textContent).to.equal('1 unread');
    const due = pierceAll(app, '.due a.title').map((link) => link.textContent);
    expect(due).to.deep.equal(['PHQ-9', 'Week 1: Understanding panic']);
    expect(pierce(app, '.due a.title').getAttribute('href')).to.equal('#/modules/e1/phq-9?v=1&fresh=1');
  });

  it("opens an invitation link in the language the patient was enrolled in, over the device's stored choice", async () => {
    const fake = createFakeApi({ as: null });
    const app = await mountApp(fake, '#/invite/ABCDE-12345?lang=sv');
    const screen = deep(app, 'cl-invite-screen');
    await settleAll(screen);
    expect(deep(screen, 'h1').textContent).to.equal('Välkommen');
    expect((deep(screen, '#code') as HTMLInputElement).value).to.equal('ABCDE-12345');
  });

  it('redeems an invitation: checks the password locally, names a wrong code at its field, then signs in', async () => {
    const fake = createFakeApi({ as: null });
    const app = await mountApp(fake, '#/invite/WRONG-CODE');
    const screen = deep(app, 'cl-invite-screen');
    expect((deep(screen, '#code') as HTMLInputElement).value).to.equal('WRONG-CODE');
    (deep(screen, '#password') as HTMLInputElement).value = 'short';
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(screen, '#password-error').length > 0);
    expect(deep(screen, '#password').getAttribute('aria-invalid')).to.equal('true');
    expect(fake.requests.some((request) => request.path.includes('redeem'))).to.equal(false);

    (deep(screen, '#password') as HTMLInputElement).value = 'a long enough password';
    (deep(screen, '#repeat') as HTMLInputElement).value = 'a long enough password';
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(screen, '#code-error').length > 0);
    expect(deep(screen, '#code-error').textContent).to.contain('unknown');

    (deep(screen, '#code') as HTMLInputElement).value = 'abcde12345';
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(app, 'cl-today-screen').length > 0);
    const redeem = fake.requests.filter((request) => request.path === '/api/public/invitations/redeem').at(-1);
    expect(redeem?.body).to.deep.equal({ code: 'abcde12345', password: 'a long enough password' });
  });

  it('an invitation to an existing account: choosing a password is refused, the person signs in and accepts', async () => {
    const fake = createFakeApi({ as: null });
    const app = await mountApp(fake, '#/invite/EXIST-12345');
    const screen = deep(app, 'cl-invite-screen');
    (deep(screen, '#password') as HTMLInputElement).value = 'a long enough password';
    (deep(screen, '#repeat') as HTMLInputElement).value = 'a long enough password';
    deep(screen, 'button[type="submit"]').click();
    const form = await until(() => deepAll(screen, 'cl-login-form')[0]);
    expect(deep(screen, '.form-error').textContent).to.contain('already has a Careloom account');
    expect(deep(form, 'h1').textContent).to.equal('Sign in to accept your invitation');
    (deep(form, '#email') as HTMLInputElement).value = 'pat@example.org';
    (deep(form, '#password') as HTMLInputElement).value = 'correct horse battery';
    deep(form, 'button[type="submit"]').click();
    // Signed in here, the screen stays to accept rather than going to Today.
    await until(() => deepAll(screen, 'h1').some((heading) => heading.textContent === 'Accept your invitation'));
    expect(location.hash).to.equal('#/invite/EXIST-12345');
    expect(deep(screen, 'p').textContent).to.contain('Pat Patient (pat@example.org)');
    expect((deep(screen, '#code') as HTMLInputElement).value).to.equal('EXIST-12345');
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(app, 'cl-today-screen').length > 0);
    const accepted = fake.requests.filter((request) => request.path === '/api/me/invitations/accept');
    expect(accepted.map((request) => request.body)).to.deep.equal([{ code: 'EXIST-12345' }]);
    expect(accepted[0]?.csrf).to.equal('csrf-patient');
    expect(fake.requests.filter((request) => request.path === '/api/public/invitations/redeem')).to.have.length(1);
  });

  it('an invitation link opened while signed in offers to accept it for that account, and says when it is someone else\'s', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const app = await mountApp(fake, '#/invite/EXIST-12345');
    const screen = deep(app, 'cl-invite-screen');
    await until(() => deepAll(screen, 'h1').some((heading) => heading.textContent === 'Accept your invitation'));
    expect(deepAll(screen, '#password')).to.have.length(0);
    deep(screen, 'button[type="submit"]').click();
    await until(() => deepAll(screen, '.form-error').length > 0);
    expect(deep(screen, '.form-error').textContent).to.contain('sent to another e-mail address');
    expect(location.hash).to.equal('#/invite/EXIST-12345');
  });

  it('offers signing in instead of choosing a password, and back', async () => {
    const fake = createFakeApi({ as: null });
    const app = await mountApp(fake, '#/invite/ABCDE-12345');
    const screen = deep(app, 'cl-invite-screen');
    const toSignIn = deepAll(screen, 'button').find((button) => button.textContent === 'Already have an account? Sign in to accept the invitation');
    toSignIn!.click();
    await until(() => deepAll(screen, 'cl-login-form').length > 0);
    deepAll(screen, 'button').find((button) => button.textContent === 'New to Careloom? Choose a password instead')!.click();
    await until(() => deepAll(screen, '#repeat').length > 0);
    expect((deep(screen, '#code') as HTMLInputElement).value).to.equal('ABCDE-12345');
  });

  it('sends a message with the CSRF token and shows it first, marked not read yet', async () => {
    const fake = createFakeApi({ as: 'patient' });
    const app = await mountApp(fake, '#/messages');
    const thread = await until(() => deepAll(app, 'cl-message-thread').find((element) => deepAll(element, '.message').length === 3));
    expect(fake.requests.some((request) => request.method === 'POST' && request.path === '/api/me/enrollments/e1/messages/read')).to.equal(true);
    const textarea = deep(thread, 'textarea') as HTMLTextAreaElement;
    deep(thread, 'button[type="submit"]').click();
    await until(() => deepAll(thread, '#message-error').length > 0);
    textarea.value = 'It went well, thanks.';
    textarea.dispatchEvent(new Event('input'));
    deep(thread, 'button[type="submit"]').click();
    await until(() => deepAll(thread, '.message').length === 4);
    const sent = fake.requests.find((request) => request.method === 'POST' && request.path === '/api/me/enrollments/e1/messages');
    expect(sent?.csrf).to.equal('csrf-patient');
    expect(pierce(thread, '.message .body').textContent).to.equal('It went well, thanks.');
    expect(pierce(thread, '.message .receipt').textContent).to.equal('Not read yet');
  });

  it('shows the plan per zone with its actions, and charts with a data table', async () => {
    const fake = createFakeApi({ as: 'patient' });
    const app = await mountApp(fake, '#/plan');
    await until(() => deepAll(app, '.zone').length === 3);
    expect(pierceAll(app, '.zone h3').map((heading) => heading.textContent?.trim())).to.deep.equal(['● Green zone', '▲ Yellow zone', '■ Red zone']);
    expect(pierce(app, '.zone-red .action').textContent).to.contain('Call 112.');

    await go(app, '#/charts');
    await until(() => pierceAll(app, 'cl-line-chart canvas').length >= 2);
    const rows = pierceAll(app, 'cl-line-chart[heading="PHQ-9, total score"] tbody tr').map((row) => row.textContent);
    expect(rows[0]).to.contain('11').and.to.contain('Moderate');
    const temperature = deep(app, 'cl-line-chart[data-field="temperature"]');
    expect(pierceAll(temperature, '.legend li').map((item) => item.textContent)).to.deep.equal(['Yellow zone: ≥ 38', 'Red zone: ≥ 39']);
    expect(pierce(temperature, 'tbody tr').textContent).to.contain('Yellow zone');
  });

  it('switches the interface language and remembers it', async () => {
    const fake = createFakeApi({ as: 'patient' });
    const app = await mountApp(fake, '#/today');
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

    const screens: Array<[string, string, string]> = [
      ['login', '#/login', 'cl-login-form'],
      ['invitation', '#/invite/ABCDE-12345', 'cl-invite-screen'],
      ['accepting an invitation', '#/invite/EXIST-12345', 'cl-invite-screen #code'],
      ['today', '#/today', '.newest-message'],
      ['program', '#/program', '.program'],
      ['module player', '#/modules/e1/panic-week-1?v=1', 'cl-module-page'],
      ['charts', '#/charts', 'cl-line-chart canvas'],
      ['plan', '#/plan', '.zone'],
      ['messages', '#/messages', '.message'],
      ['intake', '#/intake/u1', 'cl-module-page'],
    ];
    for (const [name, hash, ready] of screens) {
      it(name, async () => {
        const fake = createFakeApi({ as: name === 'login' || name === 'invitation' || name === 'intake' ? null : 'patient' });
        const app = await mountApp(fake, hash);
        await until(() => pierceAll(app, ready).length > 0);
        await settleAll(app);
        expect(document.documentElement.scrollWidth, 'document width').to.be.at.most(360);
        expect(overflowing(app, 360)).to.deep.equal([]);
        expect(await seriousViolations(app)).to.deep.equal([]);
      });
    }

    for (const language of ['en', 'sv', 'nb']) {
      it(`keeps the header and the menu under 120 px on a 360 × 740 phone (${language})`, async () => {
        const app = await mountApp(createFakeApi({ as: 'patient' }), '#/today');
        await until(() => pierceAll(app, '.newest-message').length > 0);
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
