import { expect } from '@open-wc/testing';
import type * as Y from 'yjs';
import type { Module } from '@careloom/format';
import { findBlockMap, moduleToYDoc, yDocToModule } from '@careloom/format/ydoc';
import { localSession } from '../../collab/collab-session.js';
import type { EditContext } from '../edit-context.js';
import type { ClModuleEditor } from '../module-editor.js';
import { blockSection, deep, deepAll, mountEditor, phq9, seriousViolations, settle, typeInto } from '../test-helpers.js';
import { addScoredOption, giveItemOwnOptions, removeScoredOption, useSharedScale } from './item-options.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };
type Json = { pages: Array<{ blocks: Array<Record<string, unknown>> }> };
type Test = { name: string; answers: Record<string, string | null>; expect: { total: number | null; band?: string | null; alerts?: string[]; subscales?: Record<string, number> } };
type Item = { id: string; options?: Array<{ id: string; score: number; label: Record<string, string> }> };

function unlockedPhq9(): Module {
  const copy = structuredClone(phq9) as unknown as Json;
  delete copy.pages[0]!.blocks[1]!['locked'];
  return copy as unknown as Module;
}

function instrumentJson(editor: ClModuleEditor): Record<string, unknown> {
  return (yDocToModule(editor.session!.doc) as Json).pages[0]!.blocks[1]!;
}

function scoringTests(editor: ClModuleEditor): ShadowRoot {
  return deep(blockSection(editor, 'phq9'), 'cl-scoring-tests').shadowRoot!;
}

