/** Node types that end a line of text when rich text is flattened. */
const BLOCK_NODES = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'callout', 'codeBlock', 'horizontalRule']);

interface RichNode {
  type?: unknown;
  text?: unknown;
  content?: unknown;
}

/**
 * The text of a rich-text (ProseMirror JSON) document, one line per paragraph-like node, so a word
 * diff of two versions shows the words that changed rather than JSON noise. Marks and attributes
 * (bold, links) are not text; a change in them alone shows no word change.
 *
 * @example
 * richTextToPlain({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] }); // 'Hi'
 */
export function richTextToPlain(doc: unknown): string {
  const lines: string[] = [];
  let line = '';
  const visit = (node: RichNode) => {
    if (typeof node.text === 'string') line += node.text;
    if (node.type === 'hardBreak') line += '\n';
    if (Array.isArray(node.content)) for (const child of node.content) if (child && typeof child === 'object') visit(child as RichNode);
    if (typeof node.type === 'string' && BLOCK_NODES.has(node.type) && line !== '') {
      lines.push(line);
      line = '';
    }
  };
  if (doc && typeof doc === 'object') visit(doc as RichNode);
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** Whether a value looks like a rich-text document (the root of LocalizedRichText values). */
export function isRichTextDoc(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as RichNode).type === 'doc';
}
