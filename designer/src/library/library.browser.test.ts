import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deep, deepAll, seriousViolations, settle, signedInWorkspace, startTestServer, typeInto, until, type TestServer } from '../testing/app-fixture.js';
import type { Workspace } from '../app/workspace.js';
import type * as Y from 'yjs';
import { editDraft } from '@careloom/renderer/test-live-draft';
import { i18n } from '../i18n/i18n.js';
import type { ClLibrary } from './library.js';
import './library.js';

// On a real server with the demo content: every example module and program released by the demo
// publisher in "Careloom Demo Publishing", written by "Careloom examples", a person nobody signs in as.
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.stop();
});

async function mountLibrary(key = 'designer'): Promise<{ library: ClLibrary; workspace: Workspace }> {
  const workspace = await signedInWorkspace(server, key);
  const library = await fixture<ClLibrary>(html`<cl-library .workspace=${workspace}></cl-library>`);
  await until(() => library.loaded);
  await settle(library);
  return { library, workspace };
}

function rows(library: ClLibrary): string[] {
  return deepAll(library, 'tbody tr').map((row) => row.dataset['id']!);
}

/** Opens the create form with the "New" button at the top of the library. */
async function openCreate(library: ClLibrary): Promise<HTMLElement> {
  deep<HTMLButtonElement>(library, 'button[data-action=new]')!.click();
  await settle(library);
  return deep(library, 'cl-create-document')!;
}

/** What the library posted to create a document, as the server received it. */
function createRequests() {
  return server.requests.filter((candidate) => candidate.method === 'POST' && candidate.path === '/api/modules');
}

