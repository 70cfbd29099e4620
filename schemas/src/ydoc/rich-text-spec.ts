/**
 * The ProseMirror schema of the designer's editor, as far as the Y.Doc mapping needs it: each
 * allowed node and mark type with its attributes and their defaults, in the editor schema's order.
 * The mapping uses this table instead of a ProseMirror `Schema`, so reading a draft needs no
 * ProseMirror. `rich-text-spec.test.ts` proves it equal to the schema Tiptap builds from
 * `richTextExtensions()`; change both together.
 */
export interface RichTextSpec {
  /** Node type → attribute name → default, attributes in declaration order. */
  readonly nodes: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Mark type → attribute name → default, in ProseMirror rank order (the order marks are sorted in). */
  readonly marks: ReadonlyArray<readonly [name: string, attrs: Readonly<Record<string, unknown>>]>;
}

export const richTextSpec: RichTextSpec = {
  nodes: {
    doc: {},
    paragraph: {},
    blockquote: {},
    bulletList: {},
    hardBreak: {},
    heading: { level: 1 },
    horizontalRule: {},
    listItem: {},
    orderedList: { start: 1, type: null },
    text: {},
    callout: { tone: 'note' },
  },
  marks: [
    ['link', { href: null, target: '_blank', rel: 'noopener noreferrer nofollow', class: null }],
    ['bold', {}],
    ['code', {}],
    ['italic', {}],
    ['strike', {}],
    ['underline', {}],
  ],
};

const markRanks = new Map(richTextSpec.marks.map(([name], rank) => [name, rank]));
const markAttrs = new Map(richTextSpec.marks);

/** Attribute defaults of a node type, or undefined when the editor has no such node. */
export function nodeAttrSpec(type: string): Readonly<Record<string, unknown>> | undefined {
  return Object.hasOwn(richTextSpec.nodes, type) ? richTextSpec.nodes[type] : undefined;
}

/** Attribute defaults of a mark type, or undefined when the editor has no such mark. */
export function markAttrSpec(type: string): Readonly<Record<string, unknown>> | undefined {
  return markAttrs.get(type);
}

/** ProseMirror's rank of a known mark type (marks on a text are sorted by it). */
export function markRank(type: string): number {
  return markRanks.get(type) ?? Number.MAX_SAFE_INTEGER;
}

/**
 * ProseMirror's `computeAttrs`: every declared attribute, in declaration order, from `given` when
 * set there (null included) and from the default otherwise. Undeclared attributes are dropped.
 */
export function computeAttrs(spec: Readonly<Record<string, unknown>>, given: unknown): Record<string, unknown> {
  const source = given !== null && typeof given === 'object' ? (given as Record<string, unknown>) : {};
  const attrs: Record<string, unknown> = {};
  for (const [name, fallback] of Object.entries(spec)) {
    const value = Object.hasOwn(source, name) ? source[name] : undefined;
    attrs[name] = value === undefined ? fallback : value;
  }
  return attrs;
}
