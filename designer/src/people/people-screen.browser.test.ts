import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { DesignerApi } from '../api/api-client.js';
import type { ClDesignerApp } from '../app/designer-app.js';
import '../app/designer-app.js';
import '../library/library.js';
import { i18n } from '../i18n/i18n.js';
import { deep, deepAll, demoPublisherId, invitationToken, invite, seriousViolations, settle, signedInWorkspace, startTestServer, typeInto, until, type TestServer, type TestServerOptions } from '../testing/app-fixture.js';
import type { ClPeopleScreen } from './people-screen.js';
import './people-screen.js';

// On a real server with the demo content, one per test: "Careloom Demo Publishing" with Dana
// Designer, Paul Publisher, Tess Tester and Pat Permissions (its permissions admin).
const ARRANGE = 'arrange-people';
let server: TestServer;
let ORG_ID: string;
let MEMBERS_PATH: string;
let INVITATIONS_PATH: string;
/** The members' person ids by demo account key. */
let PEOPLE: Record<'designer' | 'publisher' | 'tester' | 'admin', string>;
let jars = 0;

async function start(options: TestServerOptions = {}): Promise<void> {
  server = await startTestServer(options);
  await server.signIn(ARRANGE, 'permissions-admin');
  ORG_ID = await demoPublisherId(server);
  MEMBERS_PATH = `/api/organisations/${ORG_ID}/members`;
  INVITATIONS_PATH = `/api/organisations/${ORG_ID}/invitations`;
  const members = (await server.call<{ members: Array<{ person: { id: string; email: string } }> }>(ARRANGE, 'GET', MEMBERS_PATH)).members;
  const idOf = (key: string) => members.find((member) => member.person.email === server.account(key).email)!.person.id;
  PEOPLE = { designer: idOf('designer'), publisher: idOf('publisher'), tester: idOf('tester'), admin: idOf('permissions-admin') };
}
afterEach(async () => {
  await server?.stop();
});

/** The organisation's members as its permissions admin reads them now: roles by person id. */
async function rolesOf(personId: string): Promise<string[] | undefined> {
  const members = (await server.call<{ members: Array<{ person: { id: string }; roles: string[] }> }>(ARRANGE, 'GET', MEMBERS_PATH)).members;
  return members.find((member) => member.person.id === personId)?.roles;
}

async function mountScreen(key = 'permissions-admin'): Promise<ClPeopleScreen> {
  const workspace = await signedInWorkspace(server, key);
  const screen = await fixture<ClPeopleScreen>(html`<cl-people-screen .workspace=${workspace}></cl-people-screen>`);
  await until(() => screen.shadowRoot!.querySelector('tr[data-person], .error, [role=alert]') || screen.shadowRoot!.textContent?.includes('Not allowed'));
  await settle(screen);
  return screen;
}

async function mountApp(key: string): Promise<ClDesignerApp> {
  const api = new DesignerApi({ fetch: server.fetch(`app-${++jars}`) });
  await api.login(server.account(key).email, server.account(key).password);
  const app = document.createElement('cl-designer-app');
  app.api = api;
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.append(app);
  await settle(app);
  return app;
}

