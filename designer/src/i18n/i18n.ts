import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type MessageKey } from './messages-en.js';
import { nb } from './messages-nb.js';
import { sv } from './messages-sv.js';

export type { MessageKey } from './messages-en.js';

export const LOCALES = ['en', 'sv', 'nb'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in that language, for the language switch. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', sv: 'Svenska', nb: 'Norsk bokmål' };

const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, sv, nb };

/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'careloom.designer.locale';

export type MessageParams = Readonly<Record<string, string | number>>;

/** The supported locale a language tag stands for ('sv-SE' → 'sv', 'no'/'nn' → 'nb'), if any. */
export function localeOf(tag: string | null | undefined): Locale | undefined {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'no' || primary === 'nn') return 'nb';
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : undefined;
}

/**
 * The locale to start in: the one the person chose before, else the page's `<html lang>`, else the
 * browser's languages in order, else English.
 */
export function detectLocale(sources: { stored?: string | null; htmlLang?: string | null; languages?: readonly string[] }): Locale {
  for (const candidate of [sources.stored, sources.htmlLang, ...(sources.languages ?? [])]) {
    const locale = localeOf(candidate);
    if (locale) return locale;
  }
  return 'en';
}

/** Fills `{name}` placeholders; unknown placeholders stay as they are, so a missing parameter shows. */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export interface LocaleStore {
  read(): string | null;
  write(locale: Locale): void;
}

/**
 * The message catalogs and the current locale. Screens call `t(key, params)` and re-render on
 * change through a {@link LocaleController}.
 *
 * @example
 * const i18n = new I18n('sv');
 * i18n.t('library.title'); // 'Bibliotek'
 */
export class I18n {
  #locale: Locale;
  readonly #listeners = new Set<(locale: Locale) => void>();
  readonly #store: LocaleStore | undefined;

  constructor(locale: Locale = 'en', store?: LocaleStore) {
    this.#locale = locale;
    this.#store = store;
  }

  get locale(): Locale {
    return this.#locale;
  }

  t(key: MessageKey, params?: MessageParams): string {
    return formatMessage(CATALOGS[this.#locale][key] ?? en[key], params);
  }

  /** Switches language, remembers the choice and tells every subscriber. */
  setLocale(locale: Locale): void {
    if (locale === this.#locale) return;
    this.#locale = locale;
    this.#store?.write(locale);
    for (const listener of this.#listeners) listener(locale);
  }

  subscribe(listener: (locale: Locale) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function browserStore(): LocaleStore | undefined {
  if (typeof localStorage === 'undefined') return undefined;
  return {
    read: () => {
      try {
        return localStorage.getItem(LOCALE_STORAGE_KEY);
      } catch {
        return null;
      }
    },
    write: (locale) => {
      try {
        localStorage.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // Private browsing may refuse storage; the choice then lasts for this page only.
      }
      if (typeof document !== 'undefined') document.documentElement.lang = locale;
    },
  };
}

function startingLocale(store: LocaleStore | undefined): Locale {
  return detectLocale({
    stored: store?.read(),
    htmlLang: typeof document === 'undefined' ? null : document.documentElement.lang,
    languages: typeof navigator === 'undefined' ? [] : navigator.languages,
  });
}

const store = browserStore();

/** The designer's one catalog instance: every screen of the app shares the chosen language. */
export const i18n = new I18n(startingLocale(store), store);

/** Translates with the shared instance. */
export function t(key: MessageKey, params?: MessageParams): string {
  return i18n.t(key, params);
}

/**
 * Re-renders a Lit element when the language changes.
 *
 * @example
 * class MyScreen extends LitElement { private locale = new LocaleController(this); render() { return html`${t('app.title')}`; } }
 */
export class LocaleController implements ReactiveController {
  #unsubscribe: (() => void) | undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost, private readonly source: I18n = i18n) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.source.subscribe(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }
}
