import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { i18n } from '../i18n/i18n.js';
import '../library/library.js';
import '../review/review-screen.js';
import { deep, seriousViolations, settle, typeInto, until } from '../testing/app-fixture.js';
import { FakeApi, PEOPLE } from '../testing/fake-api.js';
import type { ClDesignerApp } from './designer-app.js';
import './designer-app.js';

async function mountApp(fake: FakeApi): Promise<ClDesignerApp> {
  const app = document.createElement('cl-designer-app');
  app.api = fake.client();
  const element = await fixture<ClDesignerApp>(html`<div></div>`);
  element.append(app);
  await settle(app);
  return app;
}

describe('<cl-designer-app>', () => {
  beforeEach(() => {
    location.hash = '#/library';
    localStorage.clear();
    i18n.setLocale('en');
  });
  afterEach(() => {
    location.hash = '';
  });

  it('shows the login form when not signed in, and says when the password is wrong', async () => {
    const fake = new FakeApi();
    const app = await mountApp(fake);
    const form = await until(() => deep(app, 'cl-designer-login'));
    typeInto(deep(form, '#email'), PEOPLE.designer.email);
    typeInto(deep(form, '#password'), 'wrong');
    deep<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    const alert = await until(() => deep(form, '[role=alert]'));
    expect(alert.textContent).to.contain('password is wrong');
    expect(app.phase).to.equal('signed-out');
  });

  it('signs in and shows the library with the person and organisation in the header', async () => {
    const fake = new FakeApi();
    fake.addDocument('phq-9', 'PHQ-9', { id: 'phq-9' });
    const app = await mountApp(fake);
    const form = await until(() => deep(app, 'cl-designer-login'));
    typeInto(deep(form, '#email'), PEOPLE.designer.email);
    typeInto(deep(form, '#password'), PEOPLE.designer.password);
    deep<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    const library = await until(() => deep(app, 'cl-library'));
    await until(() => deep(library, 'tr[data-id="phq-9"]'));
    const header = deep(app, 'cl-app-header')!;
    expect(header.shadowRoot!.textContent).to.contain('Dana Designer');
    expect(header.shadowRoot!.textContent).to.contain('Demo Publishing');
    expect(header.shadowRoot!.textContent).to.contain('designer');
    expect(fake.requests.find((request) => request.path === '/api/auth/login')?.body).to.deep.equal({ email: PEOPLE.designer.email, password: PEOPLE.designer.password });
  });

  it('routes by hash to the review screen, the program editor and the module editor', async () => {
    const fake = new FakeApi();
    fake.signIn(PEOPLE.publisher);
    fake.addDocument('phq-9', 'PHQ-9', { id: 'phq-9', pages: [] }, [{ state: 'submitted' }]);
    const app = await mountApp(fake);
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
    expect((editor as unknown as { workspace: { organisationId: string } }).workspace.organisationId).to.equal('org-demo');
    location.hash = '#/nowhere';
    await until(() => deep(app, 'main h1')?.textContent?.includes('not found'));
  });

  it('asks which organisation when the person is in several, and signs out', async () => {
    const fake = new FakeApi();
    fake.extraMemberships = [{ organisationId: 'org-2', organisationName: 'Second Publisher', organisationKind: 'publisher', role: 'designer' }];
    fake.signIn(PEOPLE.publisher);
    const app = await mountApp(fake);
    const choice = await until(() => [...app.shadowRoot!.querySelectorAll('.organisations button')].find((button) => button.textContent?.includes('Second Publisher')) as HTMLButtonElement | undefined);
    choice.click();
    await until(() => deep(app, 'cl-library'));
    expect(app.workspace?.organisationId).to.equal('org-2');
    deep<HTMLButtonElement>(deep(app, 'cl-app-header')!, 'button:last-of-type')!.click();
    await until(() => deep(app, 'cl-designer-login'));
    expect(fake.signedIn).to.equal(null);
  });

  it('switches language from the header and remembers it', async () => {
    const fake = new FakeApi();
    fake.signIn(PEOPLE.designer);
    const app = await mountApp(fake);
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
    const fake = new FakeApi();
    const app = await mountApp(fake);
    await until(() => deep(app, 'cl-designer-login'));
    expect(await seriousViolations(app)).to.deep.equal([]);
    const form = deep(app, 'cl-designer-login')!;
    deep<HTMLInputElement>(form, '#email')!.focus();
    await sendKeys({ type: PEOPLE.designer.email });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: PEOPLE.designer.password });
    await sendKeys({ press: 'Enter' });
    await until(() => deep(app, 'cl-library'));
    await settle(app);
    expect(await seriousViolations(app)).to.deep.equal([]);
  });
});
