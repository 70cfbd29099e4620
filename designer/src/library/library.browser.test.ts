import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import phq9 from '@careloom/examples/modules/phq-9.json';
import { deep, deepAll, seriousViolations, settle, typeInto, until, workspaceFor } from '../testing/app-fixture.js';
import { FakeApi, PEOPLE } from '../testing/fake-api.js';
import type { ClLibrary } from './library.js';
import './library.js';

async function mountLibrary(fake: FakeApi, person = PEOPLE.designer): Promise<ClLibrary> {
  const workspace = await workspaceFor(fake, person);
  const library = await fixture<ClLibrary>(html`<cl-library .workspace=${workspace}></cl-library>`);
  await until(() => library.loaded);
  await settle(library);
  return library;
}

function rows(library: ClLibrary): string[] {
  return deepAll(library, 'tbody tr').map((row) => row.dataset['id']!);
}

function seed(): FakeApi {
  const fake = new FakeApi();
  fake.addDocument('phq-9', 'PHQ-9 depression', phq9, [{ state: 'released' }], { lastEditedAt: '2026-03-03T00:00:00Z' });
  fake.addDocument('gad-7', 'GAD-7 anxiety', { id: 'gad-7' }, [{ state: 'in_review' }], { lastEditedAt: '2026-03-02T00:00:00Z' });
  fake.addDocument('panic-week-1', 'Panic week 1', { id: 'panic-week-1' }, [], { lastEditedAt: '2026-03-01T00:00:00Z' });
  fake.addDocument('other-org', 'Not ours', {}, [], { organisationId: 'org-other' });
  fake.addExample('phq-9', 'module', 'PHQ-9', phq9);
  fake.addExample('panic-icbt-8-weeks', 'program', 'Panic iCBT', { formatVersion: 1, id: 'panic-icbt-8-weeks' });
  return fake;
}

