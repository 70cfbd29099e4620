import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ClDesignerApp } from '../app/designer-app.js';
import '../app/designer-app.js';
import '../library/library.js';
import { i18n } from '../i18n/i18n.js';
import { deep, deepAll, seriousViolations, settle, typeInto, until, workspaceFor } from '../testing/app-fixture.js';
import { FakeApi, ORG_ID, PEOPLE, type FakePerson } from '../testing/fake-api.js';
import type { ClPeopleScreen } from './people-screen.js';
import './people-screen.js';

const MEMBERS_PATH = `/api/organisations/${ORG_ID}/members`;
const INVITATIONS_PATH = `/api/organisations/${ORG_ID}/invitations`;

async function mountScreen(fake: FakeApi, person: FakePerson = PEOPLE.admin): Promise<ClPeopleScreen> {
  const workspace = await workspaceFor(fake, person);
  const screen = await fixture<ClPeopleScreen>(html`<cl-people-screen .workspace=${workspace}></cl-people-screen>`);
  await settle(screen);
  return screen;
}

async function mountApp(fake: FakeApi): Promise<ClDesignerApp> {
  const app = document.createElement('cl-designer-app');
  app.api = fake.client();
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

describe('the People screen in the app', () => {
  beforeEach(() => {
    localStorage.clear();
    i18n.setLocale('en');
  });
  afterEach(() => {
    location.hash = '';
  });

  it('links to People from the header for a permissions admin, and shows the members there', async () => {
    const fake = new FakeApi();
    fake.signIn({ ...PEOPLE.admin, roles: ['designer', 'permissions_admin'] });
    fake.memberRoles.set(PEOPLE.admin.id, ['designer', 'permissions_admin']);
    location.hash = '#/library';
    const app = await mountApp(fake);
    await until(() => deep(app, 'cl-library'));
    const link = await until(() => deepAll<HTMLAnchorElement>(deep(app, 'cl-app-header')!, 'nav a').find((anchor) => anchor.textContent === 'People'));
    expect(link.getAttribute('href')).to.equal('#/people');
    location.hash = '#/people';
    const screen = await until(() => deep<ClPeopleScreen>(app, 'cl-people-screen'));
    await until(() => screen.shadowRoot!.querySelector(`tr[data-person="${PEOPLE.designer.id}"]`));
    expect(row(screen, PEOPLE.designer.id).textContent).to.contain('designer@example.test');
    expect(await seriousViolations(app)).to.deep.equal([]);
  });

  it('opens on People for a permissions admin without an authoring role', async () => {
    const fake = new FakeApi();
    fake.signIn(PEOPLE.admin);
    location.hash = '';
    const app = await mountApp(fake);
    await until(() => deep(app, 'cl-people-screen'));
    expect(location.hash).to.equal('#/people');
  });

  it('hides the link from everyone else and answers the route with a plain "not allowed", asking the server nothing', async () => {
    for (const person of [PEOPLE.designer, PEOPLE.publisher, PEOPLE.tester]) {
      const fake = new FakeApi();
      fake.signIn(person);
      location.hash = '#/library';
      const app = await mountApp(fake);
      await until(() => deep(app, 'cl-library'));
      // Everyone has the media library and their own sign-in security; only permissions admins have People.
      expect(deepAll(deep(app, 'cl-app-header')!, 'nav a').map((anchor) => anchor.textContent?.trim())).to.deep.equal(['Library', 'Media library', 'Sign-in security']);
      location.hash = '#/people';
      const screen = await until(() => deep<ClPeopleScreen>(app, 'cl-people-screen'));
      await settle(screen);
      expect(screen.shadowRoot!.textContent).to.contain('Not allowed');
      expect(screen.shadowRoot!.querySelector('table, form')).to.equal(null);
      expect(fake.requests.some((request) => request.path.startsWith('/api/organisations'))).to.equal(false);
      app.remove();
    }
  });
});

describe('<cl-people-screen>', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('lists every member with name, e-mail and roles as ticked boxes', async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
    const rows = [...screen.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows.map((tr) => tr.querySelector('th')!.textContent!.trim())).to.deep.equal(['Dana Designer', 'Paul Publisher', 'Petra Publisher', 'Tess Tester', 'Ada Admin (you)']);
    expect(row(screen, PEOPLE.tester.id).textContent).to.contain('tester@example.test');
    const ticked = (personId: string) => [...row(screen, personId).querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((box) => box.checked).map((box) => box.value);
    expect(ticked(PEOPLE.publisher.id)).to.deep.equal(['publisher']);
    expect(ticked(PEOPLE.admin.id)).to.deep.equal(['permissions_admin']);
    const legend = row(screen, PEOPLE.tester.id).querySelector('legend')!;
    expect(legend.textContent).to.equal('Roles of Tess Tester');
  });

  it('invites by e-mail with roles and the e-mail language, lists the invitation as pending, and readies the form for the next', async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
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
    const request = fake.requests.find((candidate) => candidate.method === 'POST' && candidate.path === INVITATIONS_PATH)!;
    expect(request.body).to.deep.equal({ email: 'new.person@example.test', roles: ['designer', 'tester'], language: 'sv' });
    // Invited, not added: the members list is unchanged.
    expect(fake.members().map((member) => member.person.email)).not.to.include('new.person@example.test');
    expect(screen.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(5);
    expect(pending.shadowRoot!.querySelector('tbody tr')!.textContent).to.contain('designer, tester');
    await settle(form);
    expect(root.querySelector('[role=status]')!.textContent).to.contain('An invitation was sent to new.person@example.test');
    expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal('');
    expect(root.activeElement?.id).to.equal('email');
  });

  it('treats an account elsewhere like any address, and shows refusals at the field they concern', async () => {
    const fake = new FakeApi();
    const outsider: FakePerson = { id: 'person-otto', name: 'Otto Outside', email: 'otto@example.test', password: 'otto-password', roles: [] };
    fake.people = [...fake.people, outsider];
    const screen = await mountScreen(fake);
    const root = screen.shadowRoot!.querySelector('cl-invite-person')!.shadowRoot!;
    const submit = () => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

    // Already a member: 409, about the e-mail address.
    typeInto(root.querySelector('#email'), PEOPLE.designer.email);
    root.querySelector<HTMLInputElement>('input[value=tester]')!.checked = true;
    submit();
    const email = root.querySelector<HTMLInputElement>('#email')!;
    await until(() => email.getAttribute('aria-invalid') === 'true');
    expect(description(email, root)).to.contain('already a member');
    expect(root.activeElement).to.equal(email);

    // Not an address: 422 at the e-mail field.
    typeInto(email, 'not-an-address');
    submit();
    await until(() => description(email, root).includes('must be an e-mail address'));

    // An account of another organisation: invited like anyone, not added.
    typeInto(email, 'otto@example.test');
    submit();
    await until(() => root.querySelector('[role=status]')?.textContent?.includes('An invitation was sent to otto@example.test'));
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    expect(screen.shadowRoot!.querySelector('tr[data-person="person-otto"]')).to.equal(null);
    expect(fake.members().some((member) => member.person.id === 'person-otto')).to.equal(false);
  });

  it('lists pending invitations, marks expired ones, sends again with a new link and withdraws', async () => {
    const fake = new FakeApi();
    const workspace = await workspaceFor(fake, PEOPLE.admin);
    await workspace.api.invite(ORG_ID, { email: 'first@example.test', roles: ['designer'] });
    await workspace.api.invite(ORG_ID, { email: 'second@example.test', roles: ['publisher'] });
    fake.invitationTo('first@example.test')!.expiresAt = '2020-01-01T00:00:00.000Z';
    const screen = await mountScreen(fake);
    const pending = screen.shadowRoot!.querySelector('cl-pending-invitations')!;
    await until(() => pending.shadowRoot!.querySelectorAll('tbody tr').length === 2);
    const row = (email: string) => [...pending.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === email)!;
    expect(row('first@example.test').textContent).to.contain('Expired');
    expect(row('second@example.test').textContent).to.contain('The link works until');
    expect(row('second@example.test').textContent).to.contain('by Ada Admin');

    const oldToken = fake.invitationTo('first@example.test')!.token;
    row('first@example.test').querySelector<HTMLButtonElement>('button.resend')!.click();
    await until(() => row('first@example.test').querySelector('.result.success'));
    expect(row('first@example.test').textContent).to.contain('A new link was sent to first@example.test');
    expect(row('first@example.test').textContent).not.to.contain('Expired');
    expect(fake.invitationTo('first@example.test')!.token).not.to.equal(oldToken);
    expect(pending.shadowRoot!.activeElement).to.equal(row('first@example.test').querySelector('button.resend'));

    row('second@example.test').querySelector<HTMLButtonElement>('button.revoke')!.click();
    await until(() => !row('second@example.test'));
    const notice = pending.shadowRoot!.querySelector('#invitations-notice')!;
    expect(notice.textContent).to.contain('The invitation to second@example.test was withdrawn');
    expect(pending.shadowRoot!.activeElement).to.equal(notice);
    expect(fake.requests.find((request) => request.method === 'DELETE')?.path).to.equal(`${INVITATIONS_PATH}/${fake.invitationTo('second@example.test')!.id}`);
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });

  it('saves changed roles only when asked, and says what was saved', async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
    tick(roleBox(screen, PEOPLE.designer.id, 'tester'), true);
    await settle(screen);
    expect(row(screen, PEOPLE.designer.id).textContent).to.contain('Not saved yet');
    expect(fake.requests.some((request) => request.method === 'PUT')).to.equal(false);
    row(screen, PEOPLE.designer.id).querySelector<HTMLButtonElement>('button.save')!.click();
    const result = await until(() => row(screen, PEOPLE.designer.id).querySelector('.result.success'));
    expect(result.textContent).to.contain('Dana Designer now has these roles: designer, tester');
    expect(fake.requests.find((request) => request.method === 'PUT')).to.deep.include({ path: `${MEMBERS_PATH}/${PEOPLE.designer.id}/roles`, body: { roles: ['designer', 'tester'] } });
    expect(fake.rolesOf(PEOPLE.designer)).to.deep.equal(['designer', 'tester']);
    expect(row(screen, PEOPLE.designer.id).textContent).not.to.contain('Not saved yet');
    expect(screen.shadowRoot!.activeElement).to.equal(row(screen, PEOPLE.designer.id).querySelector('button.save'));
  });

  it('refuses no roles at all before sending, pointing to removal instead', async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
    tick(roleBox(screen, PEOPLE.tester.id, 'tester'), false);
    row(screen, PEOPLE.tester.id).querySelector<HTMLButtonElement>('button.save')!.click();
    const result = await until(() => row(screen, PEOPLE.tester.id).querySelector('.result.error'));
    expect(result.textContent).to.contain('remove the person');
    expect(fake.requests.some((request) => request.method === 'PUT')).to.equal(false);
  });

  it("shows the server's 409 for the last permissions admin next to that person's roles and removal", async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
    const admin = PEOPLE.admin.id;
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
    expect(fake.rolesOf(PEOPLE.admin)).to.deep.equal(['permissions_admin']);
    expect(row(screen, admin).textContent).to.contain('Not saved yet');

    row(screen, admin).querySelector<HTMLButtonElement>('button.remove')!.click();
    await until(() => row(screen, admin).querySelector('button.confirm-remove'));
    row(screen, admin).querySelector<HTMLButtonElement>('button.confirm-remove')!.click();
    const removeButton = await until(() => row(screen, admin).querySelector<HTMLButtonElement>('button.remove'));
    expect(description(removeButton, screen.shadowRoot!)).to.contain('without anyone who can manage its people');
    expect(screen.shadowRoot!.activeElement).to.equal(removeButton);
    expect(fake.members().some((member) => member.person.id === admin)).to.equal(true);
  });

  it('lets the last admin hand over the role, after which the first one may step down', async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
    tick(roleBox(screen, PEOPLE.publisher.id, 'permissions_admin'), true);
    row(screen, PEOPLE.publisher.id).querySelector<HTMLButtonElement>('button.save')!.click();
    await until(() => row(screen, PEOPLE.publisher.id).querySelector('.result.success'));
    tick(roleBox(screen, PEOPLE.admin.id, 'permissions_admin'), false);
    tick(roleBox(screen, PEOPLE.admin.id, 'tester'), true);
    row(screen, PEOPLE.admin.id).querySelector<HTMLButtonElement>('button.save')!.click();
    await until(() => row(screen, PEOPLE.admin.id).querySelector('.result.success'));
    expect(fake.rolesOf(PEOPLE.admin)).to.deep.equal(['tester']);
  });

  it('removes a person only after confirmation; cancelling returns to the Remove button', async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
    const tester = PEOPLE.tester.id;
    row(screen, tester).querySelector<HTMLButtonElement>('button.remove')!.click();
    const cancel = await until(() => row(screen, tester).querySelector<HTMLButtonElement>('button.cancel-remove'));
    expect(row(screen, tester).querySelector('.confirm')!.textContent).to.contain('Remove Tess Tester from Demo Publishing?');
    expect(screen.shadowRoot!.activeElement).to.equal(cancel);
    cancel.click();
    const remove = await until(() => row(screen, tester).querySelector<HTMLButtonElement>('button.remove'));
    expect(screen.shadowRoot!.activeElement).to.equal(remove);
    expect(fake.requests.some((request) => request.method === 'DELETE')).to.equal(false);

    remove.click();
    (await until(() => row(screen, tester).querySelector<HTMLButtonElement>('button.confirm-remove'))).click();
    await until(() => !screen.shadowRoot!.querySelector(`tr[data-person="${tester}"]`));
    expect(fake.requests.find((request) => request.method === 'DELETE')?.path).to.equal(`${MEMBERS_PATH}/${tester}`);
    expect(fake.members().map((member) => member.person.id)).not.to.include(tester);
    const notice = screen.shadowRoot!.querySelector('#notice')!;
    expect(notice.textContent).to.contain('Tess Tester was removed from Demo Publishing');
    expect(screen.shadowRoot!.activeElement).to.equal(notice);
  });

  it('is operable with the keyboard alone: tick, save, remove with confirmation, Escape to cancel', async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
    const publisher = PEOPLE.publisher.id;
    roleBox(screen, publisher, 'tester').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // → permissions admin box
    await sendKeys({ press: 'Tab' }); // → Save roles
    expect(activeIn(screen)?.classList.contains('save')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => row(screen, publisher).querySelector('.result.success'));
    expect(fake.rolesOf(PEOPLE.publisher)).to.deep.equal(['publisher', 'tester']);

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
  });

  it('passes axe with a refusal shown, a confirmation open and form errors', async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
    tick(roleBox(screen, PEOPLE.admin.id, 'permissions_admin'), false);
    tick(roleBox(screen, PEOPLE.admin.id, 'tester'), true);
    row(screen, PEOPLE.admin.id).querySelector<HTMLButtonElement>('button.save')!.click();
    await until(() => row(screen, PEOPLE.admin.id).querySelector('.result.error'));
    row(screen, PEOPLE.tester.id).querySelector<HTMLButtonElement>('button.remove')!.click();
    await until(() => row(screen, PEOPLE.tester.id).querySelector('.confirm'));
    const root = screen.shadowRoot!.querySelector('cl-invite-person')!.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => root.querySelector('#roles-error'));
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });

  it('speaks Swedish and Norwegian', async () => {
    const fake = new FakeApi();
    const screen = await mountScreen(fake);
    i18n.setLocale('sv');
    await settle(screen);
    expect(screen.shadowRoot!.querySelector('h1')!.textContent).to.equal('Personer');
    expect(row(screen, PEOPLE.designer.id).querySelector('button.save')!.textContent).to.contain('Spara roller');
    expect(screen.shadowRoot!.querySelector('cl-invite-person')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Bjud in en person');
    expect(screen.shadowRoot!.querySelector('cl-pending-invitations')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Väntande inbjudningar');
    i18n.setLocale('nb');
    await settle(screen);
    expect(row(screen, PEOPLE.designer.id).querySelector('button.save')!.textContent).to.contain('Lagre roller');
    expect(screen.shadowRoot!.querySelector('cl-invite-person')!.shadowRoot!.querySelector('button[type=submit]')!.textContent).to.equal('Send invitasjon');
    i18n.setLocale('en');
  });

  it('shows "not allowed" when the server refuses (the roles changed since sign-in)', async () => {
    const fake = new FakeApi();
    fake.memberRoles.set(PEOPLE.admin.id, ['designer']);
    const workspace = await workspaceFor(fake, PEOPLE.admin);
    const screen = await fixture<ClPeopleScreen>(html`<cl-people-screen .workspace=${{ ...workspace, roles: ['permissions_admin'] }}></cl-people-screen>`);
    await until(() => screen.shadowRoot!.textContent?.includes('Not allowed'));
    expect(screen.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it('fits a 360 px phone: the members table scrolls on its own, the page does not widen', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      const screen = await mountScreen(new FakeApi());
      await until(() => screen.shadowRoot!.querySelector('tr[data-person]'));
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
