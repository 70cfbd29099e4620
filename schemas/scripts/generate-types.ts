// Writes schemas/src/generated/format.ts from schemas/json/*.schema.json.
// With --check it writes nothing and exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { bundleSchemas, readSchemaFiles } from './bundle-schemas.js';

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(schemasDir, 'src', 'generated', 'format.ts');
const banner = `/* eslint-disable */
/**
 * DO NOT EDIT. Generated from schemas/json/*.schema.json by \`npm run gen\`;
 * \`npm run gen:check\` (part of \`npm test\`) fails when this file is stale.
 */`;

const bundle = bundleSchemas(readSchemaFiles(join(schemasDir, 'json')));
const generated = await compile(bundle as JSONSchema, 'CareloomFormat', {
  additionalProperties: false,
  bannerComment: banner,
  declareExternallyReferenced: true,
  unreachableDefinitions: true,
  format: true,
  style: { singleQuote: true, printWidth: 110 },
});

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(outFile, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (committed !== generated) {
    console.error(`${outFile} is stale: run \`npm run gen\` and commit the result.`);
    process.exit(1);
  }
  console.log('generated types are up to date');
} else {
  writeFileSync(outFile, generated);
  console.log(`wrote ${outFile}`);
}
