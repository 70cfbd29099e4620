import { expect } from '@open-wc/testing';
import { moduleToYDoc } from '@careloom/format/ydoc';
import { localSession } from '../../collab/collab-session.js';
import { mountEditor, openPage, panicWeek1 } from '../test-helpers.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };

// Issue 16: opening panic week 1 logged "TextSelection endpoint not pointing into a node with
// inline content (callout)": the rich text of a page that starts with a callout. ProseMirror warns
// only once per page, so this file keeps to that one case.
describe('<cl-rich-text> on text that starts with a callout', () => {
  it('opens every page of panic week 1 without a console warning or error', async () => {
    const logged: string[] = [];
    const original = { warn: console.warn, error: console.error };
    console.warn = (...args: unknown[]) => void logged.push(`warn: ${args.join(' ')}`);
    console.error = (...args: unknown[]) => void logged.push(`error: ${args.join(' ')}`);
    try {
      const editor = await mountEditor(localSession(moduleToYDoc(panicWeek1), anna));
      for (let index = 0; index < panicWeek1.pages.length; index++) await openPage(editor, index);
    } finally {
      Object.assign(console, original);
    }
    expect(logged).to.deep.equal([]);
  });
});
