/** The interface languages: every catalog has these three, with the same keys. */
export const LANGUAGES = ['en', 'sv', 'nb'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in that language, for a language switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', sv: 'Svenska', nb: 'Norsk bokmål' };

/**
 * The interface language a language tag stands for, if any: 'sv-FI' → 'sv', 'no' and 'nn' (any
 * written Norwegian) → 'nb', 'de' → undefined.
 */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'no' || primary === 'nn') return 'nb';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : undefined;
}

/** Like {@link matchLanguage}, English for a tag without a catalog. */
export function languageOf(tag: string | null | undefined): Language {
  return matchLanguage(tag) ?? 'en';
}

/**
 * The first candidate that has a catalog, else English. Apps pass the person's saved choice, then
 * `<html lang>`, then `navigator.languages`; the server passes the tags of an Accept-Language header.
 *
 * @example
 * pickLanguage(['de', 'nn-NO', 'sv']); // 'nb'
 */
export function pickLanguage(candidates: Iterable<string | null | undefined>): Language {
  for (const candidate of candidates) {
    const language = matchLanguage(candidate);
    if (language) return language;
  }
  return 'en';
}

/**
 * The tags of an Accept-Language header, most wanted first (weight `q=0` means "not this one").
 *
 * @example
 * acceptedLanguages('en;q=0.5, sv-SE, nb;q=0.8'); // ['sv-SE', 'nb', 'en']
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const weight = parameters.map((parameter) => /^\s*q\s*=\s*(\S*)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
      const q = weight === undefined ? 1 : Number(weight);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