describe('scoring test cases', () => {
  it('a new scale\'s test case keeps holding when items are added, and a new case holds from the start', async () => {
    const session = localSession(moduleToYDoc(unlockedPhq9()), anna);
    const editor = await mountEditor(session);
    editor.validateNow();
    await settle(editor);
    expect(editor.problems.filter((problem) => problem.code === 'scoring.test_failed')).to.deep.equal([]);
    const instrument = blockSection(editor, 'phq9');
    const addItem = () => [...instrument.querySelectorAll<HTMLButtonElement>('button.add')].find((button) => button.textContent === 'Add item')!;
    addItem().click();
    await settle(editor);
    addItem().click();
    await settle(editor);
    editor.validateNow();
    await settle(editor);
    // Every case answers the new items with their lowest option and still holds.
    expect(editor.problems.filter((problem) => problem.code === 'scoring.test_failed').map((problem) => problem.message)).to.deep.equal([]);
    const json = instrumentJson(editor) as { items: Item[]; tests: Test[] };
    const added = json.items.slice(-2).map((item) => item.id);
    for (const test of json.tests) for (const id of added) expect(test.answers[id], test.name).to.equal('notAtAll');
    // A new case: every item at its lowest option, the total the scoring gives, no problem.
    const root = scoringTests(editor);
    [...root.querySelectorAll<HTMLButtonElement>('button.add')].find((button) => button.textContent === 'Add test case')!.click();
    await settle(editor);
    const created = (instrumentJson(editor)['tests'] as Test[]).at(-1)!;
    expect(created.expect).to.deep.equal({ total: 0, band: 'minimal' });
    editor.validateNow();
    await settle(editor);
    expect(editor.problems.filter((problem) => problem.code === 'scoring.test_failed')).to.deep.equal([]);
  });


  it('lists the cases; a new case that disagrees with the scoring shows as a problem, and fixing it clears it', async () => {
    const session = localSession(moduleToYDoc(phq9), anna);
    const editor = await mountEditor(session);
    let root = scoringTests(editor);
    const cases = () => root.querySelectorAll('li.entry');
    expect(cases()).to.have.length(phq9Tests().length);
    const add = [...root.querySelectorAll<HTMLButtonElement>('button.add')].find((button) => button.textContent === 'Add test case')!;
    add.click();
    await settle(editor);
    root = scoringTests(editor);
    expect(cases()).to.have.length(phq9Tests().length + 1);
    // The new case opens with its name focused.
    expect((root.activeElement as HTMLInputElement | null)?.value).to.equal(`Test case ${phq9Tests().length + 1}`);
    typeInto(root.activeElement as HTMLInputElement, 'all items "Nearly every day"');

    const last = cases()[cases().length - 1]!;
    for (const select of last.querySelectorAll<HTMLSelectElement>('[data-role="answers"] select')) {
      if (select.dataset['item'] === 'phq9_10') continue;
      select.value = 'nearlyEveryDay';
      select.dispatchEvent(new Event('change'));
    }
    // The difficulty question has its own options, offered in its own picker.
    const difficulty = last.querySelector<HTMLSelectElement>('select[data-item="phq9_10"]')!;
    expect([...difficulty.options].map((option) => option.value)).to.deep.equal(['', 'notDifficult', 'somewhatDifficult', 'veryDifficult', 'extremelyDifficult']);
    await settle(editor);
    // A new case starts with a total to check, not with "No total" ticked.
    const noTotal = last.querySelector<HTMLInputElement>('[data-role="expect-no-total"]')!;
    expect(noTotal.checked).to.equal(false);
    typeInto(last.querySelector<HTMLInputElement>('[data-role="expect-total"]')!, '26');
    const band = last.querySelector<HTMLSelectElement>('[data-role="expect-band"]')!;
    band.value = 'severe';
    band.dispatchEvent(new Event('change'));
    await settle(editor);

    const index = phq9Tests().length;
    const written = (instrumentJson(editor)['tests'] as Test[])[index]!;
    expect(written.name).to.equal('all items "Nearly every day"');
    // The case started with every item at its lowest option; the difficulty question kept it.
    expect(Object.keys(written.answers)).to.have.length(10);
    expect(written.answers['phq9_10']).to.equal('notDifficult');
    expect(written.expect).to.deep.equal({ total: 26, band: 'severe' });

    editor.validateNow();
    await settle(editor);
    const failed = editor.problems.find((problem) => problem.code === 'scoring.test_failed');
    expect(failed?.path).to.equal(`/pages/0/blocks/1/tests/${index}`);
    expect(failed?.message).to.contain('total 26, but the scoring gives 27');
    const listed = deepAll<HTMLButtonElement>(deep(editor, 'cl-validation-panel'), 'li button').map((button) => button.dataset['path']);
    expect(listed).to.include(`/pages/0/blocks/1/tests/${index}`);

    typeInto(scoringTests(editor).querySelectorAll('li.entry')[index]!.querySelector<HTMLInputElement>('[data-role="expect-total"]')!, '27');
    editor.validateNow();
    expect(editor.problems.filter((problem) => problem.code === 'scoring.test_failed')).to.deep.equal([]);
  });

  it('expects alerts, subscales left unchecked, and deletes a case', async () => {
    const session = localSession(moduleToYDoc(phq9), anna);
    const editor = await mountEditor(session);
    const root = scoringTests(editor);
    const first = () => root.querySelectorAll('li.entry')[0]!;
    first().querySelector<HTMLButtonElement>('[data-action="toggle-case"]')!.click();
    await settle(editor);
    expect(first().querySelector<HTMLButtonElement>('[data-action="toggle-case"]')!.getAttribute('aria-expanded')).to.equal('true');
    const checkAlerts = first().querySelector<HTMLInputElement>('[data-role="expect-check-alerts"]')!;
    expect(checkAlerts.checked).to.equal(true);
    first().querySelector<HTMLInputElement>('input[data-alert="severe"]')!.click();
    await settle(editor);
    expect((instrumentJson(editor)['tests'] as Test[])[0]!.expect.alerts).to.deep.equal(['severe']);
    editor.validateNow();
    expect(editor.problems.some((problem) => problem.code === 'scoring.test_failed' && problem.path === '/pages/0/blocks/1/tests/0')).to.equal(true);
    first().querySelector<HTMLInputElement>('[data-role="expect-check-alerts"]')!.click();
    await settle(editor);
    expect((instrumentJson(editor)['tests'] as Test[])[0]!.expect).to.not.have.property('alerts');

    const count = phq9Tests().length;
    root.querySelector<HTMLButtonElement>('button[aria-label="Remove test case 2"]')!.click();
    await settle(editor);
    const names = (instrumentJson(editor)['tests'] as Test[]).map((test) => test.name);
    expect(names).to.have.length(count - 1);
    expect(names).to.not.include(phq9Tests()[1]!.name);
  });

  it('has no serious or critical accessibility violations with a case open', async () => {
    const session = localSession(moduleToYDoc(phq9), anna);
    const editor = await mountEditor(session);
    scoringTests(editor).querySelector<HTMLButtonElement>('[data-action="toggle-case"]')!.click();
    await settle(editor);
    expect(await seriousViolations(deep(blockSection(editor, 'phq9'), 'cl-scoring-tests'))).to.deep.equal([]);
  });
});

