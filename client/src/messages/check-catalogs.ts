import { messageParameters, parseMessage, pluralSelectors } from './format.js';
import { LANGUAGES } from './language.js';
import type { Catalogs } from './catalog.js';

// English words after a number that are not a counted noun ('{name} is here', '{n} items was' …).
const COUNT_PARAMETER = /^(?:n|count|total|max|min|\w+Count)$/;
const NOT_NOUNS = new Set(['is', 'was', 'has', 'does', 'as', 'its', 'this', 'us', 'yes', 'always', 'perhaps', 'across', 'status']);

/**
 * What is wrong with a namespace's catalogs, as readable lines (empty when nothing): a key missing
 * from a language or only in one, an empty text, a translation whose parameters differ from the
 * English, a plural that is not well formed or has no `one` branch (English, Swedish and
 * Norwegian all tell one from many), and an English count that is not a plural ('{n} answers saved' reads "1 answers saved").
 * Each package's catalog test runs it.
 */
export function checkCatalogs(catalogs: Catalogs<string>): string[] {
  const problems: string[] = [];
  const english = catalogs.en;
  for (const language of LANGUAGES) {
    const catalog = catalogs[language] as Record<string, string>;
    for (const key of Object.keys(english)) if (!Object.hasOwn(catalog, key)) problems.push(`${language}: missing ${key}`);
    for (const [key, text] of Object.entries(catalog)) {
      if (!Object.hasOwn(english, key)) {
        problems.push(`${language}: ${key} is not in the English catalog`);
        continue;
      }
      if (typeof text !== 'string' || text.trim() === '') problems.push(`${language}.${key}: empty`);
      const expected = messageParameters((english as Record<string, string>)[key]!).join(', ');
      const actual = messageParameters(text).join(', ');
      if (actual !== expected) problems.push(`${language}.${key}: parameters {${actual}} instead of {${expected}}`);
      const plurals = pluralSelectors(text);
      for (const match of text.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)) {
        if (!plurals[match[1]!]) problems.push(`${language}.${key}: plural {${match[1]}} is not well formed (each branch in braces, and an "other" branch)`);
      }
      for (const [argument, selectors] of Object.entries(plurals)) {
        if (!selectors.includes('one') && !selectors.includes('=1')) problems.push(`${language}.${key}: plural {${argument}} without "one"`);
      }
      if (language === 'en') problems.push(...countsWithoutPlural(text).map((word) => `en.${key}: "${word}" counts without a plural`));
    }
  }
  return problems;
}

/** '{n} answers' outside a plural: a number placeholder followed by an English plural noun. */
function countsWithoutPlural(text: string): string[] {
  const found: string[] = [];
  // Only the text outside plural arguments counts, so blank out every plural first.
  const outside = parseMessage(text)
    .map((part) => (typeof part === 'string' ? part : 'arg' in part ? `{${part.arg}}` : ' \u0000 '))
    .join('');
  for (const match of outside.matchAll(/\{(\w+)\}\s+(?:(?:more|open|unread|overdue|unanswered|new|other)\s+)?([a-z]+(?:s|\(s\)))(?![\w(])/g)) {
    if (COUNT_PARAMETER.test(match[1]!) && !NOT_NOUNS.has(match[2]!)) found.push(match[0]);
  }
  return found;
}
