import { mergeAttributes, Node } from '@tiptap/core';

/**
 * The callout node of the rich-text allow-list: a box of blocks with a `tone` (note, tip, warning,
 * crisis). Rendered as `<aside data-callout data-tone="…">`.
 */
export const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: 'block+',
  defining: true,

  addAttributes() {
    return {
      tone: {
        default: 'note',
        parseHTML: (element: HTMLElement) => element.getAttribute('data-tone') ?? 'note',
        renderHTML: (attributes: { tone?: string }) => ({ 'data-tone': attributes.tone }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'aside[data-callout]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes({ 'data-callout': '' }, HTMLAttributes), 0];
  },
});
