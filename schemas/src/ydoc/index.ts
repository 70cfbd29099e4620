// Module and program JSON ⇄ Y.Doc: the live draft's layout (README.md).
export { moduleToYDoc, programToYDoc, yDocToModule, yDocToProgram } from './draft-doc.js';
export { findBlockMap, getPagesArray, moveArrayItem } from './draft-lookups.js';
export { fromYValue, toYValue } from './definition-values.js';
export { layoutVersion, metaMapName, type DraftKind } from './layout.js';
export { YDocLayoutError, type YDocLayoutErrorCode } from './layout-error.js';
export { normalizeRichText, richTextToYXmlFragment } from './rich-text-to-y.js';
export { yXmlFragmentToRichText } from './rich-text-from-y.js';
export { richTextSpec, type RichTextSpec } from './rich-text-spec.js';