describe('<cl-library>', () => {
  it('lists the organisation\'s documents with status, last editor and time', async () => {
    const library = await mountLibrary(seed());
    expect(rows(library)).to.deep.equal(['phq-9', 'gad-7', 'panic-week-1']);
    const first = deep(library, 'tr[data-id="phq-9"]')!;
    expect(deep(first, 'cl-status-badge')!.shadowRoot!.textContent).to.contain('Released');
    expect(first.textContent).to.contain('you');
    expect(deep(first, 'time')!.getAttribute('datetime')).to.equal('2026-03-03T00:00:00Z');
    expect(deep<HTMLAnchorElement>(first, 'a')!.getAttribute('href')).to.equal('#/modules/phq-9');
    expect(deepAll<HTMLAnchorElement>(first, 'a').map((a) => a.getAttribute('href'))).to.include('#/modules/phq-9/review');
  });

  it('searches by title and id, and filters by status', async () => {
    const library = await mountLibrary(seed());
    typeInto(deep(library, '#query'), 'anx');
    await settle(library);
    expect(rows(library)).to.deep.equal(['gad-7']);
    typeInto(deep(library, '#query'), 'panic-week');
    await settle(library);
    expect(rows(library)).to.deep.equal(['panic-week-1']);
    typeInto(deep(library, '#query'), '');
    const status = deep<HTMLSelectElement>(library, '#status')!;
    status.value = 'draft';
    status.dispatchEvent(new Event('change'));
    await settle(library);
    expect(rows(library)).to.deep.equal(['panic-week-1']);
    expect(deep(library, '[role=status]')!.textContent).to.contain('1 of 3');
  });

  it('creates a module from an example and asks to open it', async () => {
    const fake = seed();
    fake.documents.delete('phq-9');
    const library = await mountLibrary(fake);
    const create = deep(library, 'cl-create-document')!;
    deep<HTMLInputElement>(create, 'input[name=source][value=example]')!.click();
    await settle(library);
    expect(deepAll<HTMLOptionElement>(create, '#example option').map((option) => option.value)).to.deep.equal(['phq-9']);
    let navigated = '';
    library.addEventListener('cl-navigate', (event) => (navigated = (event as CustomEvent<{ hash: string }>).detail.hash));
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    await until(() => navigated);
    expect(navigated).to.equal('#/modules/phq-9');
    const request = fake.requests.find((candidate) => candidate.method === 'POST' && candidate.path === '/api/modules')!;
    expect(request.body).to.deep.equal({ organisationId: 'org-demo', kind: 'module', id: 'phq-9', example: 'phq-9' });
    expect(request.csrf).to.equal(fake.csrfToken);
  });

  it('suggests a free id when the organisation has the example already, and takes the one typed', async () => {
    const fake = seed();
    fake.addDocument('phq-9-copy', 'An earlier copy', { id: 'phq-9-copy' }, []);
    const library = await mountLibrary(fake);
    const create = deep(library, 'cl-create-document')!;
    deep<HTMLInputElement>(create, 'input[name=source][value=example]')!.click();
    await settle(library);
    const id = deep<HTMLInputElement>(create, '#id')!;
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
    const request = fake.requests.find((candidate) => candidate.method === 'POST' && candidate.path === '/api/modules')!;
    expect(request.body).to.deep.equal({ organisationId: 'org-demo', kind: 'module', id: 'phq-9-short', example: 'phq-9' });
  });

  it('proposes the next free id when the server says the proposed one is taken elsewhere', async () => {
    const fake = seed();
    // Another organisation's document: the library does not list it, the server refuses its id.
    fake.addDocument('phq-9-copy', 'Someone else\'s copy', { id: 'phq-9-copy' }, [], { organisationId: 'org-other' });
    const library = await mountLibrary(fake);
    const create = deep(library, 'cl-create-document')!;
    deep<HTMLInputElement>(create, 'input[name=source][value=example]')!.click();
    await settle(library);
    expect(deep<HTMLInputElement>(create, '#id')!.value).to.equal('phq-9-copy');
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    const alert = await until(() => deep(create, '[role=alert]'));
    expect(alert.textContent).to.contain('The id "phq-9-copy" is not available.');
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
    const fake = seed();
    const library = await mountLibrary(fake);
    const create = deep(library, 'cl-create-document')!;
    deep<HTMLInputElement>(create, 'input[name=source][value=example]')!.click();
    await settle(library);
    typeInto(deep(create, '#id'), '');
    await settle(library);
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    const alert = await until(() => deep(create, '[role=alert]'));
    expect(alert.textContent).to.contain('Give the new document an id.');
    expect(fake.requests.some((request) => request.method === 'POST')).to.equal(false);
  });

  it('shows every problem with its path when an uploaded file is refused', async () => {
    const fake = seed();
    const library = await mountLibrary(fake);
    const create = deep(library, 'cl-create-document')!;
    deep<HTMLInputElement>(create, 'input[name=source][value=upload]')!.click();
    await settle(library);
    const input = deep<HTMLInputElement>(create, '#file')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify({ formatVersion: 99, id: 'future', pages: [] })], 'future.json', { type: 'application/json' }));
    input.files = transfer.files;
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    const alert = await until(() => deep(create, '[role=alert]'));
    await settle(library);
    expect(alert.textContent).to.contain('cannot be upgraded');
    const issues = deep(alert, 'cl-issue-list')!;
    expect(deep(issues, 'code')!.textContent).to.equal('/document/formatVersion');
    expect(await seriousViolations(library)).to.deep.equal([]);
  });

  it('says when an uploaded file is not JSON, without calling the server', async () => {
    const fake = seed();
    const library = await mountLibrary(fake);
    const create = deep(library, 'cl-create-document')!;
    deep<HTMLInputElement>(create, 'input[name=source][value=upload]')!.click();
    await settle(library);
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{ not json'], 'broken.json'));
    deep<HTMLInputElement>(create, '#file')!.files = transfer.files;
    deep<HTMLButtonElement>(create, 'button[type=submit]')!.click();
    const alert = await until(() => deep(create, '[role=alert]'));
    expect(alert.textContent).to.contain('"broken.json" is not JSON');
    expect(fake.requests.some((request) => request.method === 'POST')).to.equal(false);
  });

  it('hides the create form from publishers, passes axe and works from the keyboard', async () => {
    const library = await mountLibrary(seed(), PEOPLE.publisher);
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
