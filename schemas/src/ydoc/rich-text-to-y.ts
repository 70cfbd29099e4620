import * as Y from 'yjs';
import { pointerSegment } from '../issue.js';
import { checkDepth, isPlainObject, jsonEqual, notJson } from './json-value.js';
import { YDocLayoutError } from './layout-error.js';
import { computeAttrs, markAttrSpec, markRank, nodeAttrSpec } from './rich-text-spec.js';

/** A node after ProseMirror's `Node.fromJSON`: attributes complete, marks sorted, texts joined. */
export interface NormalNode {
  type: string;
  attrs: Record<string, unknown>;
  content: NormalNode[];
  marks: NormalMark[];
  text?: string;
}

export interface NormalMark {
  type: string;
  attrs: Record<string, unknown>;
}

/**
 * Encodes a rich-text document (common.schema.json's RichTextDoc) as a Y.XmlFragment exactly as
 * @tiptap/y-tiptap's `prosemirrorJSONToYXmlFragment(schema, json)` does with the designer's editor
 * schema: one Y.XmlElement per node (nodeName = type, every non-null attribute after defaults are
 * applied), and one Y.XmlText per run of adjacent text nodes whose delta carries each mark as
 * the attribute `markName → mark attrs`. Returns a new, not yet integrated fragment, or fills
 * `fragment` when given (which must be empty).
 *
 * Throws {@link YDocLayoutError} `ydoc.invalid_rich_text` for what ProseMirror would refuse
 * (unknown node or mark types, a text node without text).
 *
 * @example
 * map.set('sv', richTextToYXmlFragment({ type: 'doc', content: [{ type: 'paragraph' }] }));
 */
export function richTextToYXmlFragment(json: unknown, fragment = new Y.XmlFragment(), path = ''): Y.XmlFragment {
  if (!isPlainObject(json) || json['type'] !== 'doc') invalid(path, 'A rich text must be an object of type "doc"');
  const content = normalizeContent(json['content'], `${path}/content`, 1);
  const children = groupChildren(content);
  const insert = () => fragment.insert(0, children);
  if (fragment.doc) fragment.doc.transact(insert);
  else insert();
  return fragment;
}

/**
 * The JSON a ProseMirror editor with the designer's schema gives for `json` (`Node.fromJSON` then
 * `toJSON`): default attributes filled in, undeclared ones dropped, marks in rank order, adjacent
 * texts with equal marks joined. This is the form snapshots take, so a document already in it
 * survives a round trip through the Y.Doc unchanged.
 *
 * @example
 * normalizeRichText({ type: 'doc', content: [{ type: 'orderedList', content: [] }] })
 * // { type: 'doc', content: [{ type: 'orderedList', attrs: { start: 1, type: null } }] }
 */
export function normalizeRichText(json: unknown): { type: 'doc'; content: unknown[] } {
  if (!isPlainObject(json) || json['type'] !== 'doc') invalid('', 'A rich text must be an object of type "doc"');
  return { type: 'doc', content: normalizeContent(json['content'], '/content', 1).map(nodeJson) };
}

/** Node JSON in the schema's key order (type, attrs, content, text, marks). */
export function nodeJson(node: NormalNode): Record<string, unknown> {
  const out: Record<string, unknown> = { type: node.type };
  if (Object.keys(node.attrs).length > 0) out['attrs'] = node.attrs;
  if (node.content.length > 0) out['content'] = node.content.map(nodeJson);
  if (node.text !== undefined) out['text'] = node.text;
  if (node.marks.length > 0) out['marks'] = node.marks.map(markJson);
  return out;
}

/** Mark JSON: `attrs` only for mark types that declare attributes (ProseMirror's Mark.toJSON). */
export function markJson(mark: NormalMark): Record<string, unknown> {
  return Object.keys(mark.attrs).length > 0 ? { type: mark.type, attrs: mark.attrs } : { type: mark.type };
}

/** Joins adjacent text nodes with equal marks, as ProseMirror's `Fragment.fromArray` does. */
export function joinTexts(nodes: NormalNode[]): NormalNode[] {
  const joined: NormalNode[] = [];
  for (const node of nodes) {
    const previous = joined[joined.length - 1];
    if (previous?.text !== undefined && node.text !== undefined && jsonEqual(previous.marks, node.marks)) {
      joined[joined.length - 1] = { ...previous, text: previous.text + node.text };
    } else {
      joined.push(node);
    }
  }
  return joined;
}

