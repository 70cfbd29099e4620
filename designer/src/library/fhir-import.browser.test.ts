import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { deep, deepAll, seriousViolations, settle, signedInWorkspace, startTestServer, until, type TestServer } from '../testing/app-fixture.js';
import { i18n } from '../i18n/i18n.js';
import type { ClLibrary } from './library.js';
import './library.js';

// On a real server with the demo content, signed in as the demo designer.
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  i18n.setLocale('en');
  await setViewport({ width: 800, height: 600 });
  await server.stop();
});

/** A small Questionnaire as others write them: two scored questions, one asking for a file, one computed. */
const QUESTIONNAIRE = {
  resourceType: 'Questionnaire',
  status: 'active',
  name: 'Sleep Check',
  title: 'Sleep check',
  language: 'en',
  item: [
    {
      linkId: 'q1',
      text: 'How often do you wake up at night?',
      type: 'choice',
      required: true,
      answerOption: [
        { valueCoding: { code: 'never', display: 'Never' } },
        { valueCoding: { code: 'often', display: 'Often' } },
      ],
    },
    { linkId: 'photo', text: 'Attach a photo of your sleep diary', type: 'attachment' },
    { linkId: 'q2', text: 'Do you feel rested in the morning?', type: 'boolean' },
    { linkId: 'score', text: 'Sleep score', type: 'decimal', readOnly: true, extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression', valueExpression: { language: 'text/fhirpath', expression: '1 + 1' } }] },
  ],
};

async function mountLibrary(): Promise<ClLibrary> {
  const workspace = await signedInWorkspace(server, 'designer');
  const library = await fixture<ClLibrary>(html`<cl-library .workspace=${workspace}></cl-library>`);
  await until(() => library.loaded);
  await settle(library);
  return library;
}

const importer = (library: ClLibrary) => deep(library, 'cl-fhir-import')!;
const inImporter = <T extends HTMLElement = HTMLElement>(library: ClLibrary, selector: string) => importer(library).shadowRoot!.querySelector<T>(selector);

async function paste(library: ClLibrary, text: string, id = ''): Promise<void> {
  inImporter<HTMLTextAreaElement>(library, '#fhir-text')!.value = text;
  inImporter<HTMLInputElement>(library, '#fhir-id')!.value = id;
  inImporter<HTMLFormElement>(library, 'form')!.requestSubmit();
  await settle(importer(library));
}

describe('<cl-fhir-import> in the library', function () {
  // A real server imports and validates the draft: slow on a busy machine.
  this.timeout(180_000);
  it('imports a pasted Questionnaire, lists what was not carried over by the questions\' own words, and opens the draft', async () => {
    const library = await mountLibrary();
    const navigated: string[] = [];
    library.addEventListener('cl-navigate', (event) => navigated.push((event as CustomEvent<{ hash: string }>).detail.hash));
    await paste(library, JSON.stringify(QUESTIONNAIRE));
    await until(() => inImporter(library, '.done') ?? inImporter(library, '.error'), 60_000);
    expect(inImporter(library, '.error')?.textContent ?? '').to.equal('');
    const done = inImporter(library, '.done')!;
    expect(done.textContent).to.contain('Sleep check was imported as a new draft.');
    const notes = [...importer(library).shadowRoot!.querySelectorAll('.notes li')].map((item) => item.textContent!.trim());
    expect(notes.length).to.be.greaterThan(0);
    // Each question by its words, never by a FHIR link id or a path.
    expect(notes).to.include('“Attach a photo of your sleep diary”: the kind of answer it asks for does not exist in a module; it was left out or asked as text.');
    expect(notes.some((note) => note.startsWith('“Sleep score”: it is calculated in FHIR'))).to.equal(true);
    expect(notes.join(' ')).to.not.match(/\/item|linkId/);
    const posted = server.requests.filter((request) => request.method === 'POST' && request.path === '/api/modules/fhir-import');
    expect(posted).to.have.length(1);
    expect((posted[0]!.body as { id: string }).id).to.equal('sleep-check');
    (deepAll(importer(library), 'button').find((button) => button.textContent === 'Open the draft') as HTMLButtonElement).click();
    await until(() => navigated.length > 0);
    expect(navigated).to.deep.equal(['#/modules/sleep-check']);
    expect(inImporter(library, '.done')).to.equal(null);
  });

  it('says in the designer\'s words what is wrong with what was given, sending nothing it can tell is wrong', async () => {
    const library = await mountLibrary();
    const error = () => inImporter(library, '.error')?.textContent?.trim();
    await paste(library, '');
    expect(error()).to.equal('Choose a Questionnaire file or paste one.');
    await paste(library, '{ not json');
    expect(error()).to.match(/^This is not JSON: /);
    await paste(library, JSON.stringify({ resourceType: 'Patient' }));
    expect(error()).to.equal('This is not a FHIR Questionnaire: its "resourceType" must be "Questionnaire".');
    expect(server.requests.filter((request) => request.path === '/api/modules/fhir-import')).to.have.length(0);
    // The server's refusal of a Questionnaire with nothing to ask, in the same words.
    await paste(library, JSON.stringify({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'x', type: 'attachment', text: 'A file, please' }] }), 'nothing-here');
    await until(() => error(), 60_000);
    expect(error()).to.equal('Nothing in this Questionnaire could be made into questions.');
  });

  it('reads in Swedish and Norwegian, fits a 360 px screen, and has no serious accessibility problems', async () => {
    const library = await mountLibrary();
    i18n.setLocale('sv');
    await settle(importer(library));
    expect(inImporter(library, 'h2')!.textContent).to.equal('Importera ett FHIR-formulär');
    await paste(library, JSON.stringify(QUESTIONNAIRE), 'somn-sv');
    await until(() => inImporter(library, '.done'), 60_000);
    expect(inImporter(library, '.done')!.textContent).to.contain('“Attach a photo of your sleep diary”: den sortens svar finns inte i en modul');
    i18n.setLocale('nb');
    await settle(importer(library));
    expect(inImporter(library, '.done')!.textContent).to.contain('Åpne utkastet');
    await setViewport({ width: 360, height: 740 });
    await settle(importer(library));
    const host = importer(library);
    expect(host.scrollWidth).to.be.at.most(host.clientWidth + 1);
    expect(await seriousViolations(host)).to.deep.equal([]);
  });
});
