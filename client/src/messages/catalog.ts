import { formatMessage, type MessageParams } from './format.js';
import { languageOf, type Language } from './language.js';

/** One namespace's messages in one language: key → message (see format.ts for the syntax). */
export type Catalog<K extends string> = Readonly<Record<K, string>>;

/** One namespace's messages in every interface language, each with the same keys (a missing key is a type error). */
export type Catalogs<K extends string> = Readonly<Record<Language, Catalog<K>>>;

export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

/**
 * The one lookup: a key's message in a language (any tag; 'sv-FI' reads Swedish, an unknown language
 * English), its placeholders and plurals filled in. A key a catalog lacks at run time falls back to English.
 *
 * @example
 * translate(webMessages, 'sv', 'answeredCount', { n: 1 }); // '1 svar sparat'
 */
export function translate<K extends string>(catalogs: Catalogs<K>, language: string | null | undefined, key: K, params?: MessageParams): string {
  const chosen = languageOf(language);
  return formatMessage(catalogs[chosen][key] ?? catalogs.en[key] ?? key, params, chosen);
}

/** {@link translate} with the catalogs and the language fixed. */
export function translator<K extends string>(catalogs: Catalogs<K>, language: string | null | undefined): Translate<K> {
  return (key, params) => translate(catalogs, language, key, params);
}

/**
 * Several namespaces as one (an app's own catalog with the shared `common.*` one). The keys of the
 * namespaces must not overlap: each namespace prefixes its keys or owns them outright.
 */
export function combineCatalogs<A extends string, B extends string>(a: Catalogs<A>, b: Catalogs<B>): Catalogs<A | B> {
  return {
    en: { ...a.en, ...b.en },
    sv: { ...a.sv, ...b.sv },
    nb: { ...a.nb, ...b.nb },
  };
}