function row(screen: ClPeopleScreen, personId: string): HTMLTableRowElement {
  const found = screen.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-person="${personId}"]`);
  if (!found) throw new Error(`No row for ${personId}`);
  return found;
}

function roleBox(screen: ClPeopleScreen, personId: string, role: string): HTMLInputElement {
  return row(screen, personId).querySelector<HTMLInputElement>(`input[value="${role}"]`)!;
}

function tick(box: HTMLInputElement, checked: boolean): void {
  box.checked = checked;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

/** What the element's aria-describedby points at, as text. */
function description(element: Element, root: ShadowRoot): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

function activeIn(root: Element): Element | null {
  let active = root.shadowRoot?.activeElement ?? null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('the People screen in the app, against the real server', () => {
  beforeEach(() => {
    localStorage.clear();
    i18n.setLocale('en');
  });
  afterEach(() => {
    location.hash = '';
  });

  it('links to People from the header for a permissions admin, and shows the members there', async () => {
    await start();
    // Pat writes modules too.
    await server.call(ARRANGE, 'PUT', `${MEMBERS_PATH}/${PEOPLE.admin}/roles`, { roles: ['designer', 'permissions_admin'] });
    location.hash = '#/library';
    const app = await mountApp('permissions-admin');
    await until(() => deep(app, 'cl-library'));
    const link = await until(() => deepAll<HTMLAnchorElement>(deep(app, 'cl-app-header')!, 'nav a').find((anchor) => anchor.textContent === 'People'));
    expect(link.getAttribute('href')).to.equal('#/people');
    location.hash = '#/people';
    const screen = await until(() => deep<ClPeopleScreen>(app, 'cl-people-screen'));
    await until(() => screen.shadowRoot!.querySelector(`tr[data-person="${PEOPLE.designer}"]`));
    expect(row(screen, PEOPLE.designer).textContent).to.contain(server.account('designer').email);
    expect(await seriousViolations(app)).to.deep.equal([]);
  });

  it('opens on People for a permissions admin without an authoring role', async () => {
    await start();
    location.hash = '';
    const app = await mountApp('permissions-admin');
    await until(() => deep(app, 'cl-people-screen'));
    expect(location.hash).to.equal('#/people');
  });

  it('hides the link from everyone else and answers the route with a plain "not allowed", asking the server nothing', async () => {
    await start();
    for (const key of ['designer', 'publisher', 'tester']) {
      location.hash = '#/library';
      const app = await mountApp(key);
      await until(() => deep(app, 'cl-library'));
      // Everyone has the media library and their own sign-in security; only permissions admins have People.
      expect(deepAll(deep(app, 'cl-app-header')!, 'nav a').map((anchor) => anchor.textContent?.trim())).to.deep.equal(['Library', 'Media library', 'Sign-in security']);
      location.hash = '#/people';
      const screen = await until(() => deep<ClPeopleScreen>(app, 'cl-people-screen'));
      await settle(screen);
      expect(screen.shadowRoot!.textContent).to.contain('Not allowed');
      expect(screen.shadowRoot!.querySelector('table, form')).to.equal(null);
      expect(server.requests.some((request) => request.path.startsWith('/api/organisations'))).to.equal(false);
      app.remove();
    }
  });
});

describe('<cl-people-screen>, against the real server', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('lists every member with name, e-mail and roles as ticked boxes', async () => {
    await start();
    const screen = await mountScreen();
    const rows = [...screen.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows.map((tr) => tr.querySelector('th')!.textContent!.trim())).to.deep.equal(['Dana Designer', 'Pat Permissions (you)', 'Paul Publisher', 'Tess Tester']);
    expect(row(screen, PEOPLE.tester).textContent).to.contain(server.account('tester').email);
    const ticked = (personId: string) => [...row(screen, personId).querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((box) => box.checked).map((box) => box.value);
    expect(ticked(PEOPLE.publisher)).to.deep.equal(['publisher']);
    expect(ticked(PEOPLE.admin)).to.deep.equal(['permissions_admin']);
    const legend = row(screen, PEOPLE.tester).querySelector('legend')!;
    expect(legend.textContent).to.equal('Roles of Tess Tester');
  });

  it('invites by e-mail with roles and the e-mail language, lists the invitation as pending, and readies the form for the next', async () => {
    await start();
    const screen = await mountScreen();
    const form = screen.shadowRoot!.querySelector('cl-invite-person')!;
    const root = form.shadowRoot!;
    expect(root.querySelector('#name, #password')).to.equal(null);
    typeInto(root.querySelector('#email'), 'new.person@example.test');
    root.querySelector<HTMLInputElement>('input[value=designer]')!.checked = true;
    root.querySelector<HTMLInputElement>('input[value=tester]')!.checked = true;
    root.querySelector<HTMLSelectElement>('#language')!.value = 'sv';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const pending = screen.shadowRoot!.querySelector('cl-pending-invitations')!;
    await until(() => pending.shadowRoot!.querySelector('tbody tr th')?.textContent?.includes('new.person@example.test'));
    const request = server.requests.find((candidate) => candidate.method === 'POST' && candidate.path === INVITATIONS_PATH)!;
    expect(request.body).to.deep.equal({ email: 'new.person@example.test', roles: ['designer', 'tester'], language: 'sv' });
    // The e-mail went out in Swedish, with a link.
    const { messages } = await server.call<{ messages: Array<{ to: string; subject: string; text: string }> }>(ARRANGE, 'GET', '/api/dev/outbox');
    expect(messages.filter((message) => message.to === 'new.person@example.test')).to.have.length(1);
    expect(await invitationToken(server, 'new.person@example.test')).to.have.length(43);
    // Invited, not added: the members list is unchanged.
    const members = (await server.call<{ members: Array<{ person: { email: string } }> }>(ARRANGE, 'GET', MEMBERS_PATH)).members;
    expect(members.map((member) => member.person.email)).not.to.include('new.person@example.test');
    expect(screen.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(4);
    expect(pending.shadowRoot!.querySelector('tbody tr')!.textContent).to.contain('designer, tester');
    await settle(form);
    expect(root.querySelector('[role=status]')!.textContent).to.contain('An invitation was sent to new.person@example.test');
    expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal('');
    expect(root.activeElement?.id).to.equal('email');
  });

  it('treats an account elsewhere like any address, and shows refusals at the field they concern', async () => {
    await start();
    // The demo therapist has an account at a care provider.
    const outsider = server.account('therapist').email;
    const screen = await mountScreen();
    const root = screen.shadowRoot!.querySelector('cl-invite-person')!.shadowRoot!;
    const submit = () => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

    // Already a member: 409, about the e-mail address.
    typeInto(root.querySelector('#email'), server.account('designer').email);
    root.querySelector<HTMLInputElement>('input[value=tester]')!.checked = true;
    submit();
    const email = root.querySelector<HTMLInputElement>('#email')!;
    await until(() => email.getAttribute('aria-invalid') === 'true');
    expect(description(email, root)).to.contain('already a member');
    expect(root.activeElement).to.equal(email);

    // Not an address: 422 at the e-mail field.
    typeInto(email, 'not-an-address');
    submit();
    await until(() => description(email, root).includes('must be an e-mail address') || description(email, root).includes('e-mail address'));
    expect(email.getAttribute('aria-invalid')).to.equal('true');

    // An account of another organisation: invited like anyone, not added.
    typeInto(email, outsider);
    submit();
    await until(() => root.querySelector('[role=status]')?.textContent?.includes(`An invitation was sent to ${outsider}`));
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    const members = (await server.call<{ members: Array<{ person: { email: string } }> }>(ARRANGE, 'GET', MEMBERS_PATH)).members;
    expect(members.map((member) => member.person.email)).not.to.include(outsider);
    expect(screen.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(4);
  });

  it('lists pending invitations, marks expired ones, sends again with a new link and withdraws', async () => {
    await start({ clock: new Date().toISOString() });
    await invite(server, 'first@example.test', ['designer']);
    // Eight days on the first link has expired (and every session has ended).
    await server.moveClock({ advanceMs: 8 * 24 * 3_600_000 });
    await invite(server, 'second@example.test', ['publisher']);
    const screen = await mountScreen();
    const pending = screen.shadowRoot!.querySelector('cl-pending-invitations')!;
    await until(() => pending.shadowRoot!.querySelectorAll('tbody tr').length === 2);
    const row = (email: string) => [...pending.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === email)!;
    expect(row('first@example.test').textContent).to.contain('Expired');
    expect(row('second@example.test').textContent).to.contain('The link works until');
    expect(row('second@example.test').textContent).to.contain('by Pat Permissions');

    const oldToken = await invitationToken(server, 'first@example.test');
    row('first@example.test').querySelector<HTMLButtonElement>('button.resend')!.click();
    await until(() => row('first@example.test').querySelector('.result.success'));
    expect(row('first@example.test').textContent).to.contain('A new link was sent to first@example.test');
    expect(row('first@example.test').textContent).not.to.contain('Expired');
    expect(await invitationToken(server, 'first@example.test')).not.to.equal(oldToken);
    expect(pending.shadowRoot!.activeElement).to.equal(row('first@example.test').querySelector('button.resend'));

    const secondId = (await server.call<{ invitations: Array<{ id: string; email: string }> }>(ARRANGE, 'GET', INVITATIONS_PATH)).invitations.find((invitation) => invitation.email === 'second@example.test')!.id;
    row('second@example.test').querySelector<HTMLButtonElement>('button.revoke')!.click();
    await until(() => !row('second@example.test'));
    const notice = pending.shadowRoot!.querySelector('#invitations-notice')!;
    expect(notice.textContent).to.contain('The invitation to second@example.test was withdrawn');
    expect(pending.shadowRoot!.activeElement).to.equal(notice);
    expect(server.requests.find((request) => request.method === 'DELETE')?.path).to.equal(`${INVITATIONS_PATH}/${secondId}`);
    expect((await server.call<{ invitations: Array<{ email: string }> }>(ARRANGE, 'GET', INVITATIONS_PATH)).invitations.map((invitation) => invitation.email)).to.deep.equal(['first@example.test']);
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });

  it('saves changed roles only when asked, and says what was saved', async () => {
    await start();
    const screen = await mountScreen();
    tick(roleBox(screen, PEOPLE.designer, 'tester'), true);
    await settle(screen);
    expect(row(screen, PEOPLE.designer).textContent).to.contain('Not saved yet');
    expect(server.requests.some((request) => request.method === 'PUT')).to.equal(false);
    row(screen, PEOPLE.designer).querySelector<HTMLButtonElement>('button.save')!.click();
    const result = await until(() => row(screen, PEOPLE.designer).querySelector('.result.success'));
    expect(result.textContent).to.contain('Dana Designer now has these roles: designer, tester');
    expect(server.requests.find((request) => request.method === 'PUT')).to.deep.include({ path: `${MEMBERS_PATH}/${PEOPLE.designer}/roles`, body: { roles: ['designer', 'tester'] } });
    expect(await rolesOf(PEOPLE.designer)).to.deep.equal(['designer', 'tester']);
    expect(row(screen, PEOPLE.designer).textContent).not.to.contain('Not saved yet');
    expect(screen.shadowRoot!.activeElement).to.equal(row(screen, PEOPLE.designer).querySelector('button.save'));
  });

  it('refuses no roles at all before sending, pointing to removal instead', async () => {
    await start();
    const screen = await mountScreen();
    tick(roleBox(screen, PEOPLE.tester, 'tester'), false);
    row(screen, PEOPLE.tester).querySelector<HTMLButtonElement>('button.save')!.click();
    const result = await until(() => row(screen, PEOPLE.tester).querySelector('.result.error'));
    expect(result.textContent).to.contain('remove the person');
    expect(server.requests.some((request) => request.method === 'PUT')).to.equal(false);
    expect(await rolesOf(PEOPLE.tester)).to.deep.equal(['tester']);
  });

  it("shows the server's 409 for the last permissions admin next to that person's roles and removal", async () => {
    await start();
    const screen = await mountScreen();
    const admin = PEOPLE.admin;
    tick(roleBox(screen, admin, 'permissions_admin'), false);
    tick(roleBox(screen, admin, 'designer'), true);
    const save = row(screen, admin).querySelector<HTMLButtonElement>('button.save')!;
    save.click();
    const refusal = await until(() => row(screen, admin).querySelector('.result.error'));
    expect(refusal.textContent).to.contain('without anyone who can manage its people');
    expect(description(save, screen.shadowRoot!)).to.contain('without anyone who can manage its people');
    expect(description(row(screen, admin).querySelector('fieldset')!, screen.shadowRoot!)).to.contain('without anyone');
    // Nothing else shows it, and the server kept the roles.
    expect(screen.shadowRoot!.querySelectorAll('.result.error')).to.have.length(1);
    expect(await rolesOf(admin)).to.deep.equal(['permissions_admin']);
    expect(row(screen, admin).textContent).to.contain('Not saved yet');

    row(screen, admin).querySelector<HTMLButtonElement>('button.remove')!.click();
    await until(() => row(screen, admin).querySelector('button.confirm-remove'));
    row(screen, admin).querySelector<HTMLButtonElement>('button.confirm-remove')!.click();
    const removeButton = await until(() => row(screen, admin).querySelector<HTMLButtonElement>('button.remove'));
    expect(description(removeButton, screen.shadowRoot!)).to.contain('without anyone who can manage its people');
    expect(screen.shadowRoot!.activeElement).to.equal(removeButton);
    expect(await rolesOf(admin)).to.deep.equal(['permissions_admin']);
  });

  it('lets the last admin hand over the role, after which the first one may step down', async () => {
    await start();
    const screen = await mountScreen();
    tick(roleBox(screen, PEOPLE.publisher, 'permissions_admin'), true);
    row(screen, PEOPLE.publisher).querySelector<HTMLButtonElement>('button.save')!.click();
    await until(() => row(screen, PEOPLE.publisher).querySelector('.result.success'));
    tick(roleBox(screen, PEOPLE.admin, 'permissions_admin'), false);
    tick(roleBox(screen, PEOPLE.admin, 'tester'), true);
    row(screen, PEOPLE.admin).querySelector<HTMLButtonElement>('button.save')!.click();
    await until(() => row(screen, PEOPLE.admin).querySelector('.result.success'));
    await server.signIn('arrange-paul', 'publisher');
    const members = (await server.call<{ members: Array<{ person: { id: string }; roles: string[] }> }>('arrange-paul', 'GET', MEMBERS_PATH)).members;
    expect(members.find((member) => member.person.id === PEOPLE.admin)?.roles).to.deep.equal(['tester']);
    expect(members.find((member) => member.person.id === PEOPLE.publisher)?.roles).to.have.members(['publisher', 'permissions_admin']);
  });

  it('removes a person only after confirmation; cancelling returns to the Remove button', async () => {
    await start();
    const screen = await mountScreen();
    const tester = PEOPLE.tester;
    row(screen, tester).querySelector<HTMLButtonElement>('button.remove')!.click();
    const cancel = await until(() => row(screen, tester).querySelector<HTMLButtonElement>('button.cancel-remove'));
    expect(row(screen, tester).querySelector('.confirm')!.textContent).to.contain('Remove Tess Tester from Careloom Demo Publishing?');
    expect(screen.shadowRoot!.activeElement).to.equal(cancel);
    cancel.click();
    const remove = await until(() => row(screen, tester).querySelector<HTMLButtonElement>('button.remove'));
    expect(screen.shadowRoot!.activeElement).to.equal(remove);
    expect(server.requests.some((request) => request.method === 'DELETE')).to.equal(false);

    remove.click();
    (await until(() => row(screen, tester).querySelector<HTMLButtonElement>('button.confirm-remove'))).click();
    await until(() => !screen.shadowRoot!.querySelector(`tr[data-person="${tester}"]`));
    expect(server.requests.find((request) => request.method === 'DELETE')?.path).to.equal(`${MEMBERS_PATH}/${tester}`);
    expect(await rolesOf(tester)).to.equal(undefined);
    const notice = screen.shadowRoot!.querySelector('#notice')!;
    expect(notice.textContent).to.contain('Tess Tester was removed from Careloom Demo Publishing');
    expect(screen.shadowRoot!.activeElement).to.equal(notice);
  });

  it('is operable with the keyboard alone: tick, save, remove with confirmation, Escape to cancel', async () => {
    await start();
    const screen = await mountScreen();
    const publisher = PEOPLE.publisher;
    roleBox(screen, publisher, 'tester').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // → permissions admin box
    await sendKeys({ press: 'Tab' }); // → Save roles
    expect(activeIn(screen)?.classList.contains('save')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => row(screen, publisher).querySelector('.result.success'));
    expect(await rolesOf(publisher)).to.deep.equal(['publisher', 'tester']);

    await sendKeys({ press: 'Tab' }); // → Remove
    expect(activeIn(screen)?.classList.contains('remove')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => activeIn(screen)?.classList.contains('cancel-remove'));
    await sendKeys({ press: 'Escape' });
    await until(() => activeIn(screen)?.classList.contains('remove'));
    await sendKeys({ press: 'Enter' });
    await until(() => activeIn(screen)?.classList.contains('cancel-remove'));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' }); // → Yes, remove
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await until(() => !screen.shadowRoot!.querySelector(`tr[data-person="${publisher}"]`));
    expect(activeIn(screen)?.id).to.equal('notice');
    expect(await rolesOf(publisher)).to.equal(undefined);
  });

  it('passes axe with a refusal shown, a confirmation open and form errors', async () => {
    await start();
    const screen = await mountScreen();
    tick(roleBox(screen, PEOPLE.admin, 'permissions_admin'), false);
    tick(roleBox(screen, PEOPLE.admin, 'tester'), true);
    row(screen, PEOPLE.admin).querySelector<HTMLButtonElement>('button.save')!.click();
    await until(() => row(screen, PEOPLE.admin).querySelector('.result.error'));
    row(screen, PEOPLE.tester).querySelector<HTMLButtonElement>('button.remove')!.click();
    await until(() => row(screen, PEOPLE.tester).querySelector('.confirm'));
    const root = screen.shadowRoot!.querySelector('cl-invite-person')!.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => root.querySelector('#roles-error'));
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });

  it('speaks Swedish and Norwegian', async () => {
    await start();
    const screen = await mountScreen();
    i18n.setLocale('sv');
    await settle(screen);
    expect(screen.shadowRoot!.querySelector('h1')!.textContent).to.equal('Personer');
    expect(row(screen, PEOPLE.designer).querySelector('button.save')!.textContent).to.contain('Spara roller');
    expect(screen.shadowRoot!.querySelector('cl-invite-person')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Bjud in en person');
    expect(screen.shadowRoot!.querySelector('cl-pending-invitations')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Väntande inbjudningar');
    i18n.setLocale('nb');
    await settle(screen);
    expect(row(screen, PEOPLE.designer).querySelector('button.save')!.textContent).to.contain('Lagre roller');
    expect(screen.shadowRoot!.querySelector('cl-invite-person')!.shadowRoot!.querySelector('button[type=submit]')!.textContent).to.equal('Send invitasjon');
    i18n.setLocale('en');
  });

  it('shows "not allowed" when the server refuses (the roles changed since sign-in)', async () => {
    await start();
    const workspace = await signedInWorkspace(server, 'permissions-admin');
    // Meanwhile Paul became a permissions admin, and took Pat's role.
    await server.call(ARRANGE, 'PUT', `${MEMBERS_PATH}/${PEOPLE.publisher}/roles`, { roles: ['publisher', 'permissions_admin'] });
    await server.signIn('arrange-paul', 'publisher');
    await server.call('arrange-paul', 'PUT', `${MEMBERS_PATH}/${PEOPLE.admin}/roles`, { roles: ['designer'] });
    const screen = await fixture<ClPeopleScreen>(html`<cl-people-screen .workspace=${workspace}></cl-people-screen>`);
    expect(workspace.roles).to.deep.equal(['permissions_admin']);
    await until(() => screen.shadowRoot!.textContent?.includes('Not allowed'));
    expect(screen.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it('fits a 360 px phone: the members table scrolls on its own, the page does not widen', async () => {
    await start();
    await setViewport({ width: 360, height: 740 });
    try {
      const screen = await mountScreen();
      await until(() => screen.shadowRoot!.querySelector('tr[data-person]'));
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