describe('<cl-library>', () => {
  it('lists the organisation\'s documents with status, last editor and time, newest edit first', async () => {
    const { library, workspace } = await mountLibrary();
    const documents = await workspace.api.listDocuments();
    expect(documents.length).to.equal(14);
    const newestFirst = [...documents].sort((a, b) => b.lastEditedAt.localeCompare(a.lastEditedAt) || a.title.localeCompare(b.title)).map((document) => document.id);
    expect([...rows(library)].sort()).to.deep.equal([...newestFirst].sort());
    expect(rows(library)[0]).to.equal(newestFirst[0]);
    const phq9 = documents.find((document) => document.id === 'phq-9')!;
    const first = deep(library, 'tr[data-id="phq-9"]')!;
    expect(deep(first, 'cl-status-badge')!.shadowRoot!.textContent).to.contain('Released');
    expect(first.textContent).to.contain('Careloom examples');
    expect(deep(first, 'time')!.getAttribute('datetime')).to.equal(phq9.lastEditedAt);
    expect(deep<HTMLAnchorElement>(first, 'a')!.getAttribute('href')).to.equal('#/modules/phq-9');
    expect(deepAll<HTMLAnchorElement>(first, 'a').map((a) => a.getAttribute('href'))).to.include('#/modules/phq-9/review');
  });

  it('names the examples\' author, not the demo designer who never edited them, in the interface language, and "you" once they do', async function () {
    this.timeout(120_000);
    const { library, workspace } = await mountLibrary();
    // The fourth cell: "Last edited", the person and the time.
    const editor = () => deepAll(deep(library, 'tr[data-id="gad-7"]')!, 'td')[3]!.textContent!.replace(/\s+/g, ' ').trim();
    expect(editor()).to.match(/^Careloom examples /);
    expect(editor()).not.to.contain('you');
    expect(editor()).not.to.contain('Dana Designer');
    try {
      i18n.setLocale('sv');
      await settle(library);
      expect(editor()).to.match(/^Careloom-exempel /);
      i18n.setLocale('nb');
      await settle(library);
      expect(editor()).to.match(/^Careloom-eksempler /);
    } finally {
      i18n.setLocale('en');
    }
    // The demo designer edits the example's draft, as the editor does: now it was them.
    const jar = 'designer-editing';
    await server.signIn(jar, 'designer');
    await editDraft(
      server,
      jar,
      'gad-7',
      (doc) => {
        const title = (doc.getMap('module').get('title') as Y.Map<Y.Text>).get('en')!;
        title.insert(title.length, ' (edited)');
      },
      (draft) => (draft.content['title'] as Record<string, string>)['en']!.endsWith(' (edited)'),
    );
    const mounted = await fixture<ClLibrary>(html`<cl-library .workspace=${workspace}></cl-library>`);
    await until(() => mounted.loaded && deep(mounted, 'tr[data-id="gad-7"]'));
    await settle(mounted);
    const row = deep(mounted, 'tr[data-id="gad-7"]')!;
    expect(deepAll(row, 'td')[3]!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^you /);
  });

  it('opens the create form from a "New" button at the top, suggests the id from the title and starts in the interface language', async () => {
    const { library, workspace } = await mountLibrary();
    // The button comes before the list; the form is not there until it is pressed.
    const button = deep<HTMLButtonElement>(library, 'button[data-action=new]')!;
    expect(button.getBoundingClientRect().top).to.be.below(deep(library, 'table')!.getBoundingClientRect().top);
    expect(deep(library, 'cl-create-document')).to.equal(null);
    const create = await openCreate(library);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(create.getBoundingClientRect().top).to.be.below(deep(library, 'table')!.getBoundingClientRect().top);
    // The focus moves into the form.
    expect(create.shadowRoot!.activeElement?.getAttribute('name')).to.equal('kind');
    expect(deep<HTMLSelectElement>(create, '#language')!.value).to.equal('en');
    typeInto(deep(create, '#title'), 'Sömn och återhämtning');
    await settle(create);
    expect(deep<HTMLInputElement>(create, '#id')!.value).to.equal('somn-och-aterhamtning');
    // A typed id is kept while the title changes.
    typeInto(deep(create, '#id'), 'sleep-recovery');
    typeInto(deep(create, '#title'), 'Sleep and recovery');
    await settle(create);
    expect(deep<HTMLInputElement>(create, '#id')!.value).to.equal('sleep-recovery');
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    await until(() => createRequests().length === 1);
    expect(createRequests()[0]!.body).to.deep.equal({ organisationId: workspace.organisationId, kind: 'module', id: 'sleep-recovery', title: 'Sleep and recovery', language: 'en' });
  });

  it('suggests a free id from a title an example already has, and starts in Swedish in a Swedish interface', async () => {
    i18n.setLocale('sv');
    try {
      const { library } = await mountLibrary();
      const create = await openCreate(library);
      expect(deep<HTMLSelectElement>(create, '#language')!.value).to.equal('sv');
      expect(deep(create, 'label[for=language]')!.textContent).to.equal('Innehållets språk');
      typeInto(deep(create, '#title'), 'PHQ 9');
      await settle(create);
      expect(deep<HTMLInputElement>(create, '#id')!.value).to.equal('phq-9-copy');
    } finally {
      i18n.setLocale('en');
    }
  });

  it('searches by title and id, and filters by status', async () => {
    await server.signIn('arrange', 'designer');
    await server.call('arrange', 'POST', '/api/modules', { kind: 'module', id: 'sleep-diary', title: 'Sleep diary', language: 'en' });
    const { library } = await mountLibrary();
    typeInto(deep(library, '#query'), 'anx');
    await settle(library);
    expect(rows(library)).to.deep.equal(['gad-7']);
    typeInto(deep(library, '#query'), 'panic-week-1');
    await settle(library);
    expect(rows(library)).to.deep.equal(['panic-week-1']);
    typeInto(deep(library, '#query'), '');
    const status = deep<HTMLSelectElement>(library, '#status')!;
    status.value = 'draft';
    status.dispatchEvent(new Event('change'));
    await settle(library);
    expect(rows(library)).to.deep.equal(['sleep-diary']);
    expect(deep(library, '[role=status]')!.textContent).to.contain('1 of 15');
  });

  it('suggests a free id when the organisation has the example already, creates it, and asks to open it', async () => {
    await server.signIn('arrange', 'designer');
    await server.call('arrange', 'POST', '/api/modules', { kind: 'module', id: 'phq-9-copy', example: 'phq-9' });
    const { library, workspace } = await mountLibrary();
    const create = await openCreate(library);
    deep<HTMLInputElement>(create, 'input[name=source][value=example]')!.click();
    await settle(library);
    expect(deepAll<HTMLOptionElement>(create, '#example option').map((option) => option.value)).to.include('phq-9');
    const id = deep<HTMLInputElement>(create, '#id')!;
    expect(deep<HTMLSelectElement>(create, '#example')!.value).to.equal('activity-registration');
    const example = deep<HTMLSelectElement>(create, '#example')!;
    example.value = 'phq-9';
    example.dispatchEvent(new Event('change'));
    await settle(library);
    expect(id.value).to.equal('phq-9-copy-2');
    expect(id.required).to.equal(true);
    expect(deep(create, 'label[for=id]')!.textContent).to.equal('Id');
    expect(await seriousViolations(library)).to.deep.equal([]);

    id.focus();
    id.select();
    await sendKeys({ type: 'phq-9-short' });
    await settle(library);
    let navigated = '';
    library.addEventListener('cl-navigate', (event) => (navigated = (event as CustomEvent<{ hash: string }>).detail.hash));
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    await until(() => navigated);
    expect(navigated).to.equal('#/modules/phq-9-short');
    expect(createRequests().map((request) => request.body)).to.deep.equal([{ organisationId: workspace.organisationId, kind: 'module', id: 'phq-9-short', example: 'phq-9' }]);
    expect(createRequests()[0]!.csrf).to.equal(workspace.session.csrfToken);
    const created = (await workspace.api.listDocuments()).find((document) => document.id === 'phq-9-short')!;
    expect(created.latestVersion).to.equal(null);
  });

  it('proposes the next free id when the server says the proposed one is taken since the list was read', async () => {
    const { library } = await mountLibrary();
    const create = await openCreate(library);
    deep<HTMLInputElement>(create, 'input[name=source][value=example]')!.click();
    await settle(library);
    const example = deep<HTMLSelectElement>(create, '#example')!;
    example.value = 'phq-9';
    example.dispatchEvent(new Event('change'));
    await settle(library);
    expect(deep<HTMLInputElement>(create, '#id')!.value).to.equal('phq-9-copy');
    // Someone else takes the id after the library listed the documents: only the server knows.
    await server.signIn('colleague', 'designer');
    await server.call('colleague', 'POST', '/api/modules', { kind: 'module', id: 'phq-9-copy', example: 'phq-9' });
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    const alert = await until(() => deep(create, '[role=alert]'));
    expect(alert.textContent).to.contain('The id “phq-9-copy” is already taken. The id field now suggests a free one.');
    expect(alert.textContent).not.to.match(/organisation/i);
    await settle(library);
    expect(deep<HTMLInputElement>(create, '#id')!.value).to.equal('phq-9-copy-2');
    let navigated = '';
    library.addEventListener('cl-navigate', (event) => (navigated = (event as CustomEvent<{ hash: string }>).detail.hash));
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    await until(() => navigated);
    expect(navigated).to.equal('#/modules/phq-9-copy-2');
  });

  it('refuses to create from an example without an id, without calling the server', async () => {
    const { library } = await mountLibrary();
    const create = await openCreate(library);
    deep<HTMLInputElement>(create, 'input[name=source][value=example]')!.click();
    await settle(library);
    typeInto(deep(create, '#id'), '');
    await settle(library);
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    const alert = await until(() => deep(create, '[role=alert]'));
    expect(alert.textContent).to.contain('Give the new document an id.');
    expect(createRequests()).to.deep.equal([]);
  });

  it('shows each problem of an uploaded file once, in a sentence that names its place, without JSON paths', async () => {
    const { library } = await mountLibrary();
    const create = await openCreate(library);
    deep<HTMLInputElement>(create, 'input[name=source][value=upload]')!.click();
    await settle(library);
    const input = deep<HTMLInputElement>(create, '#file')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify({ formatVersion: 99, id: 'future', pages: [] })], 'future.json', { type: 'application/json' }));
    input.files = transfer.files;
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    const alert = await until(() => deep(create, '[role=alert]'));
    await settle(library);
    expect(alert.textContent).to.contain('The document uses format version 99');
    expect(alert.textContent).not.to.contain('/document');
    expect(deepAll(alert, 'code')).to.have.length(0);
    expect(await seriousViolations(library)).to.deep.equal([]);
  });

  it('words a refused id in the designer\'s language, once, without the field\'s path', async () => {
    const { library } = await mountLibrary();
    const create = await openCreate(library);
    deep<HTMLInputElement>(create, 'input[name=source][value=example]')!.click();
    await settle(library);
    typeInto(deep(create, '#id'), 'Bad Id');
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    const alert = await until(() => deep(create, '[role=alert]'));
    await settle(library);
    expect(alert.textContent!.trim()).to.equal('The id “Bad Id” cannot be used: an id has 2 to 64 lower-case letters, digits and “-”, without spaces.');
    expect(alert.textContent).not.to.contain('/id');
  });

  it('says when an uploaded file is not JSON, without calling the server', async () => {
    const { library } = await mountLibrary();
    const create = await openCreate(library);
    deep<HTMLInputElement>(create, 'input[name=source][value=upload]')!.click();
    await settle(library);
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{ not json'], 'broken.json'));
    deep<HTMLInputElement>(create, '#file')!.files = transfer.files;
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    const alert = await until(() => deep(create, '[role=alert]'));
    expect(alert.textContent).to.contain('"broken.json" is not JSON');
    expect(createRequests()).to.deep.equal([]);
  });

  it('hides the create form from publishers, passes axe and works from the keyboard', async () => {
    const { library } = await mountLibrary('publisher');
    expect(deep(library, 'cl-create-document')).to.equal(null);
    expect(await seriousViolations(library)).to.deep.equal([]);
    deep<HTMLInputElement>(library, '#query')!.focus();
    await sendKeys({ type: 'gad' });
    await settle(library);
    expect(rows(library)).to.deep.equal(['gad-7']);
    await sendKeys({ press: 'Tab' });
    expect(library.shadowRoot!.activeElement?.id).to.equal('status');
  });
});

