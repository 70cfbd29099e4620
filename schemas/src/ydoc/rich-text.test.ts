import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import commonSchema from '../../json/common.schema.json' with { type: 'json' };
import { YDocLayoutError } from './layout-error.js';
import { richTextExtensions } from './rich-text-extensions.js';
import { yXmlFragmentToRichText } from './rich-text-from-y.js';
import { richTextSpec } from './rich-text-spec.js';
import { normalizeRichText, richTextToYXmlFragment } from './rich-text-to-y.js';
import { createRandom } from './test/prng.js';
import { randomRichText } from './test/random-rich-text.js';

const schema = getSchema(richTextExtensions());

/** The Y structure of a fragment: element names, attributes and text deltas. */
function dump(type: Y.XmlFragment | Y.XmlElement | Y.XmlText): unknown {
  if (type instanceof Y.XmlText) return { delta: type.toDelta() };
  const children = type.toArray().map((child) => dump(child as Y.XmlElement | Y.XmlText));
  return type instanceof Y.XmlElement ? { name: type.nodeName, attrs: type.getAttributes(), children } : { children };
}

function ours(json: unknown): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('ours');
  richTextToYXmlFragment(json, fragment);
  return fragment;
}

function theirs(json: unknown): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('theirs');
  doc.transact(() => prosemirrorJSONToYXmlFragment(schema, json, fragment));
  return fragment;
}

/** What a ProseMirror editor holds for a fragment (y-tiptap's own reader), as JSON content. */
function editorContent(fragment: Y.XmlFragment): unknown {
  return (yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON() as { content?: unknown[] }).content ?? [];
}

describe('the rich-text spec table', () => {
  it('equals the ProseMirror schema Tiptap builds from richTextExtensions()', () => {
    const nodes = Object.fromEntries(Object.entries(schema.nodes).map(([name, type]) => [name, Object.fromEntries(Object.entries(type.spec.attrs ?? {}).map(([attr, spec]) => [attr, spec.default]))]));
    expect(nodes).toEqual(richTextSpec.nodes);
    for (const [name, attrs] of Object.entries(richTextSpec.nodes)) expect(Object.keys(schema.nodes[name]?.spec.attrs ?? {})).toEqual(Object.keys(attrs));
    // schema.marks lists the marks in rank order.
    const marks = Object.values(schema.marks).map((type) => [type.name, Object.fromEntries(Object.entries(type.spec.attrs ?? {}).map(([attr, spec]) => [attr, spec.default]))]);
    expect(marks).toEqual(richTextSpec.marks);
    for (const [name, attrs] of richTextSpec.marks) expect(Object.keys(schema.marks[name]?.spec.attrs ?? {})).toEqual(Object.keys(attrs));
  });

  it('covers exactly the allow-list of common.schema.json', () => {
    const defs = commonSchema.$defs;
    expect(Object.keys(richTextSpec.nodes).sort()).toEqual([...defs.RichTextNode.properties.type.enum, 'doc'].sort());
    expect(richTextSpec.marks.map(([name]) => name).sort()).toEqual([...defs.RichTextMark.properties.type.enum].sort());
    const nodeAttrs = new Set(Object.values(richTextSpec.nodes).flatMap((attrs) => Object.keys(attrs)));
    expect([...nodeAttrs].sort()).toEqual(Object.keys(defs.RichTextAttrs.properties).sort());
    const markAttrs = new Set(richTextSpec.marks.flatMap(([, attrs]) => Object.keys(attrs)));
    expect([...markAttrs].sort()).toEqual(Object.keys(defs.RichTextMark.properties.attrs.properties).sort());
  });

  it('lets no overlapping mark through (y-tiptap would hash its name)', () => {
    for (const type of Object.values(schema.marks)) expect(type.excludes(type)).toBe(true);
  });
});

