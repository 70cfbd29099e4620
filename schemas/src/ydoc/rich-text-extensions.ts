import type { AnyExtension } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { Callout } from './callout.js';
import { isSafeLinkTarget } from '../engine/link-target.js';

/**
 * The Tiptap extensions whose ProseMirror schema is exactly the rich-text allow-list of
 * common.schema.json (RichTextNode, RichTextMark) and the table in rich-text-spec.ts. The designer
 * builds its editors from this list (plus Collaboration and CollaborationCaret), so what an editor
 * writes into a draft is what the Y.Doc mapping reads. Not exported from index.ts: the mapping
 * itself needs no Tiptap or ProseMirror.
 *
 * @example
 * new Editor({ extensions: [...richTextExtensions(), Collaboration.configure({ fragment })] });
 */
export function richTextExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      codeBlock: false,
      // Collaboration brings its own undo, bound to the Y.Doc.
      undoRedo: false,
      heading: { levels: [1, 2, 3, 4] },
      // It appends a paragraph whenever a document ends in another block: opening a draft would
      // change it, and two designers opening it at once would add two paragraphs.
      trailingNode: false,
      link: false,
    }),
    // The format has no link title; without this the editor would write `title: null`.
    Link.extend({
      addAttributes() {
        const { title: _title, ...attributes } = (this.parent?.() ?? {}) as Record<string, unknown>;
        return attributes;
      },
    // Pasted, typed or auto-detected links obey the format's rule (no //host, no other schemes).
    }).configure({ openOnClick: false, isAllowedUri: (url) => isSafeLinkTarget(url) }),
    Callout,
  ];
}
