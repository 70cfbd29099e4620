import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type * as Y from 'yjs';
import { moduleToYDoc, yDocToModule } from '@careloom/format/ydoc';
import { localSession } from '../collab/collab-session.js';
import type { ClModuleEditor } from './module-editor.js';
import { deep, deepAll, mountEditor, panicWeek1, seriousViolations, sessionPair, settle, typeInto } from './test-helpers.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };
type Meta = { title: Record<string, string>; languages: string[]; defaultLanguage: string; tags?: string[]; authors?: Array<Record<string, string>>; estimatedMinutes?: number; summary?: Record<string, string>; targetGroup?: Record<string, string>; pages: Array<{ title: Record<string, string> }> };

async function openDetails(editor: ClModuleEditor): Promise<HTMLElement> {
  deep<HTMLButtonElement>(editor, '[data-action="module-details"]').click();
  await settle(editor);
  return deep(editor, 'cl-module-details');
}

/** The input of a translated field of the details screen in one language. */
function textInput(details: HTMLElement, field: string, language: string): HTMLInputElement | HTMLTextAreaElement {
  const host = [...details.shadowRoot!.querySelectorAll<HTMLElement>(`[data-field="${field}"] cl-text-field`)].find((element) => element.getAttribute('lang') === language);
  if (!host) throw new Error(`No ${field} input in ${language}`);
  return host.shadowRoot!.querySelector('input, textarea')!;
}

function labelled(root: ShadowRoot, text: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text);
  if (!label) throw new Error(`No label ${text}`);
  return root.getElementById(label.htmlFor) as HTMLInputElement;
}

async function submit(details: HTMLElement, role: string, value: string): Promise<void> {
  const form = details.shadowRoot!.querySelector<HTMLFormElement>(`form[data-role="${role}"]`)!;
  typeInto(form.querySelector('input')!, value);
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await settle(details);
}

