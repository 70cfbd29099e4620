// The public surface of the format package: the generated types, the validators and the format
// migrations. The engine has its own entry points under ./engine/ and the Y.Doc mapping under ./ydoc/.
export type * from './generated/format.js';
export type { Issue } from './issue.js';
export { pointer, pointerSegment } from './issue.js';
export {
  checkLockedInstrumentChanges,
  detectDocumentKind,
  validateModule,
  validateProgram,
  validateResponse,
  type ModuleResolver,
  type ValidationResult,
} from './validate/index.js';
export { CURRENT_FORMAT_VERSION, formatMigrations, upgradeDocument, type Migration, type UpgradeResult } from './migrations/index.js';