describe('instrument item options', () => {
  it('a locked instrument refuses adding, removing and switching options', async () => {
    const session = localSession(moduleToYDoc(phq9), anna);
    const editor = await mountEditor(session);
    const section = blockSection(editor, 'phq9');
    expect(section.querySelectorAll('[data-action="own-options"], [data-action="use-shared-scale"]')).to.have.length(0);
    const before = JSON.stringify(yDocToModule(session.doc));
    const block = findBlockMap(session.doc, 'phq9')!;
    const items = block.get('items') as Y.Array<Y.Map<unknown>>;
    const context = contextOf(editor);
    expect(addScoredOption(context, block, items.get(9))).to.equal(false);
    expect(addScoredOption(context, block, block)).to.equal(false);
    expect(removeScoredOption(context, block, items.get(9), 0)).to.equal(false);
    expect(useSharedScale(context, block, items.get(9))).to.equal(false);
    expect(giveItemOwnOptions(context, block, items.get(0))).to.equal(false);
    expect(JSON.stringify(yDocToModule(session.doc))).to.equal(before);
  });

  it('gives an item its own options (a copy of the shared scale with new ids), adds and removes them, and goes back to the shared scale', async () => {
    const session = localSession(moduleToYDoc(unlockedPhq9()), anna);
    const editor = await mountEditor(session);
    const section = () => blockSection(editor, 'phq9');
    section().querySelector<HTMLButtonElement>('[data-action="own-options"][data-item="phq9_1"]')!.click();
    await settle(editor);
    let first = (instrumentJson(editor)['items'] as Item[])[0]!;
    expect(first.options!.map((option) => option.score)).to.deep.equal([0, 1, 2, 3]);
    expect(first.options!.map((option) => option.label['en'])).to.deep.equal(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
    const shared = (instrumentJson(editor)['options'] as Array<{ id: string }>).map((option) => option.id);
    expect(first.options!.some((option) => shared.includes(option.id))).to.equal(false);

    const ownList = [...section().querySelectorAll('fieldset.list')].find((fieldset) => fieldset.querySelector('legend')?.textContent === 'Options of item 1')!;
    [...ownList.querySelectorAll<HTMLButtonElement>(':scope > button.add')].find((button) => button.textContent === 'Add option')!.click();
    await settle(editor);
    first = (instrumentJson(editor)['items'] as Item[])[0]!;
    expect(first.options!.map((option) => option.score)).to.deep.equal([0, 1, 2, 3, 4]);
    const ownListAgain = [...section().querySelectorAll('fieldset.list')].find((fieldset) => fieldset.querySelector('legend')?.textContent === 'Options of item 1')!;
    ownListAgain.querySelector<HTMLButtonElement>('button[aria-label="Remove option 1"]')!.click();
    await settle(editor);
    first = (instrumentJson(editor)['items'] as Item[])[0]!;
    expect(first.options!.map((option) => option.score)).to.deep.equal([1, 2, 3, 4]);

    section().querySelector<HTMLButtonElement>('[data-action="use-shared-scale"][data-item="phq9_1"]')!.click();
    await settle(editor);
    expect((instrumentJson(editor)['items'] as Item[])[0]!).to.not.have.property('options');
    // Two options is the least a scale may have.
    const context = contextOf(editor);
    const block = findBlockMap(session.doc, 'phq9')!;
    const difficulty = (block.get('items') as Y.Array<Y.Map<unknown>>).get(9);
    expect(removeScoredOption(context, block, difficulty, 0)).to.equal(true);
    expect(removeScoredOption(context, block, difficulty, 0)).to.equal(true);
    expect(removeScoredOption(context, block, difficulty, 0)).to.equal(false);
  });
});

function phq9Tests(): Test[] {
  return ((phq9 as unknown as Json).pages[0]!.blocks[1]!['tests'] as Test[]);
}

/** The edit context the editor hands its block editors. */
function contextOf(editor: ClModuleEditor): EditContext {
  return deep<HTMLElement & { context: EditContext }>(editor, 'cl-page-canvas').context;
}
