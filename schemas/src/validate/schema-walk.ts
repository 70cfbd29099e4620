import { pointerSegment } from '../issue.js';
import { schemaFiles, type SchemaNode } from './schema-files.js';
import { LINK_TARGET_PATTERN } from '../engine/link-target.js';

/** A schema node and the file its relative `$ref`s resolve against. */
interface Located {
  node: SchemaNode;
  file: string;
}

/** A translated text found in a document. */
export interface LocalizedValue {
  path: string;
  value: Record<string, unknown>;
  rich: boolean;
}

const common = schemaFiles.get('common.schema.json') as { $defs: Record<string, SchemaNode> };
const localizedText = common.$defs['LocalizedText'];
const localizedRichText = common.$defs['LocalizedRichText'];

/** Resolves a `$ref` ('#/$defs/X', 'file.json#/$defs/X' or 'file.json') written in `file`. */
export function resolveRef(ref: string, file: string): Located {
  const [target = '', fragment = ''] = ref.split('#');
  const targetFile = target === '' ? file : target;
  let node: unknown = schemaFiles.get(targetFile);
  for (const segment of fragment.split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!node || typeof node !== 'object') throw new Error(`Cannot resolve $ref ${ref} in ${file}.`);
  return { node: node as SchemaNode, file: targetFile };
}

/** Follows `$ref`s until a node with its own keywords. */
function deref(located: Located): Located {
  let current = located;
  while (typeof current.node['$ref'] === 'string') current = resolveRef(current.node['$ref'], current.file);
  return current;
}

/** The tag values each variant of a discriminated union declares, in variant order. */
function variantValues(union: Located, tagName: string): Array<{ values: string[]; variant: Located }> {
  const variants = (union.node['oneOf'] as SchemaNode[] | undefined) ?? [];
  return variants.map((variant) => {
    const resolved = deref({ node: variant, file: union.file });
    const tag = (resolved.node['properties'] as Record<string, SchemaNode> | undefined)?.[tagName];
    const values = tag?.['const'] !== undefined ? [tag['const']] : ((tag?.['enum'] as unknown[] | undefined) ?? []);
    return { values: values.map(String), variant: resolved };
  });
}

let discriminators: Map<object, { tagName: string; values: string[] }> | undefined;

/**
 * The allowed tag values of a discriminated union (Block by `type`, Input by `kind`, Condition by
 * `op`, ScoreTest by `of`), looked up by the union's schema object as ajv reports it.
 */
export function discriminatorValues(unionSchema: unknown, tagName: string): string[] {
  if (!discriminators) {
    discriminators = new Map();
    for (const [file, schema] of schemaFiles) {
      visitSchema(schema, (node) => {
        const discriminator = node['discriminator'] as { propertyName?: string } | undefined;
        if (!discriminator?.propertyName) return;
        const values = variantValues({ node, file }, discriminator.propertyName).flatMap((entry) => entry.values);
        discriminators?.set(node, { tagName: discriminator.propertyName, values });
      });
    }
  }
  const known = typeof unionSchema === 'object' && unionSchema !== null ? discriminators.get(unionSchema) : undefined;
  if (known) return known.values;
  return [...discriminators.values()].find((entry) => entry.tagName === tagName)?.values ?? [];
}

function visitSchema(node: unknown, visit: (node: SchemaNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) visitSchema(child, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  visit(node as SchemaNode);
  for (const child of Object.values(node)) visitSchema(child, visit);
}

/**
 * Every LocalizedText and LocalizedRichText in a schema-valid document, found by walking the
 * document alongside its schema, so that a new translated field is checked without touching the
 * validators.
 *
 * @example
 * localizedValues('module.schema.json', module).map((found) => found.path); // ['/title', '/pages/0/title', …]
 */
export function localizedValues(rootFile: string, doc: unknown): LocalizedValue[] {
  const found = new Map<string, LocalizedValue>();
  const walk = (located: Located, data: unknown, path: string): void => {
    const { node, file } = located;
    if (typeof node['$ref'] === 'string') {
      const target = resolveRef(node['$ref'], file);
      if (target.node === localizedText || target.node === localizedRichText) {
        if (isRecord(data)) found.set(path, { path, value: data, rich: target.node === localizedRichText });
        return;
      }
      walk(target, data, path);
      return;
    }
    const discriminator = node['discriminator'] as { propertyName?: string } | undefined;
    if (discriminator?.propertyName && isRecord(data)) {
      const tag = String(data[discriminator.propertyName]);
      const match = variantValues(located, discriminator.propertyName).find((entry) => entry.values.includes(tag));
      if (match) walk(match.variant, data, path);
      return;
    }
    for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
      for (const branch of (node[keyword] as SchemaNode[] | undefined) ?? []) walk({ node: branch, file }, data, path);
    }
    if (Array.isArray(data) && isRecord(node['items'])) {
      data.forEach((child, index) => walk({ node: node['items'] as SchemaNode, file }, child, `${path}/${index}`));
    }
    if (!isRecord(data)) return;
    const properties = (node['properties'] as Record<string, SchemaNode> | undefined) ?? {};
    const additional = node['additionalProperties'];
    for (const [key, child] of Object.entries(data)) {
      const schema = properties[key] ?? (isRecord(additional) ? (additional as SchemaNode) : undefined);
      if (schema) walk({ node: schema, file }, child, `${path}/${pointerSegment(key)}`);
    }
  };
  const root = schemaFiles.get(rootFile);
  if (!root) throw new Error(`Unknown schema file ${rootFile}.`);
  walk({ node: root, file: rootFile }, doc, '');
  return [...found.values()];
}

/** Plain descriptions of the format's patterns, keyed by the pattern, for messages. */
export function patternDescription(pattern: string): string | undefined {
  if (!patternNames) {
    patternNames = new Map();
    const names: Record<string, string> = {
      Id: "an id: a letter followed by letters, digits, '_', '-' or '.' (at most 64 characters, no spaces)",
      Slug: "a lower-case id of 2 to 64 letters, digits and '-'",
      LanguageTag: "a language tag such as 'sv', 'nb' or 'en-GB'",
      Sha256: 'a SHA-256 hash of 64 lower-case hex digits',
    };
    for (const [name, description] of Object.entries(names)) {
      const defPattern = common.$defs[name]?.['pattern'];
      if (typeof defPattern === 'string') patternNames.set(defPattern, description);
    }
    const moduleDefs = (schemaFiles.get('module.schema.json') as { $defs: Record<string, SchemaNode> }).$defs;
    const media = moduleDefs['MediaSource']?.['pattern'];
    if (typeof media === 'string') patternNames.set(media, "an address starting with 'https://' or a path starting with '/'");
    patternNames.set('^([01][0-9]|2[0-3]):[0-5][0-9]$', "a time of day as HH:MM, such as '07:30'");
    patternNames.set(LINK_TARGET_PATTERN, "a link to an 'https://' or 'http://' address, a 'mailto:' or 'tel:' address, a path on this site starting with a single '/', or a '#' fragment, without spaces");
    patternNames.set('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', 'a UUID');
  }
  return patternNames.get(pattern);
}
let patternNames: Map<string, string> | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
