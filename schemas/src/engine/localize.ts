import type { LocalizedRichText, LocalizedText, RichTextDoc } from '../generated/format.js';

/**
 * The translation to show from a map keyed by language tag: the requested language, then its base
 * language ('en-GB' → 'en'), then another regional variant of it ('en' → 'en-GB'), then the same for
 * the fallback language, then the first translation given. A patient should always see some text:
 * a module missing a translation fails validation, but old versions and drafts still reach people.
 *
 * @example
 * pickTranslation({ sv: 'Hej', en: 'Hello' }, 'en-GB', 'sv'); // 'Hello'
 */
export function pickTranslation<T>(translations: Readonly<Record<string, T>> | undefined, language: string, fallbackLanguage: string): T | undefined {
  if (translations === undefined) return undefined;
  const tags = Object.keys(translations);
  for (const wanted of [language, fallbackLanguage]) {
    const base = baseLanguage(wanted);
    const tag = tags.find((candidate) => candidate === wanted)
      ?? tags.find((candidate) => candidate === base)
      ?? tags.find((candidate) => baseLanguage(candidate) === base);
    if (tag !== undefined) return translations[tag];
  }
  const first = tags[0];
  return first === undefined ? undefined : translations[first];
}

/**
 * Plain text in the patient's language ({@link pickTranslation} order), '' when there is none.
 *
 * @example
 * localize(block.prompt, 'nb', module.defaultLanguage);
 */
export function localize(text: LocalizedText | undefined, language: string, fallbackLanguage: string): string {
  return pickTranslation(text, language, fallbackLanguage) ?? '';
}

/**
 * Rich text in the patient's language ({@link pickTranslation} order), an empty document when there is none.
 *
 * @example
 * localizeRich(block.content, 'sv', module.defaultLanguage); // { type: 'doc', content: [...] }
 */
export function localizeRich(text: LocalizedRichText | undefined, language: string, fallbackLanguage: string): RichTextDoc {
  return pickTranslation(text, language, fallbackLanguage) ?? { type: 'doc', content: [] };
}

function baseLanguage(tag: string): string {
  return tag.split('-')[0] ?? tag;
}
