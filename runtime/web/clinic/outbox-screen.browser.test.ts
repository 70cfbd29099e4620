import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi, memoryStorage } from '../shared/test-api.js';
import type { FakeApi } from '../shared/test-api.js';
import { deep, overflowing, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClClinicApp } from './clinic-app.js';
import './clinic-app.js';

async function mountClinic(fake: FakeApi, hash: string, language = 'en'): Promise<ClClinicApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', language);
  const app = await fixture<ClClinicApp>(html`<cl-clinic-app .api=${new ApiClient({ fetch: fake.fetch })} .storage=${storage}></cl-clinic-app>`);
  await until(() => app.session !== undefined);
  await settleAll(app);
  return app;
}

const navLinks = (app: ClClinicApp) => pierceAll(app, 'nav.main a').map((link) => link.getAttribute('href'));

describe('<cl-outbox-screen> in the clinic', () => {
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('lists what would have been sent, newest first, with the text behind a disclosure', async () => {
    const app = await mountClinic(createFakeApi({ as: 'admin' }), '#/outbox');
    await until(() => pierceAll(app, '.message').length === 2);
    expect(pierceAll(app, '.message h2').map((heading) => heading.textContent)).to.deep.equal(['Reminder: PHQ-9', 'Your invitation from Clinic North']);
    const invitation = pierce(app, '[data-message="mail1"]');
    expect(invitation.querySelector('.meta')!.textContent).to.contain('To nina@example.org');
    expect(invitation.querySelector('time')!.getAttribute('datetime')).to.equal('2025-03-03T09:00:00Z');
    const details = invitation.querySelector('details')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expect(details.querySelector('pre.text')!.textContent).to.contain('https://careloom.example/#/invite/WXYZ7-9876K');
    expect(pierce(app, 'nav.main a[aria-current="page"]').textContent).to.equal('Outbox');
  });

  it('shows new e-mails on refresh, and says when there are none', async () => {
    const fake = createFakeApi({ as: 'admin' });
    fake.state.outbox = [];
    const app = await mountClinic(fake, '#/outbox');
    const screen = await until(() => pierceAll(app, 'cl-outbox-screen')[0]);
    await until(() => screen.shadowRoot!.textContent!.includes('No e-mails yet.'));
    fake.state.outbox = [{ id: 'mail9', to: 'ada@example.org', subject: 'Your invitation from Clinic South', text: 'Hello Ada', createdAt: '2025-03-07T10:00:00Z' }];
    deep(screen, 'button').click();
    await until(() => pierceAll(app, '.message').length === 1);
    expect(pierce(app, '.message h2').textContent).to.equal('Your invitation from Clinic South');
  });

  it('is in the menu only for care-provider admins, and only while the server keeps e-mail in the outbox', async () => {
    const admin = await mountClinic(createFakeApi({ as: 'admin' }), '#/units');
    expect(navLinks(admin)).to.include('#/outbox');
    admin.remove();
    const smtpFake = createFakeApi({ as: 'admin' });
    smtpFake.state.smtp = true;
    const withSmtp = await mountClinic(smtpFake, '#/units');
    expect(navLinks(withSmtp)).to.not.include('#/outbox');
    withSmtp.remove();
    const therapistFake = createFakeApi({ as: 'therapist' });
    const therapist = await mountClinic(therapistFake, '#/outbox');
    expect(navLinks(therapist)).to.not.include('#/outbox');
    expect(therapistFake.requests.some((request) => request.path === '/api/dev/outbox')).to.equal(false);
    expect(location.hash).to.equal('#/patients');
  });

  it('speaks Swedish and Norwegian', async () => {
    const sv = await mountClinic(createFakeApi({ as: 'admin' }), '#/outbox', 'sv');
    await until(() => pierceAll(sv, '.message').length === 2);
    expect(pierce(sv, 'cl-outbox-screen h1').textContent).to.equal('Utkorg');
    expect(pierce(sv, '[data-message="mail1"] summary').textContent).to.equal('Visa texten');
    sv.remove();
    const nb = await mountClinic(createFakeApi({ as: 'admin' }), '#/outbox', 'nb');
    await until(() => pierceAll(nb, '.message').length === 2);
    expect(pierce(nb, 'cl-outbox-screen h1').textContent).to.equal('Utboks');
  });

  describe('at 360 px', () => {
    before(async () => setViewport({ width: 360, height: 740 }));
    after(async () => setViewport({ width: 1024, height: 768 }));

    it('fits, with every text open, and has no serious accessibility violations', async () => {
      const app = await mountClinic(createFakeApi({ as: 'admin' }), '#/outbox');
      await until(() => pierceAll(app, '.message').length === 2);
      for (const summary of pierceAll(app, '.message summary')) summary.click();
      await settleAll(app);
      expect(document.documentElement.scrollWidth, 'document width').to.be.at.most(360);
      expect(overflowing(app, 360)).to.deep.equal([]);
      expect(await seriousViolations(app)).to.deep.equal([]);
    });
  });
});
