import type { readabilityEn } from './readability-messages-en.js';

/** Klarspråkstexterna (läsbarhet, läsnivå, publiceringskontrollens varningar) på svenska. */
export const readabilitySv: Readonly<Record<keyof typeof readabilityEn, string>> = {
  'details.readingLevel': 'Läsnivå för patienter',
  'details.readingLevel.easy': 'Lättläst (LIX högst 30, Flesch minst 70)',
  'details.readingLevel.standard': 'Normal (LIX högst 40, Flesch minst 60)',
  'details.readingLevelHint': 'När modulen skickas in kontrolleras varje sida på varje språk: svenska och norska med LIX, engelska med Flesch läsbarhetsindex. En sida som är svårare än den valda nivån ger en varning; den hindrar inte inskicket.',
  'readability.heading': 'Sidans läsbarhet',
  'readability.score': '{language}: {band} ({formula} {score})',
  'readability.counts': '{words, plural, one {# ord} other {# ord}}, {sentences, plural, one {# mening} other {# meningar}}',
  'readability.band.easy': 'lättläst',
  'readability.band.standard': 'normal',
  'readability.band.hard': 'svårläst',
  'readability.formula.lix': 'LIX',
  'readability.formula.flesch': 'Flesch',
  'readability.aboveLevel': 'svårare än modulens nivå ”{level}”',
  'readability.noText': '{language}: ingen text ännu',
  'readability.noFormula': '{language}: inget läsbarhetsmått för det här språket',
  'readability.level': 'Vald läsnivå: {level}.',
  'readability.noLevel': 'Ingen läsnivå vald (Moduluppgifter).',
  'readability.level.easy': 'lättläst',
  'readability.level.standard': 'normal',
  'validation.warnings': '{count, plural, one {# varning} other {# varningar}}: de hindrar inte inskick',
  'submit.warnings': '{count, plural, one {En sida är} other {# sidor är}} svårare att läsa än modulens läsnivå. Du kan ändå skicka in.',
};
