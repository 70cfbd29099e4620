import { AppLocale, browserLanguageStore, startingLanguage, type LanguageStore } from '@careloom/client/locale';
import { combineCatalogs, commonMessages, LANGUAGES, LANGUAGE_NAMES, translate, type Catalogs, type CommonMessageKey, type Language, type MessageParams } from '@careloom/client/messages';
import { en as editorEn, type EditorMessageKey } from '../editor/messages-en.js';
import { nb as editorNb } from '../editor/messages-nb.js';
import { sv as editorSv } from '../editor/messages-sv.js';
import { en, type DesignerMessageKey } from './messages-en.js';
import { nb } from './messages-nb.js';
import { sv } from './messages-sv.js';

export type { MessageParams } from '@careloom/client/messages';

/** Every key the designer translates: the shell's and screens' (here), the module editor's (designer/src/editor) and the shared `common.*`. */
export type MessageKey = DesignerMessageKey | EditorMessageKey | CommonMessageKey;

export const LOCALES = LANGUAGES;
export type Locale = Language;

/** Each language's name in that language, for the language switch. */
export const LOCALE_NAMES = LANGUAGE_NAMES;

/** The designer's namespaces as one: what `t` reads. */
export const designerMessages: Catalogs<MessageKey> = combineCatalogs(
  combineCatalogs({ en, sv, nb }, { en: editorEn, sv: editorSv, nb: editorNb }),
  commonMessages,
);

/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'careloom.designer.locale';

/**
 * The designer's language and its catalogs. Elements extend `DesignerElement`
 * (designer-element.ts), which re-renders them on change, and call `t(key, params)`.
 *
 * @example
 * const i18n = new I18n('sv');
 * i18n.t('library.title'); // 'Bibliotek'
 */
export class I18n extends AppLocale {
  constructor(locale: Locale = 'en', store?: LanguageStore) {
    super(locale, store);
  }

  get locale(): Locale {
    return this.language;
  }

  t(key: MessageKey, params?: MessageParams): string {
    return translate(designerMessages, this.language, key, params);
  }

  /** Switches language, remembers the choice and tells every subscriber. */
  setLocale(locale: Locale): void {
    this.set(locale);
  }
}

const store = browserLanguageStore(LOCALE_STORAGE_KEY);

/** The designer's one catalog instance: every screen of the app shares the chosen language. */
export const i18n = new I18n(startingLanguage(store), store);

/** Translates with the shared instance. */
export function t(key: MessageKey, params?: MessageParams): string {
  return i18n.t(key, params);
}
