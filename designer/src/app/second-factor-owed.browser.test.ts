import { expect, fixture, html } from '@open-wc/testing';
import { codeFor } from '@careloom/renderer/test-authenticator';
import type { Session } from '@careloom/format/api';
import { DesignerApi } from '../api/api-client.js';
import { i18n } from '../i18n/i18n.js';
import { deep, deepAll, seriousViolations, settle, startTestServer, typeInto, until } from '../testing/app-fixture.js';
import './designer-app.js';
import '../library/library.js';
import '../review/review-screen.js';


describe('an organisation that begins to require a second factor, in an open designer', () => {
  afterEach(() => {
    i18n.setLocale('en');
    location.hash = '';
  });

  it("turns the designer's next request into the enrolment screen, and lets them go on once it is set up", async function () {
    this.timeout(120_000);
    const server = await startTestServer();
    try {
      i18n.setLocale('sv');
      const dana = server.account('designer');
      const api = new DesignerApi({ fetch: server.fetch('dana') });
      await api.login(dana.email, dana.password);
      location.hash = '#/library';
      const app = document.createElement('cl-designer-app');
      app.api = api;
      (await fixture<HTMLElement>(html`<div></div>`)).append(app);
      await until(() => (app.phase === 'ready' ? true : undefined));

      // The publisher's permissions admin, elsewhere, requires a second factor of all its people.
      await server.signIn('pat', 'permissions-admin');
      const me = await server.call<Session>('pat', 'GET', '/api/auth/me');
      const publisher = me.memberships.find((membership) => membership.organisationKind === 'publisher')!.organisationId;
      await server.call('pat', 'PUT', `/api/organisations/${publisher}/second-factor-policy`, { required: true });

      // Dana's next request, from whichever screen, ends in the enrolment.
      location.hash = '#/programs/panic-icbt-8-weeks/review';
      const secret = await until(() => deep(app, 'code.secret')?.textContent?.replace(/\s/g, '') || undefined);
      expect(deep(app, 'main h1')?.textContent).to.equal('Inloggningssäkerhet');
      await settle(app);
      expect(await seriousViolations(app)).to.deep.equal([]);
      typeInto(deep(app, '#code'), codeFor(secret));
      deep<HTMLButtonElement>(app, 'cl-designer-second-factor-setup')!.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => deep(app, 'ul.recovery-codes') ?? undefined);
      deep<HTMLElement>(app, 'cl-designer-second-factor-setup')!.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
      // On again in the same session.
      await until(() => (app.secondFactorOwed === false && app.phase === 'ready' ? true : undefined));
      await until(() => deep(app, 'cl-review-screen') ?? undefined);
      expect(deepAll(app, 'cl-designer-second-factor-setup')).to.deep.equal([]);
      expect((await api.me()).person.email).to.equal(dana.email);
    } finally {
      await server.stop();
    }
  });
});
