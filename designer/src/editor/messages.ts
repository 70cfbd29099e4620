// The module editor's strings are a namespace of the designer's one catalog (designer/src/i18n):
// the same `t`, the same language switch. Its catalogs stay beside it (messages-{en,sv,nb}.ts).
export { t } from '../i18n/i18n.js';
export type { EditorMessageKey } from './messages-en.js';
