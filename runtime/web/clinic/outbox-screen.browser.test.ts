import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { deploy, enroll } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deep, memoryStorage, overflowing, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClClinicApp } from './clinic-app.js';
import './clinic-app.js';

let jars = 0;

/** The clinic signed in as the demo account `key` on `server`, at `hash`. */
async function mountClinic(server: TestServer, key: string, hash: string, language = 'en'): Promise<ClClinicApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', language);
  const api = new ApiClient({ fetch: server.fetch(`clinic-${++jars}`) });
  await api.login(server.account(key).email, server.account(key).password);
  const app = await fixture<ClClinicApp>(html`<cl-clinic-app .api=${api} .storage=${storage}></cl-clinic-app>`);
  await until(() => app.session !== undefined, 10_000);
  await settleAll(app);
  return app;
}

interface Mail { id: string; to: string; subject: string; text: string; createdAt: string }

const navLinks = (app: ClClinicApp) => pierceAll(app, 'nav.main a').map((link) => link.getAttribute('href'));

// One server for the file. The first test finds the outbox empty and sees two invitations arrive
// (the therapist enrolling two patients); the others read those two.
describe('<cl-outbox-screen> in the clinic, against the real server', function () {
  this.timeout(120_000);
  let server: TestServer;
  let program: { id: string };
  before(async () => {
    server = await startTestServer();
    program = await deploy(server, 'panic-icbt-8-weeks');
  });
  after(async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    await server.stop();
  });

  const outbox = async () => (await server.call<{ messages: Mail[] }>('arrange-admin', 'GET', '/api/dev/outbox')).messages;

  it('shows new e-mails on refresh, and says when there are none', async () => {
    const app = await mountClinic(server, 'care-admin', '#/outbox');
    const screen = await until(() => pierceAll(app, 'cl-outbox-screen')[0], 10_000);
    await until(() => screen.shadowRoot!.textContent!.includes('No e-mails yet.'), 10_000);
    await enroll(server, { deploymentId: program.id, name: 'Nina Newcomer', accept: false });
    deep(screen, 'button').click();
    await until(() => pierceAll(app, '.message').length === 1, 10_000);
    expect(pierce(app, '.message h2').textContent).to.equal('Your invitation from Demo clinic');
  });

  it('lists what would have been sent, newest first, with the text behind a disclosure', async () => {
    const second = await enroll(server, { deploymentId: program.id, name: 'Olle Other', language: 'sv', accept: false });
    const mails = await outbox();
    const app = await mountClinic(server, 'care-admin', '#/outbox');
    await until(() => pierceAll(app, '.message').length === 2, 10_000);
    // Newest first: the second invitation (in Swedish, the language Olle was enrolled in) above the first.
    expect(pierceAll(app, '.message h2').map((heading) => heading.textContent)).to.deep.equal(['Din inbjudan från Demo clinic', 'Your invitation from Demo clinic']);
    const mail = mails.find((candidate) => candidate.to === second.email)!;
    const invitation = pierce(app, `[data-message="${mail.id}"]`);
    expect(invitation.querySelector('.meta')!.textContent).to.contain(`To ${second.email}`);
    expect(invitation.querySelector('time')!.getAttribute('datetime')).to.equal(mail.createdAt);
    const details = invitation.querySelector('details')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expect(details.querySelector('pre.text')!.textContent).to.contain(`/#/invite/${second.code}`);
    expect(pierce(app, 'nav.main a[aria-current="page"]').textContent).to.equal('Outbox');
  });

  it('is in the menu only for care-provider admins, and only while the server keeps e-mail in the outbox', async () => {
    const admin = await mountClinic(server, 'care-admin', '#/units');
    expect(navLinks(admin)).to.include('#/outbox');
    admin.remove();
    const relay = await startTestServer({ smtp: true });
    try {
      const withSmtp = await mountClinic(relay, 'care-admin', '#/units');
      expect(navLinks(withSmtp)).to.not.include('#/outbox');
      withSmtp.remove();
    } finally {
      await relay.stop();
    }
    const sent = server.requests.length;
    const therapist = await mountClinic(server, 'therapist', '#/outbox');
    expect(navLinks(therapist)).to.not.include('#/outbox');
    expect(server.requests.slice(sent).some((request) => request.path === '/api/dev/outbox')).to.equal(false);
    expect(location.hash).to.equal('#/patients');
  });

  it('speaks Swedish and Norwegian', async () => {
    const [newest] = await outbox();
    const sv = await mountClinic(server, 'care-admin', '#/outbox', 'sv');
    await until(() => pierceAll(sv, '.message').length === 2, 10_000);
    expect(pierce(sv, 'cl-outbox-screen h1').textContent).to.equal('Utkorg');
    expect(pierce(sv, `[data-message="${newest!.id}"] summary`).textContent).to.equal('Visa texten');
    sv.remove();
    const nb = await mountClinic(server, 'care-admin', '#/outbox', 'nb');
    await until(() => pierceAll(nb, '.message').length === 2, 10_000);
    expect(pierce(nb, 'cl-outbox-screen h1').textContent).to.equal('Utboks');
  });

  describe('at 360 px', () => {
    before(async () => setViewport({ width: 360, height: 740 }));
    after(async () => setViewport({ width: 1024, height: 768 }));

    it('fits, with every text open, and has no serious accessibility violations', async () => {
      const app = await mountClinic(server, 'care-admin', '#/outbox');
      await until(() => pierceAll(app, '.message').length === 2, 10_000);
      for (const summary of pierceAll(app, '.message summary')) summary.click();
      await settleAll(app);
      expect(document.documentElement.scrollWidth, 'document width').to.be.at.most(360);
      expect(overflowing(app, 360)).to.deep.equal([]);
      expect(await seriousViolations(app)).to.deep.equal([]);
    });
  });
});
