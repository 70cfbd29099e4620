import type { Issue } from '../issue.js';
import { pointerSegment } from '../issue.js';
import { issue, listWords, quoteAll, type CheckContext } from './check-context.js';
import { localizedValues } from './schema-walk.js';

/**
 * Every translated text (every LocalizedText and LocalizedRichText the schema declares, found by
 * walking the schema, not by a list here) has each of the document's `languages` and no other;
 * `defaultLanguage` is one of them.
 */
export function checkTranslations(
  context: CheckContext<{ languages: string[]; defaultLanguage: string }>,
  schemaFile: string,
): Issue[] {
  const { languages, defaultLanguage } = context.doc;
  const declared = listWords(quoteAll(languages));
  const issues: Issue[] = [];
  if (!languages.includes(defaultLanguage)) {
    issues.push(issue('language.default_not_declared', '/defaultLanguage',
      `The default language "${defaultLanguage}" is not one of the ${context.noun}'s languages (${declared}). Add it to "languages" or pick one of them.`,
      { language: defaultLanguage }));
  }
  for (const { path, value } of localizedValues(schemaFile, context.doc)) {
    const missing = languages.filter((language) => !(language in value));
    if (missing.length > 0) {
      issues.push(issue('translation.missing', path,
        `${context.where(path)} has no text in ${listWords(quoteAll(missing))}. Add the ${missing.length === 1 ? 'translation' : 'translations'}.`,
        { missing }));
    }
    for (const language of Object.keys(value)) {
      if (languages.includes(language)) continue;
      issues.push(issue('translation.undeclared', `${path}/${pointerSegment(language)}`,
        `${context.where(path)} has text in "${language}", which is not one of the ${context.noun}'s languages (${declared}). Remove it or add "${language}" to "languages".`,
        { language }));
    }
  }
  return issues;
}
