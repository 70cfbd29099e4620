/**
 * The plain-language strings (readability score, reading level, the publish gate's warnings) in
 * English, kept apart from messages-en.ts and spread into it like the issue codes.
 */
export const readabilityEn = {
  'details.readingLevel': 'Reading level for patients',
  'details.readingLevel.easy': 'Easy to read (LIX at most 30, Flesch at least 70)',
  'details.readingLevel.standard': 'Standard (LIX at most 40, Flesch at least 60)',
  'details.readingLevelHint': 'When the module is submitted, every page is checked in each language: Swedish and Norwegian with LIX, English with Flesch reading ease. A page harder than the chosen level gives a warning; it does not stop the submission.',
  'readability.heading': 'Readability of this page',
  'readability.score': '{language}: {band} ({formula} {score})',
  'readability.counts': '{words, plural, one {# word} other {# words}}, {sentences, plural, one {# sentence} other {# sentences}}',
  'readability.band.easy': 'easy',
  'readability.band.standard': 'standard',
  'readability.band.hard': 'hard',
  'readability.formula.lix': 'LIX',
  'readability.formula.flesch': 'Flesch',
  'readability.aboveLevel': 'harder than the module’s level “{level}”',
  'readability.noText': '{language}: no text yet',
  'readability.noFormula': '{language}: no readability measure for this language',
  'readability.level': 'Chosen reading level: {level}.',
  'readability.noLevel': 'No reading level chosen (Module details).',
  'readability.level.easy': 'easy to read',
  'readability.level.standard': 'standard',
  'validation.warnings': '{count, plural, one {# warning} other {# warnings}}: these do not stop submitting',
  'submit.warnings': '{count, plural, one {One page is} other {# pages are}} harder to read than the module’s reading level. You can still submit.',
} as const;
