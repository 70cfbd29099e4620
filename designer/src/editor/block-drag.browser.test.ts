import { expect } from '@open-wc/testing';
import * as Y from 'yjs';
import { getPagesArray, moduleToYDoc } from '@careloom/format/ydoc';
import { localSession } from '../collab/collab-session.js';
import { BLOCK_DRAG_TYPE } from './block-drag.js';
import { blockSection, deep, mountEditor, panicWeek1, sessionPair, settle } from './test-helpers.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };

function blockIds(doc: Y.Doc, page = 0): string[] {
  const blocks = getPagesArray(doc).get(page).get('blocks') as Y.Array<Y.Map<unknown>>;
  return blocks.toArray().map((block) => String(block.get('id')));
}

/** Drags a block by its handle and drops it on another block, as the browser reports a mouse drag. */
function dragOnto(editor: Element, dragged: string, target: string, transfer = new DataTransfer()): DragEvent {
  const handle = blockSection(editor, dragged).querySelector<HTMLElement>('[data-role="drag-block"]')!;
  handle.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }));
  const section = blockSection(editor, target);
  const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer });
  section.dispatchEvent(over);
  section.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }));
  handle.dispatchEvent(new DragEvent('dragend', { bubbles: true, composed: true, dataTransfer: transfer }));
  return over;
}

describe('block drag and drop on the canvas', () => {
  it('moves a block to the place of the block it is dropped on, in the doc and for the other editor', async () => {
    const pair = sessionPair(panicWeek1);
    const editor = await mountEditor(pair.anna);
    expect(blockIds(pair.anna.doc)).to.deep.equal(['welcomeText', 'hadAttackLastWeek', 'mainFear']);
    const over = dragOnto(editor, 'mainFear', 'welcomeText');
    // Accepting the drag (preventDefault on dragover) is what lets the browser drop there.
    expect(over.defaultPrevented).to.equal(true);
    await settle(editor);
    expect(blockIds(pair.anna.doc)).to.deep.equal(['mainFear', 'welcomeText', 'hadAttackLastWeek']);
    expect(blockIds(pair.ben.doc)).to.deep.equal(['mainFear', 'welcomeText', 'hadAttackLastWeek']);
    expect(deep(editor, '[data-role="announcer"]').textContent).to.contain('Block "mainFear" moved to position 1 of 3');
    dragOnto(editor, 'mainFear', 'hadAttackLastWeek');
    await settle(editor);
    expect(blockIds(pair.anna.doc)).to.deep.equal(['welcomeText', 'hadAttackLastWeek', 'mainFear']);
    // One move is one undo step, as with the buttons.
    pair.anna.undoManager.undo();
    expect(blockIds(pair.anna.doc)).to.deep.equal(['mainFear', 'welcomeText', 'hadAttackLastWeek']);
  });

  it('ignores drags that are not a block (text, files) and a block dropped on itself', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    const before = Y.encodeStateVector(session.doc);
    const text = new DataTransfer();
    text.setData('text/plain', '0');
    const section = blockSection(editor, 'mainFear');
    const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: text });
    section.dispatchEvent(over);
    section.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: text }));
    expect(over.defaultPrevented).to.equal(false);
    dragOnto(editor, 'mainFear', 'mainFear');
    await settle(editor);
    expect(blockIds(session.doc)).to.deep.equal(['welcomeText', 'hadAttackLastWeek', 'mainFear']);
    expect(Y.encodeStateVector(session.doc)).to.deep.equal(before);
  });

  it('carries the block id, so a list another editor changed meanwhile still moves the right block', async () => {
    const pair = sessionPair(panicWeek1);
    const editor = await mountEditor(pair.anna);
    const transfer = new DataTransfer();
    const handle = blockSection(editor, 'hadAttackLastWeek').querySelector<HTMLElement>('[data-role="drag-block"]')!;
    handle.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: transfer }));
    expect(transfer.getData(BLOCK_DRAG_TYPE)).to.equal('hadAttackLastWeek');
    // Ben deletes the first block while Anna drags.
    pair.ben.transact(() => (getPagesArray(pair.ben.doc).get(0).get('blocks') as Y.Array<unknown>).delete(0, 1));
    await settle(editor);
    const target = blockSection(editor, 'mainFear');
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }));
    await settle(editor);
    expect(blockIds(pair.ben.doc)).to.deep.equal(['mainFear', 'hadAttackLastWeek']);
  });

  it('offers no drag handle in a read-only session', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna, { readOnly: true });
    const editor = await mountEditor(session);
    expect(blockSection(editor, 'mainFear').querySelector('[data-role="drag-block"]')).to.equal(null);
  });
});