/** Sorts marks by rank, as ProseMirror's `Mark.setFrom` does (stable for equal ranks). */
export function sortMarks(marks: NormalMark[]): NormalMark[] {
  return [...marks].sort((left, right) => markRank(left.type) - markRank(right.type));
}

function normalizeContent(content: unknown, path: string, depth: number): NormalNode[] {
  if (content === undefined || content === null) return [];
  if (!Array.isArray(content)) invalid(path, '"content" must be a list of nodes');
  return joinTexts(content.map((node: unknown, index) => normalizeNode(node, `${path}/${index}`, depth)));
}

function normalizeNode(json: unknown, path: string, depth: number): NormalNode {
  checkDepth(depth, path);
  if (!isPlainObject(json)) invalid(path, 'A rich-text node must be an object');
  const type = json['type'];
  const spec = typeof type === 'string' ? nodeAttrSpec(type) : undefined;
  if (typeof type !== 'string' || spec === undefined || type === 'doc') invalid(path, `Unknown rich-text node type ${JSON.stringify(type)}`);
  const marks = normalizeMarks(json['marks'], `${path}/marks`);
  if (type === 'text') {
    const text = json['text'];
    if (typeof text !== 'string' || text === '') invalid(path, 'A text node needs non-empty "text"');
    return { type, attrs: {}, content: [], marks, text };
  }
  const attrs = computeAttrs(spec, json['attrs']);
  for (const [name, value] of Object.entries(attrs)) checkAttrValue(value, `${path}/attrs/${pointerSegment(name)}`);
  return { type, attrs, content: normalizeContent(json['content'], `${path}/content`, depth + 1), marks };
}

function normalizeMarks(marks: unknown, path: string): NormalMark[] {
  if (marks === undefined || marks === null) return [];
  if (!Array.isArray(marks)) invalid(path, '"marks" must be a list');
  return sortMarks(marks.map((mark: unknown, index) => {
    const type = isPlainObject(mark) ? mark['type'] : undefined;
    const spec = typeof type === 'string' ? markAttrSpec(type) : undefined;
    if (!isPlainObject(mark) || typeof type !== 'string' || spec === undefined) invalid(`${path}/${index}`, `Unknown mark type ${JSON.stringify(type)}`);
    const attrs = computeAttrs(spec, mark['attrs']);
    for (const [name, value] of Object.entries(attrs)) checkAttrValue(value, `${path}/${index}/attrs/${pointerSegment(name)}`);
    return { type, attrs };
  }));
}

function checkAttrValue(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  notJson(value, path);
}

function toYElement(node: NormalNode): Y.XmlElement {
  const element = new Y.XmlElement(node.type);
  for (const [name, value] of Object.entries(node.attrs)) {
    // y-tiptap leaves null attributes out; the editor restores them from the defaults.
    if (value !== null) element.setAttribute(name, value as string);
  }
  element.insert(0, groupChildren(node.content));
  return element;
}

/** One child per node, except that a run of text nodes becomes one Y.XmlText (y-tiptap's `normalizePNodeContent`). */
function groupChildren(nodes: NormalNode[]): Array<Y.XmlElement | Y.XmlText> {
  const children: Array<Y.XmlElement | Y.XmlText> = [];
  let run: NormalNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(run.map((node) => ({ insert: node.text, attributes: markAttributes(node.marks) })));
    children.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (node.text !== undefined) {
      run.push(node);
      continue;
    }
    flush();
    children.push(toYElement(node));
  }
  flush();
  return children;
}

/** y-tiptap's `marksToAttributes`: none of the allowed marks overlaps itself, so names carry no hash. */
function markAttributes(marks: NormalMark[]): Record<string, Record<string, unknown>> {
  const attributes: Record<string, Record<string, unknown>> = {};
  for (const mark of marks) attributes[mark.type] = mark.attrs;
  return attributes;
}

function invalid(path: string, message: string): never {
  throw new YDocLayoutError('ydoc.invalid_rich_text', path, message);
}
