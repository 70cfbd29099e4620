import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DesignerApi } from '../api/api-client.js';
import { i18n } from '../i18n/i18n.js';
import '../library/library.js';
import '../review/review-screen.js';
import { deep, demoPublisherId, invitationToken, seriousViolations, settle, startTestServer, typeInto, until, type TestServer } from '../testing/app-fixture.js';
import type { ClDesignerApp } from './designer-app.js';
import './designer-app.js';

// On a real server with the demo content (renderer/src/test-server.ts): one server for the file.
// Every test signs in on a cookie jar of its own; the one test that changes who works where (a second
// organisation) does it for the demo tester, whom no other test signs in as.
let server: TestServer;
let jars = 0;
before(async function () {
  // The first server of a run seeds the demo database: seconds, on a busy machine many.
  this.timeout(120_000);
  server = await startTestServer();
});
after(async () => {
  await server?.stop();
});

/** The app in a browser of its own, signed in as the demo account `key` already, or signed out. */
async function mountApp(key?: string): Promise<{ app: ClDesignerApp; jar: string }> {
  const jar = `app-${++jars}`;
  const api = new DesignerApi({ fetch: server.fetch(jar) });
  if (key) await api.login(server.account(key).email, server.account(key).password);
  const app = document.createElement('cl-designer-app');
  app.api = api;
  const element = await fixture<ClDesignerApp>(html`<div></div>`);
  element.append(app);
  await settle(app);
  return { app, jar };
}

describe('<cl-designer-app>, against the real server', () => {
  beforeEach(() => {
    location.hash = '#/library';
    localStorage.clear();
    i18n.setLocale('en');
  });
  afterEach(() => {
    location.hash = '';
  });

  it('shows the login form when not signed in, and says when the password is wrong', async () => {
    const { app } = await mountApp();
    const form = await until(() => deep(app, 'cl-designer-login'));
    typeInto(deep(form, '#email'), server.account('designer').email);
    typeInto(deep(form, '#password'), 'wrong');
    deep<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    const alert = await until(() => deep(form, '[role=alert]'));
    expect(alert.textContent).to.contain('password is wrong');
    expect(app.phase).to.equal('signed-out');
  });

  it('signs in and shows the library with the person and organisation in the header', async () => {
    const sent = server.requests.length;
    const { app } = await mountApp();
    const form = await until(() => deep(app, 'cl-designer-login'));
    const designer = server.account('designer');
    typeInto(deep(form, '#email'), designer.email);
    typeInto(deep(form, '#password'), designer.password);
    deep<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    const library = await until(() => deep(app, 'cl-library'));
    await until(() => deep(library, 'tr[data-id="phq-9"]'));
    const header = deep(app, 'cl-app-header')!;
    expect(header.shadowRoot!.textContent).to.contain('Dana Designer');
    expect(header.shadowRoot!.textContent).to.contain('Careloom Demo Publishing');
    expect(header.shadowRoot!.textContent).to.contain('designer');
    expect(server.requests.slice(sent).find((request) => request.path === '/api/auth/login')?.body).to.deep.equal({ email: designer.email, password: designer.password });
  });

  it('routes by hash to the review screen, the program editor and the module editor', async () => {
    const { app } = await mountApp('publisher');
    await until(() => deep(app, 'cl-library'));
    location.hash = '#/modules/phq-9/review';
    const review = await until(() => deep(app, 'cl-review-screen'));
    expect(review.getAttribute('document-id')).to.equal('phq-9');
    location.hash = '#/modules/phq-9';
    await until(() => deep(app, 'main [role=status]'));
    expect(deep(app, 'main')!.textContent).to.contain('Loading the module editor');
    // The editor is defined later by its own code; the app picks it up when it is.
    if (!customElements.get('cl-module-editor')) customElements.define('cl-module-editor', class extends HTMLElement {});
    const editor = await until(() => deep(app, 'cl-module-editor'));
    expect(editor.getAttribute('document-id')).to.equal('phq-9');
    await server.signIn('arrange-people', 'permissions-admin');
    expect((editor as unknown as { workspace: { organisationId: string } }).workspace.organisationId).to.equal(await demoPublisherId(server));
    location.hash = '#/nowhere';
    await until(() => deep(app, 'main h1')?.textContent?.includes('not found'));
  });

  it('asks which organisation when the person is in several, and signs out', async () => {
    // A second publishing organisation, made as the server's operator makes one; its permissions
    // admin invites the demo tester, who accepts.
    const admin = { email: 'ines.admin@second.example.test', password: 'ines has a long password' };
    await server.createOrganisation({ organisation: 'Second Publisher', kind: 'publisher', name: 'Ines Admin', ...admin });
    await server.signIn('second-admin', admin);
    const second = (await server.call<{ memberships: Array<{ organisationId: string; organisationName: string }> }>('second-admin', 'GET', '/api/auth/me')).memberships.find((membership) => membership.organisationName === 'Second Publisher')!;
    await server.call('second-admin', 'POST', `/api/organisations/${second.organisationId}/invitations`, { email: server.account('tester').email, roles: ['designer'] });
    const token = await invitationToken(server, server.account('tester').email, 'second-admin');
    await server.signIn('second-accept', 'tester');
    await server.call('second-accept', 'POST', '/api/member-invitations/accept', { token });

    const { app, jar } = await mountApp('tester');
    const choice = await until(() => [...app.shadowRoot!.querySelectorAll('.organisations button')].find((button) => button.textContent?.includes('Second Publisher')) as HTMLButtonElement | undefined);
    expect([...app.shadowRoot!.querySelectorAll('.organisations button')].map((button) => button.textContent?.trim())).to.have.length(2);
    choice.click();
    await until(() => deep(app, 'cl-library'));
    expect(app.workspace?.organisationId).to.equal(second.organisationId);
    expect(app.workspace?.roles).to.deep.equal(['designer']);
    deep<HTMLButtonElement>(deep(app, 'cl-app-header')!, 'button:last-of-type')!.click();
    await until(() => deep(app, 'cl-designer-login'));
    // The server ended the session.
    expect((await server.call<{ session: unknown }>(jar, 'GET', '/api/auth/session')).session).to.equal(null);
  });

  it('switches language from the header and remembers it', async () => {
    const { app } = await mountApp('designer');
    await until(() => deep(app, 'cl-library'));
    const select = deep<HTMLSelectElement>(deep(app, 'cl-app-header')!, '#language')!;
    select.value = 'sv';
    select.dispatchEvent(new Event('change'));
    await settle(app);
    expect(deep(deep(app, 'cl-library')!, 'h1')!.textContent).to.equal('Bibliotek');
    expect(localStorage.getItem('careloom.designer.locale')).to.equal('sv');
    expect(document.documentElement.lang).to.equal('sv');
    i18n.setLocale('en');
  });

  it('is keyboard operable from the skip link and passes axe on the login and library screens', async () => {
    const { app } = await mountApp();
    await until(() => deep(app, 'cl-designer-login'));
    expect(await seriousViolations(app)).to.deep.equal([]);
    const form = deep(app, 'cl-designer-login')!;
    deep<HTMLInputElement>(form, '#email')!.focus();
    await sendKeys({ type: server.account('designer').email });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: server.account('designer').password });
    await sendKeys({ press: 'Enter' });
    const library = await until(() => deep(app, 'cl-library'));
    await until(() => deep(library, 'tr[data-id="phq-9"]'));
    await settle(app);
    expect(await seriousViolations(app)).to.deep.equal([]);
  });
});
