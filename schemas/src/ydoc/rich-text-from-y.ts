import * as Y from 'yjs';
import type { RichTextDoc } from '../generated/format.js';
import { pointerSegment } from '../issue.js';
import { checkDepth, plainJson } from './json-value.js';
import { computeAttrs, markAttrSpec, nodeAttrSpec } from './rich-text-spec.js';
import { joinTexts, nodeJson, sortMarks, type NormalMark, type NormalNode } from './rich-text-to-y.js';

// y-tiptap names overlapping marks 'name--<8-char hash>'; the hash is dropped when reading.
const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/**
 * Reads a Y.XmlFragment written by y-tiptap (or {@link richTextToYXmlFragment}) as the JSON the
 * designer's Tiptap editor bound to it returns from `editor.getJSON()`: default attributes filled
 * in, marks in rank order, adjacent texts with equal marks joined. Keys follow the schema's order.
 *
 * What the editor cannot show is left out the way y-tiptap leaves it out (y-tiptap even deletes it
 * from the doc; this function never writes): an element whose node type the editor lacks (with its
 * whole subtree), a text run holding an unknown mark or an embed, text or hooks directly in the
 * fragment, and undeclared attributes. Attribute values JSON cannot hold throw `ydoc.not_json`.
 *
 * @example
 * const json = yXmlFragmentToRichText(titleMap.get('sv') as Y.XmlFragment);
 */
export function yXmlFragmentToRichText(fragment: Y.XmlFragment, path = '', depth = 0): RichTextDoc {
  const content: NormalNode[] = [];
  fragment.toArray().forEach((child, index) => {
    if (!(child instanceof Y.XmlElement)) return;
    const node = readElement(child, `${path}/content/${index}`, depth + 1);
    if (node) content.push(node);
  });
  return { type: 'doc', content: joinTexts(content).map(nodeJson) as unknown as RichTextDoc['content'] };
}

function readElement(element: Y.XmlElement, path: string, depth: number): NormalNode | undefined {
  checkDepth(depth, path);
  const spec = nodeAttrSpec(element.nodeName);
  // ProseMirror cannot create a text node from an element, so y-tiptap drops those as well.
  if (spec === undefined || element.nodeName === 'text') return undefined;
  const children: NormalNode[] = [];
  element.toArray().forEach((child, index) => {
    const childPath = `${path}/content/${index}`;
    if (child instanceof Y.XmlElement) {
      const node = readElement(child, childPath, depth + 1);
      if (node) children.push(node);
    } else if (child instanceof Y.XmlText) {
      children.push(...(readText(child, childPath, depth + 1) ?? []));
    }
  });
  const attrs = computeAttrs(spec, element.getAttributes());
  for (const [name, value] of Object.entries(attrs)) attrs[name] = plainJson(value, `${path}/attrs/${pointerSegment(name)}`, depth + 1);
  return { type: element.nodeName, attrs, content: joinTexts(children), marks: [] };
}

/** The text nodes of one Y.XmlText, or undefined when y-tiptap would drop the whole run. */
function readText(text: Y.XmlText, path: string, depth: number): NormalNode[] | undefined {
  const nodes: NormalNode[] = [];
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string' || op.insert === '') return undefined;
    const marks: NormalMark[] = [];
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const type = hashedMarkName.exec(key)?.[1] ?? key;
      const spec = markAttrSpec(type);
      if (spec === undefined) return undefined;
      const attrs = computeAttrs(spec, value);
      for (const [name, attr] of Object.entries(attrs)) attrs[name] = plainJson(attr, `${path}/marks/${pointerSegment(name)}`, depth + 1);
      marks.push({ type, attrs });
    }
    nodes.push({ type: 'text', attrs: {}, content: [], marks: sortMarks(marks), text: op.insert });
  }
  return nodes;
}
