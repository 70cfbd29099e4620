import { expect } from '@open-wc/testing';
import type { Module } from '@careloom/format';
import { moduleToYDoc, yDocToModule } from '@careloom/format/ydoc';
import { localSession } from '../collab/collab-session.js';
import type { ClModuleEditor } from './module-editor.js';
import { blockSection, copdDaily, deepAll, mountEditor, panicWeek1, phq9, seriousViolations, settle, typeInto } from './test-helpers.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };
type Json = { pages: Array<{ blocks: Array<Record<string, unknown>> }> };

describe('block editors', () => {
  it('a locked instrument may be translated but not restructured', async () => {
    const session = localSession(moduleToYDoc(phq9), anna);
    const editor = await mountEditor(session);
    const section = blockSection(editor, 'phq9');
    expect(section.querySelector('.notice')!.textContent).to.contain('validated');
    // No add or remove buttons, and the scores and ids are read-only.
    expect(section.querySelectorAll('button.add, .entry-actions button')).to.have.length(0);
    const score = section.querySelector<HTMLInputElement>('.entry input[type="number"]')!;
    expect(score.readOnly).to.equal(true);
    // The default language's wording is fixed; the Swedish translation can be edited.
    const english = deepAll<HTMLTextAreaElement>(section, 'textarea[lang="en"]')[0]!;
    const swedish = deepAll<HTMLTextAreaElement>(section, 'textarea[lang="sv"]')[0]!;
    expect(english.readOnly).to.equal(true);
    expect(swedish.readOnly).to.equal(false);
    typeInto(swedish, 'Lite intresse eller glädje i att göra saker');
    const module = yDocToModule(session.doc) as Json;
    const items = module.pages[0]!.blocks[1]!['items'] as Array<{ text: { sv: string } }>;
    expect(items[0]!.text.sv).to.equal('Lite intresse eller glädje i att göra saker');
  });

  it('an instrument\'s alert rule picks what it tests from the instrument\'s own items', async () => {
    const unlocked = structuredClone(phq9) as unknown as Json;
    delete unlocked.pages[0]!.blocks[1]!['locked'];
    const session = localSession(moduleToYDoc(unlocked as unknown as Module), anna);
    const editor = await mountEditor(session);
    const section = blockSection(editor, 'phq9');
    const alertOf = [...section.querySelectorAll<HTMLSelectElement>('.score-test select')][0]!;
    expect(alertOf.value).to.equal('item');
    const itemPicker = [...section.querySelectorAll<HTMLSelectElement>('.score-test select')][1]!;
    expect([...itemPicker.options].map((option) => option.value)).to.include.members(['phq9_1', 'phq9_9']);
    // Reversing an item is a checkbox on the item.
    const reversed = [...section.querySelectorAll<HTMLLabelElement>('label')].find((label) => label.textContent === 'Reversed')!;
    (section.querySelector<HTMLInputElement>(`#${reversed.htmlFor}`)!).click();
    await settle(editor);
    const items = (yDocToModule(session.doc) as Json).pages[0]!.blocks[1]!['items'] as Array<{ reversed?: boolean }>;
    expect(items[0]!.reversed).to.equal(true);
  });

  it('a registration\'s zone rules pick from its own fields, and every zone has its action text', async () => {
    const session = localSession(moduleToYDoc(copdDaily), anna);
    const editor = await mountEditor(session);
    const section = blockSection(editor, 'copdDaily');
    const pickers = [...section.querySelectorAll<HTMLSelectElement>('.zones [data-role="condition-item"]')];
    expect(pickers.length).to.be.greaterThan(0);
    const offered = new Set(pickers.flatMap((picker) => [...picker.options].map((option) => option.value)));
    expect([...offered].sort()).to.deep.equal(['breathlessness', 'cough', 'extraReliever', 'spo2', 'sputumColour', 'standbyStarted', 'temperature']);
    expect(section.querySelectorAll('.zone-actions cl-rich-text')).to.have.length(3 * copdDaily.languages.length);
    expect(await seriousViolations(editor)).to.deep.equal([]);
  });

  it('a read-only session disables editing everywhere', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna, { readOnly: true });
    const editor = await mountEditor(session);
    expect(deepAll(editor, '[data-role="add-block"], [data-action="add-page"], [data-action="undo"]')).to.have.length(0);
    expect(deepAll<HTMLInputElement>(editor, 'cl-text-field input').every((input) => input.readOnly)).to.equal(true);
    expect(deepAll(editor, '.notice')[0]!.textContent).to.contain('Read only');
    const before = JSON.stringify(yDocToModule(session.doc));
    session.transact(() => session.doc.getMap('module').set('estimatedMinutes', 99));
    expect(JSON.stringify(yDocToModule(session.doc))).to.equal(before);
  });

  it('has no serious or critical accessibility violations on an instrument page', async () => {
    const session = localSession(moduleToYDoc(phq9), anna);
    const editor = await mountEditor(session);
    expect(await seriousViolations(editor)).to.deep.equal([]);
  });
});

describe('comments in the editor', () => {
  it('shows a badge on blocks with open threads and lists them on demand', async () => {
    const thread = (id: string, anchor: string, resolvedAt: string | null) => ({
      id, documentId: 'test', versionNumber: 1, anchor, parentId: null, authorId: 'p1', body: `Comment ${id}`, createdAt: '2026-01-01T00:00:00Z', resolvedAt, resolvedBy: null, replies: [],
    });
    const api = { listComments: async () => [thread('c1', 'mainFear', null), thread('c2', 'mainFear', null), thread('c3', 'welcomeText', '2026-01-02T00:00:00Z')] };
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    editor.api = api as unknown as ClModuleEditor['api'];
    await settle(editor);
    const badge = blockSection(editor, 'mainFear').querySelector<HTMLButtonElement>('button.badge')!;
    expect(badge.textContent).to.contain('Open comments: 2');
    expect(blockSection(editor, 'welcomeText').querySelector('button.badge')).to.equal(null);
    badge.click();
    await settle(editor);
    expect(badge.getAttribute('aria-expanded')).to.equal('true');
    expect(deepAll(editor, '.comments-minimal li').map((item) => item.textContent)).to.deep.equal(['Comment c1', 'Comment c2']);
  });
});
