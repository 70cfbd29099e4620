import { expect, fixture, html } from '@open-wc/testing';
import { codeFor } from '@careloom/renderer/test-authenticator';
import { ApiClient } from '@careloom/client/api';
import type { Session } from '@careloom/format/api';
import { startTestServer } from '@careloom/renderer/test-server';
import { deep, deepAll, memoryStorage, pierce, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClClinicApp } from './clinic-app.js';
import './clinic-app.js';


function type(root: Element, selector: string, value: string): void {
  const input = deep(root, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('an organisation that begins to require a second factor, in an open clinic', () => {
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('turns the therapist\'s next request into the enrolment screen, and lets them go on once it is set up', async () => {
    const server = await startTestServer();
    try {
      const therapist = server.account('therapist');
      const api = new ApiClient({ fetch: server.fetch('theo') });
      await api.login(therapist.email, therapist.password);
      history.replaceState(null, '', `${location.pathname}${location.search}#/patients`);
      const storage = memoryStorage();
      storage.setItem('careloom.language', 'sv');
      const app = await fixture<ClClinicApp>(html`<cl-clinic-app .api=${api} .storage=${storage}></cl-clinic-app>`);
      await until(() => app.session ?? undefined, 10_000);
      await settleAll(app);
      expect(deepAll(app, 'nav a').map((link) => link.textContent)).to.include('Patienter');

      // The care admin, elsewhere, requires a second factor of all staff.
      await server.signIn('admin', 'care-admin');
      const me = await server.call<Session>('admin', 'GET', '/api/auth/me');
      const careProvider = me.memberships.find((membership) => membership.organisationKind === 'care_provider')!.organisationId;
      await server.call('admin', 'PUT', `/api/organisations/${careProvider}/second-factor-policy`, { required: true });

      // The therapist's next request, whichever screen makes it, ends in the enrolment.
      location.hash = '#/alerts';
      const secret = await until(() => deep(app, 'code.secret')?.textContent?.replace(/\s/g, '') || undefined, 10_000);
      expect(pierce(app, 'main h1').textContent).to.equal('Inloggningssäkerhet');
      expect(deep(app, 'cl-second-factor-setup').shadowRoot!.textContent).to.contain('Din organisation kräver');
      expect(deepAll(app, 'nav')).to.deep.equal([]);
      expect(await seriousViolations(app)).to.deep.equal([]);

      type(app, '#code', codeFor(secret));
      (pierce(app, 'cl-second-factor-setup button[type=submit]') as HTMLButtonElement).click();
      await until(() => (deepAll(app, '.recovery-codes li').length === 10 ? true : undefined), 10_000);
      (deepAll(app, 'button').find((button) => button.textContent?.trim() === 'Jag har sparat koderna') as HTMLButtonElement).click();
      // On again, in the same session: the menu and the alerts screen.
      await until(() => deepAll(app, 'nav a').find((link) => link.textContent === 'Patienter'), 10_000);
      expect(app.secondFactorOwed).to.equal(false);
      expect((await api.get<{ units: unknown[] }>('/api/care/units')).units.length).to.be.greaterThan(0);
    } finally {
      await server.stop();
    }
  });
});
