import { schemaFileContents } from '../generated/schema-files.js';
import type { SchemaNode } from '../generated/schema-files.js';

export type { SchemaNode };

/**
 * The format's schema files, from a generated module (not JSON imports) so that validation needs no
 * file system and runs unchanged in the designer. Keyed by file name, which is how `$ref`s name them.
 */
export const schemaFiles: ReadonlyMap<string, SchemaNode> = new Map<string, SchemaNode>(Object.entries(schemaFileContents));
