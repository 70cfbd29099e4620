import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaObject = { [key: string]: Json };

/** The schema files, parsed, keyed by file name. */
export function readSchemaFiles(dir: string): Map<string, SchemaObject> {
  const files = new Map<string, SchemaObject>();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.schema.json')).sort()) {
    files.set(name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as SchemaObject);
  }
  return files;
}

/**
 * Folds every schema file into one schema whose `$defs` hold each file's root (under its title)
 * and each file's own definitions, with every `$ref` rewritten to point inside the bundle.
 * json-schema-to-typescript resolves a file's local refs against the wrong file when that file is
 * itself reached through a `$ref`, so we hand it one self-contained document instead.
 */
export function bundleSchemas(files: Map<string, SchemaObject>): SchemaObject {
  const defs: SchemaObject = {};
  const titleOf = (file: string): string => {
    const title = files.get(file)?.['title'];
    if (typeof title !== 'string') throw new Error(`schema ${file} has no title`);
    return title;
  };
  const add = (name: string, schema: Json, origin: string) => {
    if (name in defs) throw new Error(`definition name ${name} (from ${origin}) is used twice`);
    defs[name] = schema;
  };
  for (const [file, schema] of files) {
    const rewrite = (node: Json): Json => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node === null || typeof node !== 'object') return node;
      // A $ref with sibling annotations becomes a fresh numbered type (Id1, Id2…) in json2ts.
      if (typeof node['$ref'] === 'string') return { $ref: rewriteRef(file, node['$ref'], titleOf) };
      const out: SchemaObject = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') out[key] = rewriteRef(file, value, titleOf);
        else if (key === '$id' || key === '$schema' || key === 'discriminator') continue;
        else out[key] = rewrite(value);
      }
      return out;
    };
    const { $defs, ...root } = schema;
    if (root['type'] !== undefined) add(titleOf(file), rewrite(root), file);
    for (const [name, def] of Object.entries(($defs ?? {}) as SchemaObject)) add(name, rewrite(def), file);
  }
  return { title: 'CareloomFormat', $defs: defs };
}

function rewriteRef(file: string, ref: string, titleOf: (file: string) => string): string {
  const [target = '', pointer = ''] = ref.split('#');
  const defName = pointer.startsWith('/$defs/') ? pointer.slice('/$defs/'.length) : undefined;
  if (target === '' && defName) return `#/$defs/${defName}`;
  if (target !== '' && defName) return `#/$defs/${defName}`;
  if (target !== '' && pointer === '') return `#/$defs/${titleOf(target)}`;
  throw new Error(`unsupported $ref ${ref} in ${file}`);
}
