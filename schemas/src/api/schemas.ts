// The schema files behind the API's wire types, for whoever validates bodies or describes the API
// (the server's request validators and /api/openapi.json). The designer and the web apps import
// only the types (`@careloom/format/api`), so none of this reaches their bundles.
export { apiSchemaFileContents } from '../generated/api-schema-files.js';
export { schemaFileContents } from '../generated/schema-files.js';
export type { SchemaNode } from '../generated/schema-files.js';

/** Where the API schemas' `$id`s sit: `${API_SCHEMA_BASE}care.schema.json`. They reference the format's schemas as `../module.schema.json`. */
export const API_SCHEMA_BASE = 'https://careloom.org/schemas/api/';
/** Where the format schemas' `$id`s sit. */
export const FORMAT_SCHEMA_BASE = 'https://careloom.org/schemas/';
