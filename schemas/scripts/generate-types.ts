// Writes schemas/src/generated/format.ts (types), schema-files.ts (the schemas as a module) and
// validators.js + validators.d.ts (the schemas compiled by ajv, see compile-validators.ts) from
// schemas/json/*.schema.json, and api.ts (the HTTP API's wire types) and api-schema-files.ts from
// schemas/json/api/*.schema.json. With --check it writes nothing and exits 1 when any is stale.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { bundleSchemas, readSchemaFiles } from './bundle-schemas.js';
import { compileValidators } from './compile-validators.js';
import { generateApiTypes, readApiSchemaFiles } from './generate-api-types.js';

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(schemasDir, 'src', 'generated', 'format.ts');
const schemaModuleFile = join(schemasDir, 'src', 'generated', 'schema-files.ts');
const banner = `/* eslint-disable */
/**
 * DO NOT EDIT. Generated from schemas/json/*.schema.json by \`npm run gen\`;
 * \`npm run gen:check\` (part of \`npm test\`) fails when this file is stale.
 */`;

const schemaFiles = readSchemaFiles(join(schemasDir, 'json'));
const bundle = bundleSchemas(schemaFiles);
const validators = compileValidators(schemaFiles);
const generated = await compile(bundle as JSONSchema, 'CareloomFormat', {
  additionalProperties: false,
  bannerComment: banner,
  declareExternallyReferenced: true,
  unreachableDefinitions: true,
  format: true,
  style: { singleQuote: true, printWidth: 110 },
});

// The schemas as a TypeScript module: validation and the Y.Doc mapping run in the browser too, where
// JSON imports need bundler support that test runners and dev servers do not all agree on.
const jsonDir = join(schemasDir, 'json');
const files = readdirSync(jsonDir).filter((file) => file.endsWith('.schema.json')).sort();
const schemaModule = `${banner}

/** A JSON Schema node as read from the files. */
export type SchemaNode = { readonly [key: string]: unknown };

/** The format's schema files keyed by file name, which is how \`$ref\`s name them. */
export const schemaFileContents: Readonly<Record<string, SchemaNode>> = {
${files.map((file) => `  ${JSON.stringify(file)}: ${JSON.stringify(JSON.parse(readFileSync(join(jsonDir, file), 'utf8')))},`).join('\n')}
};
`;

const apiDir = join(jsonDir, 'api');
const apiFiles = readApiSchemaFiles(apiDir);
const apiBanner = banner.replace('schemas/json/*.schema.json', 'schemas/json/api/*.schema.json (scripts/generate-api-types.ts)');
const apiTypes = await generateApiTypes(apiFiles, schemaFiles, apiBanner);
// The API schemas as a module, for the server's validators and its OpenAPI description.
const apiSchemaModule = `${apiBanner}

import type { SchemaNode } from './schema-files.js';

/** The HTTP API's schema files keyed by file name (\`care.schema.json\`); their \`$id\`s sit under \`https://careloom.org/schemas/api/\`. */
export const apiSchemaFileContents: Readonly<Record<string, SchemaNode>> = {
${[...apiFiles.keys()].map((file) => `  ${JSON.stringify(file)}: ${JSON.stringify(apiFiles.get(file))},`).join('\n')}
};
`;

const outputs: Array<[string, string]> = [
  [join(schemasDir, 'src', 'generated', 'api.ts'), apiTypes],
  [join(schemasDir, 'src', 'generated', 'api-schema-files.ts'), apiSchemaModule],
  [outFile, generated],
  [schemaModuleFile, schemaModule],
  [join(schemasDir, 'src', 'generated', 'validators.js'), validators.js],
  [join(schemasDir, 'src', 'generated', 'validators.d.ts'), validators.dts],
];
if (process.argv.includes('--check')) {
  let stale = false;
  for (const [file, content] of outputs) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // a missing file is stale too
    }
    if (committed !== content) {
      console.error(`${file} is stale: run \`npm run gen\` and commit the result.`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
  console.log('generated files are up to date');
} else {
  for (const [file, content] of outputs) {
    writeFileSync(file, content);
    console.log(`wrote ${file}`);
  }
}
