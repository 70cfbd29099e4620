import { expect, fixture, html } from '@open-wc/testing';
import { DesignerApi } from '../api/api-client.js';
import type { ClDesignerApp } from '../app/designer-app.js';
import '../app/designer-app.js';
import '../library/library.js';
import './people-screen.js';
import { i18n } from '../i18n/i18n.js';
import { demoPublisherId, invite, seriousViolations, settle, startTestServer, typeInto, until, deep, type TestServer, type TestServerOptions } from '../testing/app-fixture.js';
import type { ClAcceptInvitation } from './accept-invitation.js';
import './accept-invitation.js';

// On a real server with the demo content: one per test. The demo permissions admin, Pat Permissions
// of "Careloom Demo Publishing", invites; the link's token is read from the development outbox.
let server: TestServer | undefined;
let jars = 0;
const start = async (options: TestServerOptions = {}): Promise<TestServer> => (server = await startTestServer(options));
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The app at the invitation link, in a browser of its own; signed in as `key` first when given. */
async function mountApp(on: TestServer, token: string, key?: string): Promise<{ app: ClDesignerApp; jar: string }> {
  const jar = `app-${++jars}`;
  const api = new DesignerApi({ fetch: on.fetch(jar) });
  if (key) await api.login(on.account(key).email, on.account(key).password);
  location.hash = `#/invitation/${token}`;
  const app = document.createElement('cl-designer-app');
  app.api = api;
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.append(app);
  await settle(app);
  return { app, jar };
}

const screenOf = (app: ClDesignerApp) => until(() => deep<ClAcceptInvitation>(app, 'cl-accept-invitation'));
const text = (screen: ClAcceptInvitation) => screen.shadowRoot!.textContent ?? '';

/** The organisation's members by e-mail, with their roles, as its permissions admin reads them. */
async function rolesOf(on: TestServer, email: string): Promise<string[] | undefined> {
  const members = await on.call<{ members: Array<{ person: { email: string }; roles: string[] }> }>('arrange-people', 'GET', `/api/organisations/${await demoPublisherId(on)}/members`);
  return members.members.find((member) => member.person.email.toLowerCase() === email.toLowerCase())?.roles;
}

