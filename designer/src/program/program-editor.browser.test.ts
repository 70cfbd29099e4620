import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Program } from '@careloom/format';
import { yDocToProgram } from '@careloom/format/ydoc';
import copdProgram from '@careloom/examples/programs/copd-home-follow-up.json';
import type { CollabSession } from '../collab/collab-session.js';
import { deep, deepAll, seriousViolations, settle, signedInWorkspace, startTestServer, typeInto, until, type TestServer } from '../testing/app-fixture.js';
import type { ClProgramEditor } from './program-editor.js';
import './program-editor.js';
import { programSessionPair } from './test-helpers.js';

// The modules a program can name come from a real server with the demo (every example released);
// the live doc is a pair of Y.Docs wired to each other in memory.
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.stop();
});

function seed() {
  return { pair: programSessionPair(copdProgram as unknown as Program) };
}

async function mountEditor(session: CollabSession, key = 'designer'): Promise<ClProgramEditor> {
  const workspace = await signedInWorkspace(server, key);
  const editor = await fixture<ClProgramEditor>(html`<cl-program-editor .workspace=${workspace} .session=${session} document-id="copd-home-follow-up"></cl-program-editor>`);
  await until(() => deep(editor, 'fieldset.entry'));
  // The organisation's modules come from the server: the module choices are there once they have.
  await until(() => deepAll<HTMLOptionElement>(editor, '#modules-0-module option').some((option) => option.value === 'phq-9'));
  await settle(editor);
  return editor;
}

const programOf = (session: CollabSession) => yDocToProgram(session.doc) as Program;
const button = (editor: Element, action: string) => deep<HTMLButtonElement>(editor, `[data-action="${action}"]`)!;

