import type { LocalizedText } from '@careloom/format';
import type { Extension, PrimitiveElement } from './fhir-types.js';
import { EXT } from './fhir-urls.js';

/**
 * A Careloom text as FHIR wants it: the default language's text in the element, every other
 * language in the translation extension of the element's `_` sibling.
 */
export function fhirText(text: LocalizedText | undefined, defaultLanguage: string): { text?: string; element?: PrimitiveElement } {
  if (!text) return {};
  const main = text[defaultLanguage] ?? Object.values(text)[0];
  const translations: Extension[] = Object.entries(text)
    .filter(([language, value]) => language !== defaultLanguage && value !== '')
    .map(([language, value]) => ({ url: EXT.translation, extension: [{ url: 'lang', valueCode: language }, { url: 'content', valueString: value }] }));
  return { ...(main ? { text: main } : {}), ...(translations.length > 0 ? { element: { extension: translations } } : {}) };
}

/** The translations of a FHIR string element back into a Careloom text, keyed by language. */
export function localizedFromFhir(text: string | undefined, element: PrimitiveElement | undefined, defaultLanguage: string): LocalizedText {
  const result: LocalizedText = {};
  if (typeof text === 'string') result[defaultLanguage] = text;
  for (const extension of element?.extension ?? []) {
    if (extension.url !== EXT.translation) continue;
    const language = extension.extension?.find((part) => part.url === 'lang')?.valueCode;
    const content = extension.extension?.find((part) => part.url === 'content')?.valueString;
    if (typeof language === 'string' && typeof content === 'string' && language !== defaultLanguage) result[language] = content;
  }
  return result;
}