describe('rich text ⇄ Y.XmlFragment is y-tiptap’s encoding', () => {
  const random = createRandom(20240607);
  const docs = Array.from({ length: 300 }, () => randomRichText(random));

  it('writes the same Y structure as prosemirrorJSONToYXmlFragment (300 random documents)', () => {
    for (const json of docs) expect(dump(ours(json))).toEqual(dump(theirs(json)));
  });

  it('reads what the ProseMirror editor holds, from fragments y-tiptap wrote', () => {
    for (const json of docs) expect(yXmlFragmentToRichText(theirs(json)).content).toEqual(editorContent(theirs(json)));
  });

  it('normalizes like Node.fromJSON(schema, json).toJSON(), idempotently', () => {
    for (const json of docs) {
      const normal = normalizeRichText(json);
      expect(normal.content).toEqual((ProseMirrorNode.fromJSON(schema, json).toJSON() as { content?: unknown[] }).content ?? []);
      expect(normalizeRichText(normal)).toEqual(normal);
      expect(yXmlFragmentToRichText(ours(normal))).toEqual(normal);
      expect(JSON.stringify(yXmlFragmentToRichText(ours(normal)))).toBe(JSON.stringify(normal));
    }
  });

  it('writes a text run with marks as one Y.XmlText with mark attributes', () => {
    const fragment = ours({ type: 'doc', content: [{ type: 'paragraph', content: [
      { type: 'text', text: 'Call ' },
      { type: 'text', text: 'now', marks: [{ type: 'italic' }, { type: 'bold' }] },
      { type: 'hardBreak' },
      { type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href: '/help' } }] },
    ] }] });
    expect(dump(fragment)).toEqual({ children: [{ name: 'paragraph', attrs: {}, children: [
      { delta: [{ insert: 'Call ' }, { insert: 'now', attributes: { bold: {}, italic: {} } }] },
      { name: 'hardBreak', attrs: {}, children: [] },
      { delta: [{ insert: 'site', attributes: { link: { href: '/help', target: '_blank', rel: 'noopener noreferrer nofollow', class: null } } }] },
    ] }] });
  });
});

describe('rich text the editor cannot show', () => {
  function garbage(build: (fragment: Y.XmlFragment) => void): Y.XmlFragment {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('garbage');
    doc.transact(() => build(fragment));
    return fragment;
  }

  const cases: Record<string, (fragment: Y.XmlFragment) => void> = {
    'an unknown node type, with its subtree': (fragment) => {
      const table = new Y.XmlElement('table');
      table.insert(0, [new Y.XmlElement('paragraph')]);
      fragment.insert(0, [new Y.XmlElement('paragraph'), table]);
    },
    'an unknown mark (the whole run goes)': (fragment) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'kept? no', { highlight: {} });
      paragraph.insert(0, [text, new Y.XmlElement('hardBreak')]);
      fragment.insert(0, [paragraph]);
    },
    'an embed in a text': (fragment) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'ab');
      text.insertEmbed(1, { image: 'x' });
      paragraph.insert(0, [text]);
      fragment.insert(0, [paragraph]);
    },
    'undeclared attributes and a hashed mark name': (fragment) => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 3 as unknown as string);
      heading.setAttribute('onclick', 'alert(1)');
      const text = new Y.XmlText();
      text.insert(0, 'Title', { 'bold--abcd1234': {}, italic: true });
      heading.insert(0, [text]);
      fragment.insert(0, [heading]);
    },
    'adjacent texts with equal marks': (fragment) => {
      const paragraph = new Y.XmlElement('paragraph');
      const first = new Y.XmlText();
      first.insert(0, 'one ', { bold: {} });
      const second = new Y.XmlText();
      second.insert(0, 'two', { bold: {} });
      paragraph.insert(0, [first, second]);
      fragment.insert(0, [paragraph]);
    },
  };

  for (const [name, build] of Object.entries(cases)) {
    it(`drops or merges ${name} as the editor does`, () => {
      const read = yXmlFragmentToRichText(garbage(build)).content;
      // y-tiptap's reader deletes what it cannot show from the doc as it goes; ours never writes.
      expect(read).toEqual(editorContent(garbage(build)));
    });
  }

  it('drops text and hooks placed directly in the fragment (y-tiptap would crash on them)', () => {
    const fragment = garbage((root) => root.insert(0, [new Y.XmlText('loose'), new Y.XmlHook('hook') as unknown as Y.XmlText, new Y.XmlElement('paragraph')]));
    expect(yXmlFragmentToRichText(fragment)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('refuses attribute values JSON cannot hold', () => {
    const fragment = garbage((root) => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', new Uint8Array([1]) as unknown as string);
      root.insert(0, [heading]);
    });
    expect(() => yXmlFragmentToRichText(fragment, '/pages/0/blocks/0/content/sv')).toThrow(YDocLayoutError);
    expect(() => yXmlFragmentToRichText(fragment, '/x')).toThrow(/at \/x\/content\/0\/attrs\/level/);
  });

  it('refuses to write what ProseMirror would refuse', () => {
    for (const json of [
      { type: 'paragraph' },
      { type: 'doc', content: [{ type: 'table' }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'highlight' }] }] }] },
      { type: 'doc', content: 'text' },
    ]) {
      expect(() => richTextToYXmlFragment(json)).toThrow(YDocLayoutError);
    }
  });
});
