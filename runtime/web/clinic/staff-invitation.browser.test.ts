import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import type { Session } from '@careloom/format/api';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deep, deepAll, memoryStorage, overflowing, pierce, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClClinicApp } from './clinic-app.js';
import './clinic-app.js';

function type(root: Element, selector: string, value: string): void {
  const input = deep(root, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const buttonNamed = (root: Element, name: string) => until(() => deepAll(root, 'button').find((button) => button.textContent?.trim() === name) as HTMLButtonElement | undefined, 10_000);

/** The care admin invites `email` as therapist through the API; returns the link's token, read from the e-mail in the demo outbox. */
async function invite(server: TestServer, email: string): Promise<string> {
  await server.signIn('admin', 'care-admin');
  const me = await server.call<Session>('admin', 'GET', '/api/auth/me');
  const careProvider = me.memberships.find((membership) => membership.organisationKind === 'care_provider')!.organisationId;
  await server.call('admin', 'POST', `/api/organisations/${careProvider}/invitations`, { email, roles: ['therapist'] });
  const { messages } = await server.call<{ messages: Array<{ to: string; text: string }> }>('admin', 'GET', '/api/dev/outbox');
  const text = messages.find((message) => message.to === email)!.text;
  const link = /https?:\/\/\S+\/clinic#\/invitation\/([A-Za-z0-9_-]{43})/.exec(text);
  expect(link, text).to.not.equal(null);
  return link![1]!;
}

async function mountAt(server: TestServer, jar: string, hash: string, language = 'en'): Promise<ClClinicApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', language);
  const app = await fixture<ClClinicApp>(html`<cl-clinic-app .api=${new ApiClient({ fetch: server.fetch(jar) })} .storage=${storage}></cl-clinic-app>`);
  await until(() => app.session !== undefined);
  await settleAll(app);
  return app;
}

describe('<cl-staff-invitation> in the clinic, against the real server', () => {
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('lets a new therapist choose a name and password from the e-mailed link and land in the clinic', async () => {
    const server = await startTestServer();
    try {
      const token = await invite(server, 'nina.new@example.test');
      await setViewport({ width: 360, height: 800 });
      const app = await mountAt(server, 'nina', `#/invitation/${token}`, 'sv');
      const offer = await until(() => deep(app, '.offer')?.textContent?.trim() || undefined);
      expect(offer).to.equal('Cora Care-Admin bjuder in nina.new@example.test att arbeta hos Demo Care Provider som Behandlare.');
      expect(pierce(app, 'cl-staff-invitation h1').textContent).to.equal('Inbjudan till Demo Care Provider');
      expect(await seriousViolations(app)).to.deep.equal([]);
      expect(overflowing(app, 360)).to.deep.equal([]);

      // Refused at the fields before anything is sent: no name, a short password.
      type(app, '#password', 'short');
      (pierce(app, 'form.join button[type=submit]') as HTMLButtonElement).click();
      await until(() => deep(app, '#name-error'));
      expect(deep(app, '#password-error')?.textContent).to.equal('Använd minst 10 tecken.');

      type(app, '#name', 'Nina New');
      type(app, '#password', 'nina has her own password');
      (pierce(app, 'form.join button[type=submit]') as HTMLButtonElement).click();
      const done = await until(() => pierce(app, 'cl-staff-invitation [role=status]').textContent?.trim() || undefined, 10_000);
      expect(done).to.equal('Du har gått med i Demo Care Provider som Behandlare.');
      expect(await until(() => app.session?.person.name)).to.equal('Nina New');
      (await buttonNamed(app, 'Öppna kliniken')).click();
      // In the clinic, signed in: no unit yet (her permissions admin assigns one), and the link no longer works.
      await until(() => (location.hash === '#/report' ? true : undefined));
      await until(() => deepAll(app, 'nav a').find((link) => link.textContent === 'Inloggningssäkerhet'));
      expect(await until(() => deepAll(app, 'main p').find((paragraph) => paragraph.textContent === 'Du är inte med i någon vårdenhet.'))).to.not.equal(undefined);
      const again = await server.fetch('someone')('/api/public/member-invitations/preview', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
      expect(again.status).to.equal(404);
    } finally {
      await setViewport({ width: 800, height: 600 });
      await server.stop();
    }
  });

  it('lets someone who already uses Careloom sign in and accept, and tells someone signed in as another person to sign out', async () => {
    const server = await startTestServer();
    try {
      const dana = server.account('designer');
      const token = await invite(server, dana.email);
      // Signed in as the tester: not theirs.
      await server.signIn('other', 'tester');
      const wrong = await mountAt(server, 'other', `#/invitation/${token}`);
      expect(await until(() => deep(wrong, '#not-yours')?.textContent?.trim() || undefined)).to.contain(`This invitation was sent to ${dana.email}, but you are signed in as Tess Tester`);
      // The screen's own button (the header has one too, which goes to the login form).
      (pierce(wrong, 'cl-staff-invitation button.sign-out') as HTMLButtonElement).click();
      // Signed out, the screen stays and offers the ways in.
      await buttonNamed(wrong, 'Sign in to accept');
      expect(location.hash).to.equal(`#/invitation/${token}`);
      wrong.remove();

      const app = await mountAt(server, 'dana', `#/invitation/${token}`, 'nb');
      (await buttonNamed(app, 'Logg inn for å takke ja')).click();
      await until(() => pierce(app, 'cl-login-form #email'));
      expect(pierce(app, 'cl-login-form h1').textContent).to.equal('Logg inn for å takke ja til invitasjonen');
      type(app, '#email', dana.email);
      type(app, '#password', dana.password);
      (pierce(app, 'cl-login-form button[type=submit]') as HTMLButtonElement).click();
      (await buttonNamed(app, 'Takk ja og bli med i Demo Care Provider')).click();
      expect(await until(() => pierce(app, 'cl-staff-invitation [role=status]').textContent?.trim() || undefined, 10_000)).to.equal('Du er med i Demo Care Provider som Behandler.');
      expect(await seriousViolations(app)).to.deep.equal([]);
    } finally {
      await server.stop();
    }
  });

  it('says plainly when a link does not work', async () => {
    const server = await startTestServer();
    try {
      const app = await mountAt(server, 'x', `#/invitation/${'A'.repeat(43)}`);
      expect(await until(() => pierce(app, 'cl-staff-invitation [role=alert]').textContent?.trim() || undefined, 10_000)).to.equal('This invitation link is unknown, already used, withdrawn or expired. Ask the person who invited you for a new one.');
      // The login form is not shown instead: the person came for the invitation.
      expect(deepAll(app, 'cl-login-form')).to.deep.equal([]);
    } finally {
      await server.stop();
    }
  });
});
