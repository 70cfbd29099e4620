import { expect } from '@open-wc/testing';
import type { ClRichText } from './fields/rich-text-field.js';
import { yDocToModule } from '@careloom/format/ydoc';
import { blockSection, deep, deepAll, mountEditor, openPage, panicWeek1, sessionPair, settle, typeInto } from './test-helpers.js';

type Json = { pages: Array<{ blocks: Array<Record<string, unknown>> }> };

/** The Tiptap editor of a text block in one language. */
function richText(editor: Element, blockId: string, language: string): ClRichText {
  const found = deepAll<ClRichText>(blockSection(editor, blockId), 'cl-rich-text').find((element) => element.getAttribute('lang') === language);
  if (!found?.editor) throw new Error(`No ${language} rich text in ${blockId}`);
  return found;
}

function optionLabel(editor: Element, blockId: string, index: number, language: string): HTMLInputElement {
  const group = deepAll(blockSection(editor, blockId), '.entry-body')[index]!;
  return deepAll<HTMLInputElement>(group, `input[lang="${language}"]`)[0]!;
}

describe('two designers editing the same draft', () => {
  it('see each other\'s rich-text typing, and the other\'s caret', async () => {
    const pair = sessionPair(panicWeek1);
    const annaEditor = await mountEditor(pair.anna);
    const benEditor = await mountEditor(pair.ben);
    const annas = richText(annaEditor, 'welcomeText', 'en').editor!;
    annas.chain().focus('end').insertContent(' Written by Anna.').run();
    await settle(benEditor);
    expect(richText(benEditor, 'welcomeText', 'en').editor!.getText()).to.contain('Written by Anna.');
    // Anna's caret and name appear in Ben's editor of the same text.
    const carets = deepAll(benEditor, '.collaboration-carets__label');
    expect(carets.map((caret) => caret.textContent)).to.include('Anna Lind');
  });

  it('see each other\'s edits to a question\'s options, including added options', async () => {
    const pair = sessionPair(panicWeek1);
    const annaEditor = await mountEditor(pair.anna);
    const benEditor = await mountEditor(pair.ben);
    typeInto(optionLabel(annaEditor, 'mainFear', 0, 'en'), 'Fainting, or falling over');
    await settle(benEditor);
    expect(optionLabel(benEditor, 'mainFear', 0, 'en').value).to.equal('Fainting, or falling over');
    const before = deepAll(blockSection(benEditor, 'mainFear'), '.entry-body').length;
    deepAll<HTMLButtonElement>(blockSection(benEditor, 'mainFear'), 'button.add').find((button) => button.textContent?.includes('Add option'))!.click();
    await settle(annaEditor);
    expect(deepAll(blockSection(annaEditor, 'mainFear'), '.entry-body')).to.have.length(before + 1);
    expect(yDocToModule(pair.anna.doc)).to.deep.equal(yDocToModule(pair.ben.doc));
  });

  it('show the other editor\'s avatar and the block they are on', async () => {
    const pair = sessionPair(panicWeek1);
    const annaEditor = await mountEditor(pair.anna);
    const benEditor = await mountEditor(pair.ben);
    optionLabel(benEditor, 'mainFear', 1, 'sv').focus();
    await settle(annaEditor);
    const avatar = deep(deep(annaEditor, 'cl-editor-header'), '.avatar');
    expect(avatar.textContent).to.equal('BB');
    expect(avatar.getAttribute('aria-label')).to.equal('Ben Berg, on mainFear');
    expect(blockSection(annaEditor, 'mainFear').querySelector('.peer')!.textContent).to.contain('Ben Berg');
    expect(blockSection(annaEditor, 'welcomeText').querySelector('.peer')).to.equal(null);
  });

  it('undo only their own edits', async () => {
    const pair = sessionPair(panicWeek1);
    const annaEditor = await mountEditor(pair.anna);
    const benEditor = await mountEditor(pair.ben);
    typeInto(optionLabel(annaEditor, 'mainFear', 0, 'en'), 'Anna was here');
    pair.anna.undoManager.stopCapturing();
    typeInto(optionLabel(benEditor, 'mainFear', 1, 'en'), 'Ben was here');
    await settle(annaEditor);
    deep<HTMLButtonElement>(deep(annaEditor, 'cl-editor-header'), '[data-action="undo"]').click();
    await settle(annaEditor);
    await settle(benEditor);
    const options = ((yDocToModule(pair.ben.doc) as Json).pages[0]!.blocks[2]!['input'] as { options: Array<{ label: { en: string } }> }).options;
    const original = (panicWeek1.pages[0]!.blocks[2] as unknown as { input: { options: Array<{ label: { en: string } }> } }).input.options;
    expect(options[0]!.label.en).to.equal(original[0]!.label.en);
    expect(options[1]!.label.en).to.equal('Ben was here');
    expect(optionLabel(benEditor, 'mainFear', 0, 'en').value).to.equal(original[0]!.label.en);
  });

  it('converge after both edit offline, and say so while offline', async () => {
    const pair = sessionPair(panicWeek1);
    const annaEditor = await mountEditor(pair.anna);
    const benEditor = await mountEditor(pair.ben);
    pair.pause();
    await settle(annaEditor);
    expect(deep(deep(annaEditor, 'cl-editor-header'), '[data-connection]').textContent).to.contain('Offline — your edits will be sent when the connection returns');
    typeInto(optionLabel(annaEditor, 'mainFear', 0, 'en'), 'Offline Anna');
    richText(benEditor, 'welcomeText', 'sv').editor!.chain().focus('end').insertContent(' Bens tillägg.').run();
    deep<HTMLButtonElement>(benEditor, 'button[data-action="add-page"]').click();
    await settle(benEditor);
    expect(yDocToModule(pair.anna.doc)).to.not.deep.equal(yDocToModule(pair.ben.doc));
    pair.resume();
    await settle(annaEditor);
    await settle(benEditor);
    const anna = yDocToModule(pair.anna.doc) as Json;
    expect(anna).to.deep.equal(yDocToModule(pair.ben.doc));
    expect(anna.pages).to.have.length(panicWeek1.pages.length + 1);
    await openPage(benEditor, 0);
    expect(optionLabel(benEditor, 'mainFear', 0, 'en').value).to.equal('Offline Anna');
    expect(richText(annaEditor, 'welcomeText', 'sv').editor!.getText()).to.contain('Bens tillägg.');
    expect(deep(deep(annaEditor, 'cl-editor-header'), '[data-connection]').textContent).to.equal('Connected');
  });
});
