import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type * as Y from 'yjs';
import { getPagesArray, yDocToModule } from '@careloom/format/ydoc';
import { localSession } from '../collab/collab-session.js';
import { blockSection, deep, deepAll, mountEditor, openPage, panicWeek1, phq9, seriousViolations, settle, typeInto } from './test-helpers.js';
import { moduleToYDoc } from '@careloom/format/ydoc';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };

function pageIds(doc: Y.Doc): string[] {
  return getPagesArray(doc).toArray().map((page) => String(page.get('id')));
}

describe('<cl-module-editor>', () => {
  it('shows the outline, the first page with its blocks, and no problems for a valid module', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    expect(deepAll(editor, 'button.page')).to.have.length(panicWeek1.pages.length);
    expect(deepAll(editor, 'section.block').map((section) => section.dataset['blockId'])).to.deep.equal(['welcomeText', 'hadAttackLastWeek', 'mainFear']);
    expect(editor.problems).to.deep.equal([]);
    expect(deep(editor, 'cl-validation-panel').shadowRoot!.textContent).to.contain('No problems');
  });

  it('reorders pages with Alt+Arrow keys on a focused page, announces it and keeps focus on the page', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    deepAll<HTMLButtonElement>(editor, 'button.page')[1]!.focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await settle(editor);
    expect(pageIds(session.doc).slice(0, 3)).to.deep.equal(['welcome', 'film', 'whatIsPanic']);
    expect(deep(editor, '[data-role="announcer"]').textContent).to.contain('moved to position 3 of 8');
    const outline = deep(editor, 'cl-page-outline');
    expect(outline.shadowRoot!.activeElement?.textContent).to.contain('3: What');
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ up: 'Alt' });
    await settle(editor);
    expect(pageIds(session.doc).slice(0, 3)).to.deep.equal(['welcome', 'whatIsPanic', 'film']);
  });

  it('deletes a page with an undo toast that brings it back', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    deep<HTMLButtonElement>(editor, 'button[aria-label="Delete page 2"]').click();
    await settle(editor);
    expect(pageIds(session.doc)).to.not.include('whatIsPanic');
    deep<HTMLButtonElement>(editor, '[data-action="undo-delete"]').click();
    await settle(editor);
    expect(pageIds(session.doc)[1]).to.equal('whatIsPanic');
    expect(yDocToModule(session.doc)).to.deep.equal(yDocToModule(moduleToYDoc(panicWeek1)));
  });

  it('lists only earlier questions in a condition picker', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    await openPage(editor, 4);
    // quizMaintain is the third block of the quiz page: it may test answers from earlier blocks only.
    const section = blockSection(editor, 'quizMaintain');
    const add = [...section.querySelectorAll<HTMLButtonElement>('.condition-empty button')].find((button) => button.textContent?.includes('Add a condition'));
    add!.click();
    await settle(editor);
    const picker = blockSection(editor, 'quizMaintain').querySelector<HTMLSelectElement>('[data-role="condition-item"]')!;
    const offered = [...picker.options].map((option) => option.value);
    expect(offered).to.include.members(['hadAttackLastWeek', 'mainFear', 'quizFaint']);
    expect(offered).to.not.include('quizMaintain');
    expect(offered).to.not.include('quizPeak');
    // The value is picked from the item's own options, never typed.
    picker.value = 'mainFear';
    picker.dispatchEvent(new Event('change'));
    await settle(editor);
    const values = [...blockSection(editor, 'quizMaintain').querySelectorAll<HTMLSelectElement>('[data-role="condition-value"] option')].map((option) => option.value);
    const mainFear = panicWeek1.pages[0]!.blocks[2] as { input: { options: Array<{ id: string }> } };
    expect(values).to.deep.equal(mainFear.input.options.map((option) => option.id));
    const visibleWhen = yDocToModule(session.doc) as { pages: Array<{ blocks: Array<{ id: string; visibleWhen?: unknown }> }> };
    expect(visibleWhen.pages[4]!.blocks.find((block) => block.id === 'quizMaintain')!.visibleWhen).to.deep.equal({ op: 'eq', item: 'mainFear', value: mainFear.input.options[0]!.id });
  });

  it('jumps to the block a validation problem is about', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    await openPage(editor, 4);
    const prompt = deepAll<HTMLTextAreaElement>(blockSection(editor, 'quizPeak'), 'textarea[lang="sv"]')[0]!;
    typeInto(prompt, '');
    await openPage(editor, 0);
    editor.validateNow();
    await settle(editor);
    expect(editor.problems.some((problem) => problem.path.startsWith('/pages/4/blocks/3'))).to.equal(true);
    const problem = deepAll<HTMLButtonElement>(deep(editor, 'cl-validation-panel'), 'li button').find((button) => button.dataset['path']?.startsWith('/pages/4/blocks/3'));
    problem!.click();
    await settle(editor);
    const canvas = deep(editor, 'cl-page-canvas');
    expect((canvas.shadowRoot!.activeElement as HTMLElement | null)?.dataset['blockId']).to.equal('quizPeak');
    expect(deepAll(editor, 'button.page')[4]!.closest('li')!.getAttribute('aria-current')).to.equal('page');
    expect(deep(editor, 'cl-submit-version').shadowRoot!.textContent).to.match(/Fix the (problem|\d+ problems) first/);
  });

  it('adds a block of every type that the schema accepts once its texts are written', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    const types = ['text', 'image', 'film', 'question', 'grid', 'instrument', 'exercise', 'registration', 'unitContact'];
    for (const type of types) {
      const select = deep<HTMLSelectElement>(editor, '[data-role="add-block"]');
      select.value = type;
      select.dispatchEvent(new Event('change'));
      await settle(editor);
    }
    const blocks = deepAll(editor, 'section.block').map((section) => section.dataset['type']);
    expect(blocks.slice(-types.length)).to.deep.equal(types);
    editor.validateNow();
    // New blocks have empty texts and addresses to fill in; their structure is what the format expects.
    const structural = editor.problems.filter((problem) => ['schema.type', 'schema.required', 'schema.additional_property', 'schema.enum', 'schema.const'].includes(problem.code));
    expect(structural).to.deep.equal([]);
  });

  it('shows the PHQ-9 total and band in the preview after answering', async () => {
    const session = localSession(moduleToYDoc(phq9), anna);
    const editor = await mountEditor(session);
    const page = deep(editor, 'cl-module-page');
    const items = phq9.pages[0]!.blocks.find((block) => block.type === 'instrument') as { items: Array<{ id: string }> };
    for (const item of items.items.slice(0, 9)) {
      const radio = deepAll<HTMLInputElement>(page, `input[type="radio"][name="${item.id}"]`)[2] ?? deepAll<HTMLInputElement>(page, `input[type="radio"]`).find((input) => input.name.includes(item.id));
      radio!.click();
    }
    await settle(editor);
    const results = deep(editor, 'cl-module-preview').shadowRoot!.querySelector('.results')!.textContent!;
    expect(results).to.contain('PHQ-9: total 18');
    expect(results).to.contain('Band: Moderately severe');
  });

  it('has no serious or critical accessibility violations', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    await openPage(editor, 6);
    expect(await seriousViolations(editor)).to.deep.equal([]);
  });
});
