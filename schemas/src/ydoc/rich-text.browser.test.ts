// Proof that the mapping's hand-written rich-text converter is what a real Tiptap editor, bound to
// the draft's Y.XmlFragment by the Collaboration extension (y-tiptap), reads and writes.
import { expect } from '@open-wc/testing';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import { findBlockMap, moduleToYDoc, yDocToModule, yXmlFragmentToRichText } from './index.js';
import { richTextExtensions } from './rich-text-extensions.js';
import { fixtureModule } from './test/fixture-module.js';
import { replicaOf, syncPair } from './test/sync.js';

const editors: Editor[] = [];

function bind(fragment: Y.XmlFragment): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({ element, extensions: [...richTextExtensions(), Collaboration.configure({ fragment })] });
  editors.push(editor);
  return editor;
}

function fragmentOf(doc: Y.Doc, blockId: string, key: string, language: string): Y.XmlFragment {
  return (findBlockMap(doc, blockId)?.get(key) as Y.Map<Y.XmlFragment>).get(language) as Y.XmlFragment;
}

/** Every rich text of the fixture: [block id, key, language]. */
const richTexts: Array<[string, string, string]> = ['sv', 'en'].flatMap((language) => [
  ['about', 'content', language],
  ['film', 'transcript', language],
  ['breathing', 'instructions', language],
] as Array<[string, string, string]>);

describe('rich text in a real Tiptap editor', () => {
  afterEach(() => {
    for (const editor of editors.splice(0)) editor.destroy();
  });

  it('shows every rich text of a seeded draft as the mapping reads it, without changing the draft', () => {
    const doc = moduleToYDoc(fixtureModule());
    const before = JSON.stringify(yDocToModule(doc));
    for (const [blockId, key, language] of richTexts) {
      const fragment = fragmentOf(doc, blockId, key, language);
      expect(bind(fragment).getJSON(), `${blockId}.${key}.${language}`).to.deep.equal(yXmlFragmentToRichText(fragment));
    }
    const zones = (findBlockMap(doc, 'dailyCheck')?.get('zones') as Y.Map<Y.Map<Y.Map<Y.XmlFragment>>>).get('actions');
    for (const zone of ['green', 'yellow', 'red']) {
      const fragment = zones?.get(zone)?.get('sv') as Y.XmlFragment;
      expect(bind(fragment).getJSON(), zone).to.deep.equal(yXmlFragmentToRichText(fragment));
    }
    expect(JSON.stringify(yDocToModule(doc))).to.equal(before);
  });

  it('reads back what the editor writes: marks, links, lists, headings, callouts', () => {
    const doc = moduleToYDoc(fixtureModule());
    const fragment = fragmentOf(doc, 'breathing', 'instructions', 'en');
    const editor = bind(fragment);
    editor.chain().focus('end').insertContent(' Then breathe out.').run();
    editor.chain().setTextSelection({ from: 1, to: 7 }).toggleBold().toggleItalic().run();
    editor.chain().setTextSelection({ from: 8, to: 10 }).setLink({ href: 'https://careloom.org' }).run();
    editor.chain().focus('end').insertContent([
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Steps' }] },
      { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'In', marks: [{ type: 'underline' }] }] }] }] },
      { type: 'callout', attrs: { tone: 'tip' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tip', marks: [{ type: 'code' }] }, { type: 'hardBreak' }, { type: 'text', text: 'x', marks: [{ type: 'strike' }] }] }] },
      { type: 'blockquote', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] },
      { type: 'horizontalRule' },
    ]).run();
    const json = editor.getJSON();
    expect(JSON.stringify(json)).to.contain('"link"');
    expect(JSON.stringify(json)).to.contain('"callout"');
    expect(yXmlFragmentToRichText(fragment)).to.deep.equal(json);
    expect(yXmlFragmentToRichText(fragmentOf(replicaOf(doc, 42), 'breathing', 'instructions', 'en'))).to.deep.equal(json);
  });

  it('converges two editors typing into replicas of one draft', () => {
    const seed = moduleToYDoc(fixtureModule());
    const alice = replicaOf(seed, 1);
    const bob = replicaOf(seed, 2);
    const aliceEditor = bind(fragmentOf(alice, 'about', 'content', 'en'));
    const bobEditor = bind(fragmentOf(bob, 'about', 'content', 'en'));
    aliceEditor.chain().focus('start').insertContent('Alice ').run();
    bobEditor.chain().focus('end').insertContent('Bob').toggleBold().run();
    syncPair(alice, bob);
    expect(aliceEditor.getJSON()).to.deep.equal(bobEditor.getJSON());
    expect(JSON.stringify(aliceEditor.getJSON())).to.contain('Alice ').and.to.contain('Bob');
    expect(yXmlFragmentToRichText(fragmentOf(alice, 'about', 'content', 'en'))).to.deep.equal(aliceEditor.getJSON());
    expect(JSON.stringify(yDocToModule(alice))).to.equal(JSON.stringify(yDocToModule(bob)));
  });
});
