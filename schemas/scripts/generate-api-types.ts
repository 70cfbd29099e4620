// The HTTP API's wire types from schemas/json/api/*.schema.json: one bundle for
// json-schema-to-typescript (like bundle-schemas.ts does for the format), with every reference to
// the format's schemas, and to the few types the format defines in TypeScript, turned into an import.
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readSchemaFiles } from './bundle-schemas.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaObject = { [key: string]: Json };

/**
 * Types the format defines in TypeScript rather than in a schema, by the module (relative to
 * src/generated/) that exports them. An API schema names one with `tsType` and still says what it
 * looks like on the wire, for the validators; a definition whose `tsType` is its own name is
 * re-exported from here instead of generated.
 */
const TYPESCRIPT_TYPES: Readonly<Record<string, string>> = {
  Issue: '../issue.js',
  DocumentChange: '../engine/index.js',
  ReleaseClass: '../engine/index.js',
  GoalPeriod: '../engine/index.js',
  VersionState: '../workflow/version-workflow.js',
  WorkflowAction: '../workflow/version-workflow.js',
};

/** The API schema files, parsed, keyed by file name (`accounts.schema.json`). */
export function readApiSchemaFiles(dir: string): Map<string, SchemaObject> {
  return readSchemaFiles(dir);
}

/**
 * The TypeScript of every definition of the API schemas. `formatFiles` are the format's schema files
 * (json/*.schema.json), which API schemas reference as `../module.schema.json` or
 * `../common.schema.json#/$defs/LocalizedText`: those become the format's generated types.
 */