describe('<cl-module-details>', () => {
  it('writes details into the draft as small edits that a second editor shows', async () => {
    const pair = sessionPair(panicWeek1);
    const annaEditor = await mountEditor(pair.anna);
    const benEditor = await mountEditor(pair.ben);
    const details = await openDetails(annaEditor);
    expect(deep(annaEditor, '[data-action="module-details"]').getAttribute('aria-current')).to.equal('page');
    expect(labelled(details.shadowRoot!, 'Module id').readOnly).to.equal(true);
    expect(labelled(details.shadowRoot!, 'Module id').value).to.equal('panic-week-1');

    const titleOf = (doc: Y.Doc) => (doc.getMap('module').get('title') as Y.Map<unknown>).get('sv');
    const svTitle = titleOf(pair.ben.doc);
    typeInto(textInput(details, 'title', 'sv'), 'Vecka 1: Förstå panik');
    typeInto(textInput(details, 'targetGroup', 'en'), 'Adults with panic disorder');
    typeInto(labelled(details.shadowRoot!, 'Estimated time in minutes'), '50');
    await submit(details, 'add-tag', 'breathing');
    deepAll<HTMLButtonElement>(details, 'button[aria-label="Remove tag week-1"]')[0]!.click();
    await settle(annaEditor);
    const addAuthor = [...details.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.add')].find((button) => button.textContent === 'Add author')!;
    addAuthor.click();
    await settle(annaEditor);
    const authorNames = [...details.shadowRoot!.querySelectorAll('label')].filter((label) => label.textContent === 'Name');
    typeInto(details.shadowRoot!.getElementById(authorNames[1]!.htmlFor) as HTMLInputElement, 'Eva Ek');
    await settle(annaEditor);

    const seen = yDocToModule(pair.ben.doc) as Meta;
    expect(seen.title['sv']).to.equal('Vecka 1: Förstå panik');
    expect(seen.title['en']).to.equal(panicWeek1.title['en']);
    expect(seen.targetGroup!['en']).to.equal('Adults with panic disorder');
    expect(seen.estimatedMinutes).to.equal(50);
    expect(seen.tags).to.deep.equal(['panic', 'psychoeducation', 'icbt', 'breathing']);
    expect(seen.authors!.map((author) => author.name)).to.deep.equal(['Careloom clinical content group', 'Eva Ek']);
    // The title is a Y.Text edited in place, not a replaced value.
    expect(titleOf(pair.ben.doc)).to.equal(svTitle);

    const benDetails = await openDetails(benEditor);
    await settle(benEditor);
    expect(textInput(benDetails, 'title', 'sv').value).to.equal('Vecka 1: Förstå panik');
    expect(labelled(benDetails.shadowRoot!, 'Estimated time in minutes').value).to.equal('50');
    expect([...benDetails.shadowRoot!.querySelectorAll('ul.tags li span')].map((span) => span.textContent)).to.deep.equal(['panic', 'psychoeducation', 'icbt', 'breathing']);
    // Ben's undo does not take back Anna's edits.
    expect(pair.ben.undoManager.undoStack).to.have.length(0);
  });

  it('adds a language: every text gets an input for it and validation lists the missing translations', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    const details = await openDetails(editor);
    await submit(details, 'add-language', 'XX-1');
    expect(details.shadowRoot!.querySelector('#language-error')!.textContent).to.contain('is not a language tag');
    await submit(details, 'add-language', 'sv');
    expect(details.shadowRoot!.querySelector('#language-error')!.textContent).to.contain('already one of the languages');
    await submit(details, 'add-language', 'NB');
    expect((yDocToModule(session.doc) as Meta).languages).to.deep.equal(['en', 'sv', 'nb']);
    expect(textInput(details, 'title', 'nb').value).to.equal('');
    expect(deep(editor, '[data-role="announcer"]').textContent).to.contain('added');

    editor.validateNow();
    await settle(editor);
    const missing = editor.problems.filter((problem) => problem.code === 'translation.missing');
    expect(missing.map((problem) => problem.path)).to.include.members(['/title', '/pages/0/title', '/pages/0/blocks/1/prompt']);
    // The canvas shows the new language beside the others.
    deepAll<HTMLButtonElement>(editor, 'button.page')[0]!.click();
    await settle(editor);
    const prompts = deepAll(deep(editor, 'section.block[data-block-id="hadAttackLastWeek"]'), 'cl-text-field').map((field) => field.getAttribute('lang'));
    expect(prompts).to.include('nb');

    // Writing the translation takes its problem away.
    const detailsAgain = await openDetails(editor);
    typeInto(textInput(detailsAgain, 'title', 'nb'), 'Uke 1');
    editor.validateNow();
    expect(editor.problems.some((problem) => problem.code === 'translation.missing' && problem.path === '/title')).to.equal(false);
  });

  it('removes a language only after a warning, drops its translations, and undoes that in one step', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    const details = await openDetails(editor);
    const root = details.shadowRoot!;
    const removeDefault = root.querySelector<HTMLButtonElement>('button[data-action="remove-language"][data-language="en"]')!;
    expect(removeDefault.disabled).to.equal(true);
    root.querySelector<HTMLButtonElement>('button[data-action="remove-language"][data-language="sv"]')!.click();
    await settle(editor);
    const warning = root.querySelector('[data-role="confirm-remove"]')!;
    expect(warning.getAttribute('role')).to.equal('alert');
    expect(warning.textContent).to.match(/drops its \d+ translations/);
    expect(root.activeElement?.getAttribute('data-action')).to.equal('confirm-remove');
    // Nothing is removed before the designer confirms.
    expect((yDocToModule(session.doc) as Meta).languages).to.deep.equal(['en', 'sv']);
    root.querySelector<HTMLButtonElement>('[data-action="confirm-remove"]')!.click();
    await settle(editor);
    const after = yDocToModule(session.doc) as Meta;
    expect(after.languages).to.deep.equal(['en']);
    expect(Object.keys(after.title)).to.deep.equal(['en']);
    expect(after.pages.every((page) => Object.keys(page.title).join() === 'en')).to.equal(true);
    editor.validateNow();
    expect(editor.problems.filter((problem) => problem.code.startsWith('translation.'))).to.deep.equal([]);

    root.querySelector<HTMLButtonElement>('[data-action="undo-remove-language"]')!.click();
    await settle(editor);
    expect(yDocToModule(session.doc)).to.deep.equal(yDocToModule(moduleToYDoc(panicWeek1)));
  });

  it('picks the default language among the declared ones', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    const details = await openDetails(editor);
    const select = labelled(details.shadowRoot!, 'Default language') as unknown as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).to.deep.equal(['en', 'sv']);
    select.value = 'sv';
    select.dispatchEvent(new Event('change'));
    await settle(editor);
    expect((yDocToModule(session.doc) as Meta).defaultLanguage).to.equal('sv');
    expect(details.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="remove-language"][data-language="en"]')!.disabled).to.equal(false);
  });

  it('a problem with the module itself opens the details screen', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    const details = await openDetails(editor);
    typeInto(textInput(details, 'title', 'sv'), '');
    deepAll<HTMLButtonElement>(editor, 'button.page')[1]!.click();
    editor.validateNow();
    await settle(editor);
    expect(deepAll(editor, 'cl-module-details')).to.have.length(0);
    const problem = deepAll<HTMLButtonElement>(deep(editor, 'cl-validation-panel'), 'li button').find((button) => button.dataset['path']?.startsWith('/title'))!;
    problem.click();
    await settle(editor);
    expect(deepAll(editor, 'cl-module-details')).to.have.length(1);
  });

  it('is keyboard operable: a tag is added with Enter', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    const details = await openDetails(editor);
    details.shadowRoot!.querySelector<HTMLInputElement>('#new-tag')!.focus();
    await sendKeys({ type: 'exposure' });
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    expect((yDocToModule(session.doc) as Meta).tags).to.include('exposure');
    expect(details.shadowRoot!.activeElement?.id).to.equal('new-tag');
  });

  it('has no serious or critical accessibility violations', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    const details = await openDetails(editor);
    details.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="remove-language"][data-language="sv"]')!.click();
    await submit(details, 'add-language', 'not a tag');
    expect(await seriousViolations(editor)).to.deep.equal([]);
  });
});
