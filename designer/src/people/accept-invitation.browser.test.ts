import { expect, fixture, html } from '@open-wc/testing';
import type { ClDesignerApp } from '../app/designer-app.js';
import '../app/designer-app.js';
import '../library/library.js';
import './people-screen.js';
import { i18n } from '../i18n/i18n.js';
import { deep, seriousViolations, settle, typeInto, until, workspaceFor } from '../testing/app-fixture.js';
import { FakeApi, ORG_ID, PEOPLE, type FakePerson } from '../testing/fake-api.js';
import type { ClAcceptInvitation } from './accept-invitation.js';
import './accept-invitation.js';

const OTTO: FakePerson = { id: 'person-otto', name: 'Otto Outside', email: 'otto@example.test', password: 'otto-password', roles: [] };

/** A fake server where Ada (permissions admin) has invited `email`; returns the link's token. */
async function invited(fake: FakeApi, email: string, roles: Array<'designer' | 'tester' | 'publisher'> = ['designer']): Promise<string> {
  const workspace = await workspaceFor(fake, PEOPLE.admin);
  await workspace.api.invite(ORG_ID, { email, roles });
  fake.signedIn = null;
  return fake.invitationTo(email)!.token;
}

async function mountApp(fake: FakeApi, token: string): Promise<ClDesignerApp> {
  location.hash = `#/invitation/${token}`;
  const app = document.createElement('cl-designer-app');
  app.api = fake.client();
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.append(app);
  await settle(app);
  return app;
}

const screenOf = (app: ClDesignerApp) => until(() => deep<ClAcceptInvitation>(app, 'cl-accept-invitation'));
const text = (screen: ClAcceptInvitation) => screen.shadowRoot!.textContent ?? '';

describe('<cl-accept-invitation> in the app', () => {
  beforeEach(() => {
    localStorage.clear();
    i18n.setLocale('en');
  });
  afterEach(() => {
    location.hash = '';
  });

  it('lets a new person choose a name and password and join, then enter the designer', async () => {
    const fake = new FakeApi();
    const token = await invited(fake, 'nina@example.test', ['designer', 'tester']);
    const app = await mountApp(fake, token);
    const screen = await screenOf(app);
    await until(() => text(screen).includes('Ada Admin invites nina@example.test to join Demo Publishing as designer, tester.'));
    expect(screen.shadowRoot!.querySelector('h1')!.textContent).to.equal('Invitation: Demo Publishing');
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
    await until(() => text(screen).includes('Welcome to Demo Publishing. Your roles there: designer, tester.'));
    expect(fake.members().find((member) => member.person.email === 'nina@example.test')?.roles).to.deep.equal(['designer', 'tester']);
    expect(fake.people.find((person) => person.email === 'nina@example.test')?.password).to.equal('nina chose this herself');
    expect(root.activeElement?.id).to.equal('join-title');

    root.querySelector<HTMLButtonElement>('button.continue')!.click();
    await until(() => deep(app, 'cl-library'));
    expect(location.hash).to.equal('#/library');
  });

  it('asks a new member to sign in when the sign-in after joining was refused', async () => {
    const fake = new FakeApi();
    fake.refuseSignInAfterJoin = true;
    const token = await invited(fake, 'nina@example.test');
    const app = await mountApp(fake, token);
    const screen = await screenOf(app);
    const root = await until(() => screen.shadowRoot!.querySelector('form.join') && screen.shadowRoot!);
    typeInto(root.querySelector('#name'), 'Nina New');
    typeInto(root.querySelector('#newPassword'), 'nina chose this herself');
    root.querySelector<HTMLButtonElement>('form.join button[type=submit]')!.click();
    await until(() => text(screen).includes('Your account is ready. Continue and sign in'));
    root.querySelector<HTMLButtonElement>('button.continue')!.click();
    await until(() => deep(app, 'cl-designer-login'));
    expect(location.hash).to.equal('#/library');
  });

  it('lets an existing account sign in with its own password and accept; a second use of the link fails', async () => {
    const fake = new FakeApi();
    fake.people = [...fake.people, OTTO];
    const token = await invited(fake, 'OTTO@example.test', ['tester']);
    const app = await mountApp(fake, token);
    const screen = await screenOf(app);
    await until(() => screen.shadowRoot!.querySelector('form.sign-in'));
    const root = screen.shadowRoot!;
    expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal('OTTO@example.test');

    // Choosing "new" for an address with an account is refused at the e-mail field, and changes nothing.
    typeInto(root.querySelector('#name'), 'Mallory');
    typeInto(root.querySelector('#newPassword'), 'mallory chose this');
    root.querySelector<HTMLButtonElement>('form.join button[type=submit]')!.click();
    await until(() => root.querySelector('#email-error')?.textContent?.includes('exists already'));
    expect(OTTO.password).to.equal('otto-password');
    expect(fake.rolesOf(OTTO)).to.deep.equal([]);

    typeInto(root.querySelector('#email'), OTTO.email);
    typeInto(root.querySelector('#password'), 'wrong password');
    root.querySelector<HTMLButtonElement>('form.sign-in button[type=submit]')!.click();
    await until(() => root.querySelector('#signIn-error')?.textContent?.includes('wrong'));
    typeInto(root.querySelector('#password'), OTTO.password);
    root.querySelector<HTMLButtonElement>('form.sign-in button[type=submit]')!.click();
    const accept = await until(() => root.querySelector<HTMLButtonElement>('button.accept'));
    expect(text(screen)).to.contain('You are signed in as Otto Outside (otto@example.test).');
    expect(root.activeElement === accept, 'focus on Accept').to.equal(true);
    expect(fake.rolesOf(OTTO)).to.deep.equal([]);
    accept.click();
    await until(() => text(screen).includes('Your roles there: tester.'));
    expect(fake.rolesOf(OTTO)).to.deep.equal(['tester']);

    // The same link again: one message for every link that does not work.
    app.remove();
    const again = await screenOf(await mountApp(fake, token));
    await until(() => text(again).includes('unknown, already used, withdrawn or expired'));
    expect(again.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('tells someone signed in with another address that the link is not theirs, and offers to sign out', async () => {
    const fake = new FakeApi();
    const token = await invited(fake, 'otto@example.test');
    fake.signIn(PEOPLE.designer);
    const app = await mountApp(fake, token);
    const screen = await screenOf(app);
    await until(() => screen.shadowRoot!.querySelector('button.sign-out'));
    expect(text(screen)).to.contain('This invitation was sent to otto@example.test, but you are signed in as Dana Designer (designer@example.test).');
    expect(screen.shadowRoot!.querySelector('button.accept')).to.equal(null);
    expect(fake.requests.some((request) => request.path === '/api/member-invitations/accept')).to.equal(false);
    screen.shadowRoot!.querySelector<HTMLButtonElement>('button.sign-out')!.click();
    await until(() => screen.shadowRoot!.querySelector('form.sign-in'));
    expect(fake.signedIn).to.equal(null);
    expect(fake.rolesOf(PEOPLE.designer)).to.deep.equal(['designer']);
  });

  it('says one thing for a wrong, withdrawn or expired link, in Swedish and Norwegian too', async () => {
    const fake = new FakeApi();
    const token = await invited(fake, 'late@example.test');
    fake.invitationTo('late@example.test')!.expiresAt = '2020-01-01T00:00:00.000Z';
    for (const link of [token, 'no-such-token']) {
      const screen = await screenOf(await mountApp(fake, link));
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
