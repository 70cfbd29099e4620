export type { ChangeCategory, DocumentChange } from './change.js';
export { diffDocuments } from './diff-documents.js';
export { classifyRelease } from './release-class.js';
export type { ReleaseClass } from './release-class.js';
export { richTextToPlain } from './plain-text.js';
export { wordDiff } from './word-diff.js';
export type { WordRun } from './word-diff.js';
