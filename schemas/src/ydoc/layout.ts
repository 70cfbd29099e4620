/**
 * Version of the Y.Doc layout (README.md), stored as `meta.layout`. Bump it, and teach the readers
 * the old one, whenever a document's Y types change; it is independent of the format's
 * `formatVersion`, which the JSON carries inside the root map.
 */
export const layoutVersion = 1;

/** The kinds of draft a Y.Doc holds; each is the name of its root Y.Map. */
export type DraftKind = 'module' | 'program';

/** Name of the root Y.Map holding the layout's bookkeeping (`layout`, `kind`). */
export const metaMapName = 'meta';