describe('<cl-program-editor>', () => {
  it('shows the program from the live doc, the connection state and no problems for a valid program', async () => {
    const { pair } = seed();
    const editor = await mountEditor(pair.anna);
    expect(deep(editor, '[data-connection]')!.textContent).to.contain('Connected');
    expect(deep<HTMLInputElement>(editor, '#program-title-en')!.value).to.equal('COPD home follow-up');
    expect(deep<HTMLInputElement>(editor, '#program-title-sv')!.value).to.equal('Digital hemmonitorering vid KOL');
    expect(deep<HTMLSelectElement>(editor, '#modules-0-module')!.value).to.equal('copd-daily-report');
    expect(deep<HTMLInputElement>(editor, '#registrations-0-deadline')!.value).to.equal('12:00');
    await until(() => deep(editor, 'aside [role=status]')?.textContent?.includes('No problems'));
  });

  it('adds a measurement, edits weeks and version, and the shared doc changes', async () => {
    const { pair } = seed();
    const editor = await mountEditor(pair.anna);
    deep<HTMLButtonElement>(editor, 'button[data-add=measurements]')!.click();
    await until(() => programOf(pair.ben).measurements?.length === 1);
    await settle(editor);
    const module = deep<HTMLSelectElement>(editor, '#measurements-0-module')!;
    module.value = 'phq-9';
    module.dispatchEvent(new Event('change'));
    typeInto(deep(editor, '#measurements-0-weeks'), '1, 4, 8');
    await until(() => programOf(pair.ben).measurements?.[0]?.weeks.length === 3);
    expect(programOf(pair.ben).measurements![0]).to.deep.include({ module: { moduleId: 'phq-9' }, weeks: [1, 4, 8], dueWithinDays: 7 });
    typeInto(deep(editor, '#measurements-0-weeks'), '1, x');
    await settle(editor);
    expect(deep(editor, '#measurements-0-weeks-hint')!.textContent).to.contain('"1, x" is not a list of week numbers');
    expect(programOf(pair.ben).measurements![0]!.weeks).to.deep.equal([1, 4, 8]);
    await until(() => deepAll(editor, '#modules-0-version option').length === 2);
    const version = deep<HTMLSelectElement>(editor, '#modules-0-version')!;
    version.value = '1';
    version.dispatchEvent(new Event('change'));
    await until(() => programOf(pair.ben).modules[0]!.module.version === 1);
  });

  it('lists validation problems live, in the designer\'s words', async () => {
    const { pair } = seed();
    const editor = await mountEditor(pair.anna);
    // Until the scheduled modules' content has come from the server, they count as missing.
    await until(() => deep(editor, 'aside [role=status]')?.textContent?.includes('No problems'));
    typeInto(deep(editor, '#program-weeks'), '0');
    await until(() => deep(editor, 'aside [role=status]')?.textContent?.match(/\d+ problems? to fix/));
    const listed = deepAll(deep(editor, 'aside cl-issue-list')!, 'li').map((item) => item.textContent!.trim());
    expect(listed).to.include('Program details: the length in weeks must be at least 1.');
    expect(listed.join('\n')).not.to.match(/\/|durationWeeks|"/);
    typeInto(deep(editor, '#program-weeks'), '26');
    await until(() => deep(editor, 'aside [role=status]')?.textContent?.includes('No problems'));
  });

  it('edits registrations: weekly on chosen weekdays, reminders, alert when missing', async () => {
    const { pair } = seed();
    const editor = await mountEditor(pair.anna);
    const frequency = deep<HTMLSelectElement>(editor, '#registrations-0-frequency')!;
    frequency.value = 'weekly';
    frequency.dispatchEvent(new Event('change'));
    await until(() => deep(editor, '#registrations-0-day-3'));
    deep<HTMLInputElement>(editor, '#registrations-0-day-3')!.click();
    await until(() => JSON.stringify(programOf(pair.ben).registrations![0]!.weekdays) === '[1,3]');
    deep<HTMLInputElement>(editor, '#registrations-0-reminder-0-email')!.click();
    await until(() => JSON.stringify(programOf(pair.ben).registrations![0]!.reminders) === '[{"minutesBefore":60,"channels":["app"]}]');
    expect(await seriousViolations(editor)).to.deep.equal([]);
  });

  it('shows a collaborator\'s edit, and keeps offline edits until the connection returns', async () => {
    const { pair } = seed();
    const editor = await mountEditor(pair.anna);
    pair.ben.transact(() => pair.ben.doc.getMap('program').set('durationWeeks', 30));
    await until(() => deep<HTMLInputElement>(editor, '#program-weeks')?.value === '30');
    pair.pause();
    await until(() => deep(editor, '[data-connection]')!.textContent!.includes('Offline'));
    typeInto(deep(editor, '#program-weeks'), '20');
    await settle(editor);
    expect(programOf(pair.ben).durationWeeks).to.equal(30);
    pair.resume();
    await until(() => programOf(pair.ben).durationWeeks === 20);
    await settle(editor);
    expect(deep(editor, '[data-connection]')!.textContent).to.contain('Connected');
  });

  it('is read-only for publishers', async () => {
    const { pair } = seed();
    const editor = await mountEditor(pair.anna, 'publisher');
    expect(deep<HTMLInputElement>(editor, '#program-weeks')!.disabled).to.equal(true);
    expect(deep<HTMLTextAreaElement>(editor, '#program-summary-en')!.disabled).to.equal(true);
    expect(deep(editor, 'button[data-add]')).to.equal(null);
    expect(deep(editor, '[data-action="undo"]')).to.equal(null);
    expect(deep(editor, '#new-tag')).to.equal(null);
    expect(editor.shadowRoot!.textContent).to.contain('Read only');
  });

  it('passes axe and adds an entry from the keyboard, focusing it', async () => {
    const { pair } = seed();
    const editor = await mountEditor(pair.anna);
    expect(await seriousViolations(editor)).to.deep.equal([]);
    deep<HTMLButtonElement>(editor, 'button[data-add=modules]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => programOf(pair.ben).modules.length === 2);
    await until(() => editor.shadowRoot!.activeElement?.id === 'modules-1-key');
    await sendKeys({ press: 'Tab' });
    expect(editor.shadowRoot!.activeElement?.id).to.equal('modules-1-module');
  });
});

describe('<cl-program-editor> program fields', () => {
  it('edits the summary side by side per language, and the other editor sees it', async () => {
    const { pair } = seed();
    const anna = await mountEditor(pair.anna);
    const ben = await mountEditor(pair.ben);
    const columns = deepAll<HTMLTextAreaElement>(anna, 'textarea[id^="program-summary-"]');
    expect(columns.map((area) => area.lang)).to.deep.equal(['en', 'sv']);
    typeInto(deep(anna, '#program-summary-sv'), 'Dagliga rapporter hemifrån.');
    await until(() => programOf(pair.ben).summary?.['sv'] === 'Dagliga rapporter hemifrån.');
    await until(() => deep<HTMLTextAreaElement>(ben, '#program-summary-sv')?.value === 'Dagliga rapporter hemifrån.');
    expect(programOf(pair.ben).summary?.['en']).to.equal(copdProgram.summary.en);
  });

  it('adds and removes tags, rejecting a duplicate, and the other editor sees them', async () => {
    const { pair } = seed();
    const anna = await mountEditor(pair.anna);
    const ben = await mountEditor(pair.ben);
    typeInto(deep(anna, '#new-tag'), 'telemonitoring');
    deep<HTMLFormElement>(anna, 'form[data-role="add-tag"]')!.requestSubmit();
    await until(() => programOf(pair.ben).tags?.includes('telemonitoring'));
    await until(() => deep(ben, 'li[data-tag="telemonitoring"]'));
    typeInto(deep(anna, '#new-tag'), 'copd');
    deep<HTMLFormElement>(anna, 'form[data-role="add-tag"]')!.requestSubmit();
    await settle(anna);
    expect(deep(anna, '#tag-error')!.textContent).to.contain('“copd” is already there');
    expect(programOf(pair.ben).tags!.filter((tag) => tag === 'copd')).to.have.length(1);
    deep<HTMLButtonElement>(ben, 'li[data-tag="copd"] button[data-action="remove-tag"]')!.click();
    await until(() => !programOf(pair.anna).tags?.includes('copd'));
    await until(() => !deep(anna, 'li[data-tag="copd"]'));
    expect(programOf(pair.anna).tags).to.deep.equal(['home-follow-up', 'telemonitoring']);
  });

  it('adds a language (new columns appear), changes the default, and removes a language with its translations', async () => {
    const { pair } = seed();
    const anna = await mountEditor(pair.anna);
    typeInto(deep(anna, '#new-language'), 'NB');
    deep<HTMLFormElement>(anna, 'form[data-role="add-language"]')!.requestSubmit();
    await until(() => deep(anna, '#program-summary-nb'));
    expect(programOf(pair.ben).languages).to.deep.equal(['en', 'sv', 'nb']);
    typeInto(deep(anna, '#program-title-nb'), 'Digital hjemmeoppfølging ved KOLS');
    await until(() => programOf(pair.ben).title['nb'] === 'Digital hjemmeoppfølging ved KOLS');
    const select = deep<HTMLSelectElement>(anna, '#program-default-language')!;
    select.value = 'sv';
    select.dispatchEvent(new Event('change'));
    await until(() => programOf(pair.ben).defaultLanguage === 'sv');
    await settle(anna);
    expect(deep<HTMLButtonElement>(anna, 'li[data-language="sv"] button[data-action="remove-language"]')!.disabled).to.equal(true);
    deep<HTMLButtonElement>(anna, 'li[data-language="en"] button[data-action="remove-language"]')!.click();
    await until(() => !programOf(pair.ben).languages.includes('en'));
    expect(programOf(pair.ben).title['en']).to.equal(undefined);
    expect(programOf(pair.ben).summary?.['en']).to.equal(undefined);
    await until(() => deep(anna, '[data-role="announcer"]')?.textContent?.includes('removed with 2 translations'));
    expect(deep(anna, '#program-summary-en')).to.equal(null);
  });

  it('refuses a malformed language tag with a message', async () => {
    const { pair } = seed();
    const anna = await mountEditor(pair.anna);
    typeInto(deep(anna, '#new-language'), 'swedish');
    deep<HTMLFormElement>(anna, 'form[data-role="add-language"]')!.requestSubmit();
    await settle(anna);
    expect(deep(anna, '#language-error')!.textContent).to.contain('“swedish” is not a language tag');
    expect(deep<HTMLInputElement>(anna, '#new-language')!.getAttribute('aria-invalid')).to.equal('true');
    expect(programOf(pair.ben).languages).to.deep.equal(['en', 'sv']);
  });
});

describe('two designers editing the same program', () => {
  it('show the other editor\'s avatar and the section and entry they are on', async () => {
    const { pair } = seed();
    const anna = await mountEditor(pair.anna);
    const ben = await mountEditor(pair.ben);
    expect(deep(anna, '.avatar')!.getAttribute('aria-label')).to.equal('Ben Berg, in the program');
    deep<HTMLInputElement>(ben, '#registrations-0-deadline')!.focus();
    await until(() => deep(anna, '.avatar')?.getAttribute('aria-label') === 'Ben Berg, on Registrations: copdDaily');
    expect(deep(anna, '.avatar')!.textContent).to.equal('BB');
    expect(deep(anna, 'fieldset[data-list="registrations"] .peer')!.textContent).to.contain('Ben Berg');
    expect(deep(anna, 'fieldset[data-list="modules"] .peer')).to.equal(null);
    deep<HTMLTextAreaElement>(ben, '#program-summary-sv')!.focus();
    await until(() => deep(anna, '.avatar')?.getAttribute('aria-label') === 'Ben Berg, on Program');
    expect(deep(anna, 'section[data-section="general"] .peer')!.textContent).to.contain('Ben Berg');
    expect(deep(ben, '.avatar')!.getAttribute('aria-label')).to.equal('Anna Lind, in the program');
    expect(await seriousViolations(anna)).to.deep.equal([]);
  });

  it('undo only their own edits, from the button and from Ctrl+Z; redo brings it back', async () => {
    const { pair } = seed();
    const anna = await mountEditor(pair.anna);
    const ben = await mountEditor(pair.ben);
    expect(button(anna, 'undo').disabled).to.equal(true);
    typeInto(deep(anna, '#program-weeks'), '30');
    await until(() => programOf(pair.ben).durationWeeks === 30);
    pair.anna.undoManager.stopCapturing();
    typeInto(deep(ben, '#program-summary-en'), 'Written by Ben.');
    await until(() => programOf(pair.anna).summary?.['en'] === 'Written by Ben.');
    await settle(anna);
    button(anna, 'undo').click();
    await until(() => programOf(pair.ben).durationWeeks === copdProgram.durationWeeks);
    expect(programOf(pair.ben).summary?.['en']).to.equal('Written by Ben.');
    await until(() => deep<HTMLInputElement>(ben, '#program-weeks')?.value === String(copdProgram.durationWeeks));
    await settle(anna);
    expect(button(anna, 'redo').disabled).to.equal(false);
    button(anna, 'redo').click();
    await until(() => programOf(pair.ben).durationWeeks === 30);

    // Ben's Ctrl+Z takes back his summary, not Anna's length.
    deep<HTMLTextAreaElement>(ben, '#program-summary-en')!.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await until(() => programOf(pair.anna).summary?.['en'] === copdProgram.summary.en);
    expect(programOf(pair.anna).durationWeeks).to.equal(30);
    await until(() => deep<HTMLTextAreaElement>(ben, '#program-summary-en')?.value === copdProgram.summary.en);
    await sendKeys({ down: 'Control' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Z' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ up: 'Control' });
    await until(() => programOf(pair.anna).summary?.['en'] === 'Written by Ben.');
  });
});

describe('<cl-program-editor> when the server stops the connection', () => {
  it('turns read-only and says why (4423: may now only read; 4413: last change too large)', async () => {
    const { pair } = seed();
    const editor = await mountEditor(pair.anna);
    expect(deepAll(editor, '[data-action="undo"]')).to.have.length(1);
    pair.anna.stop('read-only');
    await settle(editor);
    expect(deep(editor, '[data-connection]')!.textContent).to.equal('Not connected');
    expect(deep(editor, '[role="alert"]')!.textContent).to.contain('You can now only read this draft');
    expect(deepAll(editor, '[data-action="undo"]')).to.have.length(0);
    expect(deepAll(editor, 'button[data-add]')).to.have.length(0);
    expect(deep<HTMLInputElement>(editor, '#program-title-en')!.readOnly || deep<HTMLInputElement>(editor, '#program-title-en')!.disabled).to.equal(true);

    const other = seed();
    const second = await mountEditor(other.pair.ben);
    other.pair.ben.stop('too-large');
    await settle(second);
    expect(deep(second, '[role="alert"]')!.textContent).to.contain('Your last change could not be saved: it is larger than the server accepts.');
  });
});