describe('<cl-accept-invitation> in the app, against the real server', () => {
  beforeEach(() => {
    localStorage.clear();
    i18n.setLocale('en');
  });
  afterEach(() => {
    location.hash = '';
  });

  it('lets a new person choose a name and password and join, then enter the designer', async () => {
    const on = await start();
    const token = await invite(on, 'nina@example.test', ['designer', 'tester']);
    const { app } = await mountApp(on, token);
    const screen = await screenOf(app);
    await until(() => text(screen).includes('Pat Permissions invites nina@example.test to join Careloom Demo Publishing as designer, tester.'));
    expect(screen.shadowRoot!.querySelector('h1')!.textContent).to.equal('Invitation: Careloom Demo Publishing');
    expect(await seriousViolations(app)).to.deep.equal([]);

    const root = screen.shadowRoot!;
    // Refusals at the field: nothing typed, then a short password (the server's words).
    root.querySelector<HTMLButtonElement>('form.join button[type=submit]')!.click();
    await until(() => root.querySelector('#name-error'));
    expect(root.activeElement?.id).to.equal('name');
    typeInto(root.querySelector('#name'), 'Nina New');
    typeInto(root.querySelector('#newPassword'), 'short');
    root.querySelector<HTMLButtonElement>('form.join button[type=submit]')!.click();
    await until(() => root.querySelector('#newPassword-error')?.textContent?.includes('it has 5'));
    expect(root.querySelector('#newPassword')!.getAttribute('aria-describedby')).to.equal('newPassword-hint newPassword-error');

    typeInto(root.querySelector('#newPassword'), 'nina chose this herself');
    root.querySelector<HTMLButtonElement>('form.join button[type=submit]')!.click();
    await until(() => text(screen).includes('Welcome to Careloom Demo Publishing. Your roles there: designer, tester.'));
    expect(await rolesOf(on, 'nina@example.test')).to.deep.equal(['designer', 'tester']);
    // The password she chose is hers: she signs in with it elsewhere.
    await on.signIn('nina-elsewhere', { email: 'nina@example.test', password: 'nina chose this herself' });
    expect(root.activeElement?.id).to.equal('join-title');

    root.querySelector<HTMLButtonElement>('button.continue')!.click();
    await until(() => deep(app, 'cl-library'));
    expect(location.hash).to.equal('#/library');
  });

  it("asks a new member to sign in when the login throttle refused the sign-in after joining", async function () {
    this.timeout(60_000);
    const on = await start();
    const token = await invite(on, 'nina@example.test', ['designer']);
    // Someone has been guessing passwords for this address: the throttle makes the next try wait.
    for (let tries = 0; tries < 20; tries++) {
      const response = await on.fetch('guesser')('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'nina@example.test', password: `guess number ${tries}` }) });
      const wait = Number(response.headers.get('Retry-After') ?? 0);
      if (response.status === 429 && wait >= 8) break;
      if (response.status === 429) await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 100));
    }
    const { app, jar } = await mountApp(on, token);
    const screen = await screenOf(app);
    const root = await until(() => screen.shadowRoot!.querySelector('form.join') && screen.shadowRoot!);
    typeInto(root.querySelector('#name'), 'Nina New');
    typeInto(root.querySelector('#newPassword'), 'nina chose this herself');
    root.querySelector<HTMLButtonElement>('form.join button[type=submit]')!.click();
    await until(() => text(screen).includes('Your account is ready. Continue and sign in'));
    // She joined, but has no session yet.
    expect(await rolesOf(on, 'nina@example.test')).to.deep.equal(['designer']);
    expect((await on.call<{ session: unknown }>(jar, 'GET', '/api/auth/session')).session).to.equal(null);
    root.querySelector<HTMLButtonElement>('button.continue')!.click();
    await until(() => deep(app, 'cl-designer-login'));
    expect(location.hash).to.equal('#/library');
  });

  it('lets an existing account sign in with its own password and accept; a second use of the link fails', async () => {
    const on = await start();
    // The demo therapist has an account, at a care provider: not a member of the publisher.
    const theo = on.account('therapist');
    const token = await invite(on, theo.email.toUpperCase(), ['tester']);
    const { app } = await mountApp(on, token);
    const screen = await screenOf(app);
    await until(() => screen.shadowRoot!.querySelector('form.sign-in'));
    const root = screen.shadowRoot!;
    expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal(theo.email.toUpperCase());

    // Choosing "new" for an address with an account is refused at the e-mail field, and changes nothing.
    typeInto(root.querySelector('#name'), 'Mallory');
    typeInto(root.querySelector('#newPassword'), 'mallory chose this');
    root.querySelector<HTMLButtonElement>('form.join button[type=submit]')!.click();
    await until(() => root.querySelector('#email-error')?.textContent?.includes('exists already'));
    await on.signIn('theo-elsewhere', 'therapist');
    expect(await rolesOf(on, theo.email)).to.equal(undefined);

    typeInto(root.querySelector('#email'), theo.email);
    typeInto(root.querySelector('#password'), 'wrong password');
    root.querySelector<HTMLButtonElement>('form.sign-in button[type=submit]')!.click();
    await until(() => root.querySelector('#signIn-error')?.textContent?.includes('wrong'));
    typeInto(root.querySelector('#password'), theo.password);
    root.querySelector<HTMLButtonElement>('form.sign-in button[type=submit]')!.click();
    const accept = await until(() => root.querySelector<HTMLButtonElement>('button.accept'));
    expect(text(screen)).to.contain(`You are signed in as Theo Therapist (${theo.email}).`);
    expect(root.activeElement === accept, 'focus on Accept').to.equal(true);
    expect(await rolesOf(on, theo.email)).to.equal(undefined);
    accept.click();
    await until(() => text(screen).includes('Your roles there: tester.'));
    expect(await rolesOf(on, theo.email)).to.deep.equal(['tester']);

    // The same link again: one message for every link that does not work.
    app.remove();
    const again = await screenOf((await mountApp(on, token)).app);
    await until(() => text(again).includes('unknown, already used, withdrawn or expired'));
    expect(again.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('tells someone signed in with another address that the link is not theirs, and offers to sign out', async () => {
    const on = await start();
    const token = await invite(on, 'otto@example.test', ['designer']);
    const designer = on.account('designer');
    const { app, jar } = await mountApp(on, token, 'designer');
    const screen = await screenOf(app);
    await until(() => screen.shadowRoot!.querySelector('button.sign-out'));
    expect(text(screen)).to.contain(`This invitation was sent to otto@example.test, but you are signed in as Dana Designer (${designer.email}).`);
    expect(screen.shadowRoot!.querySelector('button.accept')).to.equal(null);
    expect(on.requests.some((request) => request.path === '/api/member-invitations/accept')).to.equal(false);
    screen.shadowRoot!.querySelector<HTMLButtonElement>('button.sign-out')!.click();
    await until(() => screen.shadowRoot!.querySelector('form.sign-in'));
    expect((await on.call<{ session: unknown }>(jar, 'GET', '/api/auth/session')).session).to.equal(null);
    expect(await rolesOf(on, designer.email)).to.deep.equal(['designer']);
  });

  it('says one thing for a wrong, withdrawn or expired link, in Swedish and Norwegian too', async () => {
    const on = await start({ clock: new Date().toISOString() });
    const withdrawn = await invite(on, 'gone@example.test', ['designer']);
    const invitations = await on.call<{ invitations: Array<{ id: string; email: string }> }>('arrange-people', 'GET', `/api/organisations/${await demoPublisherId(on)}/invitations`);
    await on.call('arrange-people', 'DELETE', `/api/organisations/${await demoPublisherId(on)}/invitations/${invitations.invitations.find((invitation) => invitation.email === 'gone@example.test')!.id}`);
    const expired = await invite(on, 'late@example.test', ['designer']);
    // Eight days on, past the link's week.
    await on.moveClock({ advanceMs: 8 * 24 * 3_600_000 });
    for (const link of [expired, withdrawn, 'no-such-token']) {
      const screen = await screenOf((await mountApp(on, link)).app);
      await until(() => text(screen).includes('This invitation link is unknown, already used, withdrawn or expired.'));
      i18n.setLocale('sv');
      await until(() => text(screen).includes('Den här inbjudningslänken är okänd'));
      i18n.setLocale('nb');
      await until(() => text(screen).includes('Denne invitasjonslenken er ukjent'));
      i18n.setLocale('en');
      screen.closest('cl-designer-app')?.remove();
    }
  });
});
