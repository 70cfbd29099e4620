import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pickLanguage, type Language } from '../messages/language.js';

/** Where a chosen interface language is kept between visits. */
export interface LanguageStore {
  read(): string | null;
  write(language: Language): void;
}

/**
 * The interface language an app is shown in, and who to tell when it changes. One per app: the
 * language switch calls `set`, screens re-render through a {@link LocaleController}.
 *
 * @example
 * const locale = new AppLocale(startingLanguage(store), store);
 * locale.set('sv'); // remembered, <html lang> follows, every subscriber re-renders
 */
export class AppLocale {
  #language: Language;
  readonly #listeners = new Set<(language: Language) => void>();
  readonly #store: LanguageStore | undefined;

  constructor(language: Language = 'en', store?: LanguageStore) {
    this.#language = language;
    this.#store = store;
  }

  get language(): Language {
    return this.#language;
  }

  /** Switches language, remembers the choice and tells every subscriber. */
  set(language: Language): void {
    if (language === this.#language) return;
    this.#language = language;
    this.#store?.write(language);
    for (const listener of this.#listeners) listener(language);
  }

  subscribe(listener: (language: Language) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/**
 * The browser's localStorage under `key`, or undefined where there is none (Node). Writing also
 * sets `<html lang>`, so screen readers read the page in the chosen language.
 */
export function browserLanguageStore(key: string): LanguageStore | undefined {
  if (typeof localStorage === 'undefined') return undefined;
  return {
    read: () => {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write: (language) => {
      try {
        localStorage.setItem(key, language);
      } catch {
        // Private browsing may refuse storage; the choice then lasts for this page only.
      }
      if (typeof document !== 'undefined') document.documentElement.lang = language;
    },
  };
}

/**
 * The language to start in: the person's earlier choice, else the page's `<html lang>`, else the
 * browser's languages in order, else English.
 */
export function startingLanguage(store: LanguageStore | undefined): Language {
  return pickLanguage([
    store?.read(),
    typeof document === 'undefined' ? null : document.documentElement.lang,
    ...(typeof navigator === 'undefined' ? [] : navigator.languages),
  ]);
}

/**
 * Re-renders a Lit element whenever its app's language changes.
 *
 * @example
 * class MyScreen extends LitElement { private readonly locale = new LocaleController(this, appLocale); }
 */
export class LocaleController implements ReactiveController {
  #unsubscribe: (() => void) | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #source: AppLocale;

  constructor(host: ReactiveControllerHost, source: AppLocale) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  get language(): Language {
    return this.#source.language;
  }

  hostConnected(): void {
    this.#unsubscribe = this.#source.subscribe(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
