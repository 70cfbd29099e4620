import { schemaFileContents } from '../generated/schema-files.js';

const schemaFile = (name: string): SchemaNode => {
  const node = schemaFileContents[name];
  if (!node) throw new Error(`The format has no schema file ${name}.`);
  return node;
};
const commonSchema = schemaFile('common.schema.json');
const instrumentSchema = schemaFile('instrument.schema.json');
const moduleSchema = schemaFile('module.schema.json');
const programSchema = schemaFile('program.schema.json');

/** A JSON Schema object as read from the files. */
export type SchemaNode = { readonly [key: string]: unknown };

/** A schema node and the file its relative `$ref`s resolve against. */
export interface SchemaLocation {
  readonly node: SchemaNode;
  readonly file: string;
}

/**
 * How a place in the document is laid out in the Y.Doc, decided by its schema:
 * - `localizedText`: Y.Map language → Y.Text
 * - `localizedRichText`: Y.Map language → Y.XmlFragment (y-tiptap encoding)
 * - `union`: a discriminated `oneOf`; a Y.Map laid out as the variant its tag names
 * - `object`: fixed properties; a Y.Map, read back in the schema's property order
 * - `record`: free keys with one value schema; a Y.Map, read back in sorted key order
 * - `array`: a Y.Array
 * - `value`: a plain value (string, number, boolean, null)
 */
export type Shape =
  | { kind: 'localizedText' }
  | { kind: 'localizedRichText' }
  | { kind: 'union'; tag: string; variants: ReadonlyArray<{ values: readonly unknown[]; location: SchemaLocation }> }
  | { kind: 'object'; properties: ReadonlyMap<string, SchemaLocation> }
  | { kind: 'record'; values: SchemaLocation | undefined }
  | { kind: 'array'; items: SchemaLocation | undefined }
  | { kind: 'value' };

// Imported as modules, not read from disk: the mapping runs in the designer too.
const schemaFiles: ReadonlyMap<string, SchemaNode> = new Map<string, SchemaNode>([
  ['common.schema.json', commonSchema],
  ['instrument.schema.json', instrumentSchema],
  ['module.schema.json', moduleSchema],
  ['program.schema.json', programSchema],
]);

const commonDefs = (commonSchema as { $defs: Record<string, SchemaNode> }).$defs;
const shapes = new WeakMap<SchemaNode, Shape>();

/** The root of a document kind's schema. */
export function rootLocation(kind: 'module' | 'program'): SchemaLocation {
  return { node: kind === 'module' ? moduleSchema : programSchema, file: `${kind}.schema.json` };
}

/**
 * A named definition: a `$defs` entry of any schema file or a file's root by its title
 * ('Block', 'Option', 'InstrumentBlock', 'Page', …). Names are unique across the files
 * (schemas/scripts/bundle-schemas.ts refuses duplicates).
 */
export function definitionLocation(name: string): SchemaLocation | undefined {
  for (const [file, schema] of schemaFiles) {
    if (schema['title'] === name && schema['type'] !== undefined) return { node: schema, file };
    const definition = (schema['$defs'] as Record<string, SchemaNode> | undefined)?.[name];
    if (definition) return { node: definition, file };
  }
  return undefined;
}

/** Resolves a `$ref` ('#/$defs/X', 'file.json#/$defs/X' or 'file.json') written in `file`. */
function resolveRef(ref: string, file: string): SchemaLocation {
  const [target = '', fragment = ''] = ref.split('#');
  const targetFile = target === '' ? file : target;
  let node: unknown = schemaFiles.get(targetFile);
  for (const segment of fragment.split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!node || typeof node !== 'object') throw new Error(`unreachable: cannot resolve $ref ${ref} in ${file}`);
  return { node: node as SchemaNode, file: targetFile };
}

/** Follows `$ref`s until a node with its own keywords. */
export function deref(location: SchemaLocation): SchemaLocation {
  let current = location;
  while (typeof current.node['$ref'] === 'string') current = resolveRef(current.node['$ref'], current.file);
  return current;
}

/** The layout of the place a schema location describes (cached per schema node). */
export function shapeOf(location: SchemaLocation): Shape {
  const resolved = deref(location);
  const cached = shapes.get(resolved.node);
  if (cached) return cached;
  const shape = computeShape(resolved);
  shapes.set(resolved.node, shape);
  return shape;
}

function computeShape({ node, file }: SchemaLocation): Shape {
  if (node === commonDefs['LocalizedText']) return { kind: 'localizedText' };
  if (node === commonDefs['LocalizedRichText']) return { kind: 'localizedRichText' };
  const discriminator = node['discriminator'] as { propertyName?: unknown } | undefined;
  if (Array.isArray(node['oneOf']) && typeof discriminator?.propertyName === 'string') {
    const tag = discriminator.propertyName;
    const variants = (node['oneOf'] as SchemaNode[]).map((variant) => {
      const location = deref({ node: variant, file });
      const tagSchema = (location.node['properties'] as Record<string, SchemaNode> | undefined)?.[tag];
      const values = tagSchema?.['const'] !== undefined ? [tagSchema['const']] : ((tagSchema?.['enum'] as unknown[] | undefined) ?? []);
      return { values, location };
    });
    return { kind: 'union', tag, variants };
  }
  if (node['type'] === 'array') {
    const items = node['items'];
    return { kind: 'array', items: isSchemaNode(items) ? { node: items, file } : undefined };
  }
  if (node['type'] === 'object' && isSchemaNode(node['properties'])) {
    const properties = new Map<string, SchemaLocation>();
    for (const [name, property] of Object.entries(node['properties'])) {
      if (isSchemaNode(property)) properties.set(name, { node: property, file });
    }
    return { kind: 'object', properties };
  }
  if (node['type'] === 'object') {
    const values = node['additionalProperties'];
    return { kind: 'record', values: isSchemaNode(values) ? { node: values, file } : undefined };
  }
  return { kind: 'value' };
}

/** The variant of a union whose tag admits `tagValue`, if any. */
export function variantFor(shape: Extract<Shape, { kind: 'union' }>, tagValue: unknown): SchemaLocation | undefined {
  return shape.variants.find((variant) => variant.values.includes(tagValue))?.location;
}

function isSchemaNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A union's shape is the shape of the variant its tag value names (none when the tag is unknown). */
export function resolveUnion(shape: Shape | undefined, tagValue: unknown): Shape | undefined {
  if (shape?.kind !== 'union') return shape;
  const variant = variantFor(shape, tagValue);
  return variant ? shapeOf(variant) : undefined;
}

/** The schema of one key of an object or record shape. */
export function childLocation(shape: Shape | undefined, key: string): SchemaLocation | undefined {
  if (shape?.kind === 'object') return shape.properties.get(key);
  if (shape?.kind === 'record') return shape.values;
  return undefined;
}