export async function generateApiTypes(apiFiles: Map<string, SchemaObject>, formatFiles: Map<string, SchemaObject>, banner: string): Promise<string> {
  const formatName = (file: string, pointer: string): string => {
    const schema = formatFiles.get(file);
    if (!schema) throw new Error(`An API schema references ${file}, which is not a schema of the format.`);
    if (pointer === '') {
      if (typeof schema['title'] !== 'string') throw new Error(`${file} has no title.`);
      return schema['title'];
    }
    const name = pointer.startsWith('/$defs/') ? pointer.slice('/$defs/'.length) : undefined;
    if (!name || !(name in ((schema['$defs'] ?? {}) as SchemaObject))) throw new Error(`An API schema references ${file}#${pointer}, which does not exist.`);
    return name;
  };

  // Every definition of every API file, by name; a name may be used once across the files.
  const definitions = new Map<string, { file: string; schema: SchemaObject }>();
  for (const [file, schema] of apiFiles) {
    for (const [name, definition] of Object.entries((schema['$defs'] ?? {}) as SchemaObject)) {
      if (definitions.has(name)) throw new Error(`The API definition ${name} (in ${file}) is also in ${definitions.get(name)!.file}.`);
      definitions.set(name, { file, schema: definition as SchemaObject });
    }
  }

  /** What a reference stands for: a definition of the bundle, or a type to import. */
  const resolve = (file: string, ref: string): { local: string } | { external: string; from: string } => {
    const [target = '', pointer = ''] = ref.split('#');
    if (target.startsWith('../')) return { external: formatName(target.slice(3), pointer), from: './format.js' };
    const name = pointer.startsWith('/$defs/') ? pointer.slice('/$defs/'.length) : undefined;
    if (!name) throw new Error(`Unsupported $ref ${ref} in ${file}.`);
    if (target !== '' && !apiFiles.has(target)) throw new Error(`${file} references ${target}, which is not an API schema.`);
    const definition = definitions.get(name);
    if (!definition || (target !== '' && definition.file !== target) || (target === '' && definition.file !== file)) throw new Error(`${file} references ${ref}, which does not exist.`);
    const alias = aliasOf(definition.file, definition.schema);
    return alias && alias.name === name ? alias : { local: name };
  };
  /** A definition that is only another module's type under the same name or another: `{ $ref: '../module.schema.json' }`, `{ tsType: 'Issue', … }`. */
  const aliasOf = (file: string, schema: SchemaObject): { external: string; from: string; name: string } | undefined => {
    if (typeof schema['tsType'] === 'string' && schema['tsType'] in TYPESCRIPT_TYPES) return { external: schema['tsType'], from: TYPESCRIPT_TYPES[schema['tsType']]!, name: schema['tsType'] };
    if (typeof schema['$ref'] === 'string' && schema['$ref'].startsWith('../')) {
      const resolved = resolve(file, schema['$ref']);
      if ('external' in resolved) return { ...resolved, name: resolved.external };
    }
    return undefined;
  };

  const imports = new Map<string, Set<string>>();
  const use = (name: string, from: string) => (imports.get(from) ?? imports.set(from, new Set()).get(from)!).add(name);
  const reexports: string[] = [];
  const defs: SchemaObject = {};
  for (const [name, { file, schema }] of definitions) {
    const alias = aliasOf(file, schema);
    if (alias) {
      use(alias.external, alias.from);
      if (alias.external === name) reexports.push(name);
      else defs[name] = { ...(typeof schema['description'] === 'string' ? { description: schema['description'] } : {}), tsType: alias.external };
      continue;
    }
    defs[name] = rewrite(file, schema);
  }

  function rewrite(file: string, node: Json): Json {
    if (Array.isArray(node)) return node.map((entry) => rewrite(file, entry));
    if (node === null || typeof node !== 'object') return node;
    const description: SchemaObject = typeof node['description'] === 'string' ? { description: node['description'] } : {};
    if (typeof node['tsType'] === 'string') {
      for (const word of node['tsType'].match(/\b[A-Z]\w*/g) ?? []) {
        if (word in TYPESCRIPT_TYPES) use(word, TYPESCRIPT_TYPES[word]!);
        else if (!definitions.has(word) && [...formatFiles.values()].some((schema) => word in ((schema['$defs'] ?? {}) as SchemaObject))) use(word, './format.js');
      }
      return { ...description, tsType: node['tsType'] };
    }
    // A $ref with siblings would become a fresh numbered type in json2ts: the reference alone says the type.
    if (typeof node['$ref'] === 'string') {
      const resolved = resolve(file, node['$ref']);
      if ('local' in resolved) return { $ref: `#/$defs/${resolved.local}` };
      use(resolved.external, resolved.from);
      return { ...description, tsType: resolved.external };
    }
    const out: SchemaObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$id' || key === '$schema' || key === 'unevaluatedProperties') continue;
      out[key] = rewrite(file, value);
    }
    return out;
  }

  const generated = await compile({ title: 'CareloomApi', $defs: defs } as JSONSchema, 'CareloomApi', {
    additionalProperties: false,
    bannerComment: '',
    declareExternallyReferenced: true,
    unreachableDefinitions: true,
    // A list's length limits are for the validators; as tuples they would make every list a union of lengths.
    ignoreMinAndMaxItems: true,
    format: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  // The bundle's own root type says nothing: every definition is reachable by name.
  const body = generated.replace(/export interface CareloomApi \{[^}]*\}\n*/, '');
  if (body.includes('CareloomApi {')) throw new Error('The bundle root is still in the generated API types.');
  const importLines = [...imports.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, names]) => `import type { ${[...names].sort().join(', ')} } from '${from}';`);
  const reexportLines = [...new Set(reexports)].sort().map((name) => {
    const alias = aliasOf(definitions.get(name)!.file, definitions.get(name)!.schema)!;
    return `export type { ${name} } from '${alias.from}';`;
  });
  // Every definition by name, so the server names a body's schema by a key the compiler checks.
  const index = `/** Every definition of the API schemas by name: \`ApiDefinitions['Session']\` is the type of \`#/$defs/Session\`. */
export interface ApiDefinitions {
${[...definitions.keys()].map((name) => `  ${name}: ${name};`).join('\n')}
}`;
  return `${banner}\n\n${importLines.join('\n')}\n\n${reexportLines.join('\n')}\n\n${body.trim()}\n\n${index}\n`;
}