describe('the review inbox', () => {
  /** gad-7 copied as a new module and submitted by the demo designer: a version waiting for a publisher. */
  async function submitted(id: string): Promise<void> {
    await server.signIn('author', 'designer');
    await server.call('author', 'POST', '/api/modules', { kind: 'module', id, example: 'gad-7' });
    await server.call('author', 'POST', `/api/modules/${id}/versions`, { changeNote: 'First version' });
  }

  it('lists for a publisher the versions waiting for them, newest first, each linking to its review', async () => {
    await submitted('anxiety-older');
    await submitted('anxiety-newer');
    const { library } = await mountLibrary('publisher');
    const entries = deepAll(library, '.inbox li');
    expect(entries.map((entry) => entry.dataset['id'])).to.deep.equal(['anxiety-newer', 'anxiety-older']);
    expect(entries[0]!.textContent).to.contain('Start the review');
    expect(deep<HTMLAnchorElement>(entries[0]!, 'a')!.getAttribute('href')).to.equal('#/modules/anxiety-newer/review');
    expect(await seriousViolations(library)).to.deep.equal([]);
  });

  it('lists for a tester what is approved for test, and shows a designer no inbox', async () => {
    await submitted('anxiety-test');
    await server.signIn('reviewer', 'publisher');
    await server.call('reviewer', 'POST', '/api/modules/anxiety-test/versions/1/transitions', { action: 'start_review' });
    await server.call('reviewer', 'POST', '/api/modules/anxiety-test/versions/1/transitions', { action: 'approve_for_test' });
    const { library } = await mountLibrary('tester');
    expect(deepAll(library, '.inbox li').map((entry) => [entry.dataset['id'], entry.dataset['reason']])).to.deep.equal([['anxiety-test', 'test']]);
    const designer = await mountLibrary('designer');
    expect(deepAll(designer.library, '.inbox')).to.have.length(0);
  });
});
