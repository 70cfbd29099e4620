import { formatMessage, i18n } from '../i18n/i18n.js';
import type { MessageParams } from '../i18n/i18n.js';
import { en, type EditorMessageKey } from './messages-en.js';
import { nb } from './messages-nb.js';
import { sv } from './messages-sv.js';

export type { EditorMessageKey };

const CATALOGS: Readonly<Record<string, Readonly<Record<EditorMessageKey, string>>>> = { en, sv, nb };

/**
 * The editor's strings in the designer's current language (the shared `i18n` locale: the header's
 * language switch changes both). Components re-render on a switch through `LocaleController`.
 * The editor keeps its catalogs beside it rather than in designer/src/i18n so that the two can be
 * changed independently; the keys and the fallback to English work the same way.
 */
export function t(key: EditorMessageKey, params?: MessageParams): string {
  return formatMessage(CATALOGS[i18n.locale]?.[key] ?? en[key], params);
}
