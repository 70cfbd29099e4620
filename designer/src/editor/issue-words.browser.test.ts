import { expect } from '@open-wc/testing';
import { moduleToYDoc } from '@careloom/format/ydoc';
import { localSession } from '../collab/collab-session.js';
import { i18n } from '../i18n/i18n.js';
import type { ClModuleEditor } from './module-editor.js';
import { blockSection, deep, deepAll, mountEditor, openPage, panicWeek1, settle, typeInto } from './test-helpers.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };

/** The validation panel's problems as the designer reads them. */
function problemTexts(editor: ClModuleEditor): string[] {
  return deepAll<HTMLButtonElement>(deep(editor, 'cl-validation-panel'), 'li button').map((button) => button.textContent!.trim());
}

async function emptySwedishQuestion(): Promise<ClModuleEditor> {
  const session = localSession(moduleToYDoc(panicWeek1), anna);
  const editor = await mountEditor(session);
  await openPage(editor, 4);
  typeInto(deepAll<HTMLTextAreaElement>(blockSection(editor, 'quizPeak'), 'textarea[lang="sv"]')[0]!, '');
  editor.validateNow();
  await settle(editor);
  return editor;
}

describe('validation problems in the designer\'s words', () => {
  afterEach(() => i18n.setLocale('en'));

  it('names the page and the question as the editor shows them, the field by its label and the language by its name; no format paths or ids', async () => {
    const editor = await emptySwedishQuestion();
    const [text] = problemTexts(editor);
    expect(text).to.match(/^Page 5 “Check what you have learned”, block 4 \(Question “If you stay where you are during an .*…”\): fill in the question text in Swedish\.$/);
    for (const format of ['prompt', '/pages', 'quizPeak', '"', 'block 3']) expect(text).not.to.contain(format);
  });

  it('is in the interface language: Swedish and Norwegian', async () => {
    const editor = await emptySwedishQuestion();
    i18n.setLocale('sv');
    await settle(editor);
    expect(problemTexts(editor)[0]).to.match(/^Sida 5 ”.*”, block 4 \(Fråga ”.*”\): fyll i frågetexten på svenska\.$/);
    i18n.setLocale('nb');
    await settle(editor);
    expect(problemTexts(editor)[0]).to.match(/^Side 5 «.*», blokk 4 \(Spørsmål «.*»\): fyll inn spørsmålsteksten på svensk\.$/);
  });

  it('names an id used twice and the module\'s own fields', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    await openPage(editor, 4);
    const idInput = deep<HTMLInputElement>(blockSection(editor, 'quizPeak'), '.inline input');
    typeInto(idInput, 'quizFaint');
    editor.validateNow();
    await settle(editor);
    expect(problemTexts(editor).some((text) => /^Page 5 “Check what you have learned”, block \d \(Question “.*”\): the id “quizFaint” is already used elsewhere in the module\. Give one of them another id\.$/.test(text)), problemTexts(editor).join('\n')).to.equal(true);
  });
});

describe('block headings', () => {
  it('name a question block "Question", never the message key', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    await openPage(editor, 4);
    const heading = deep(blockSection(editor, 'quizPeak'), '[id^="block-heading-"]');
    expect(heading.textContent).to.contain('Question');
    expect(heading.textContent).not.to.contain('block.');
  });
});
