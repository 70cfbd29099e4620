import type { readabilityEn } from './readability-messages-en.js';

/** Klarspråktekstene (lesbarhet, lesenivå, publiseringskontrollens advarsler) på norsk bokmål. */
export const readabilityNb: Readonly<Record<keyof typeof readabilityEn, string>> = {
  'details.readingLevel': 'Lesenivå for pasienter',
  'details.readingLevel.easy': 'Lettlest (LIX høyst 30, Flesch minst 70)',
  'details.readingLevel.standard': 'Normal (LIX høyst 40, Flesch minst 60)',
  'details.readingLevelHint': 'Når modulen sendes inn, kontrolleres hver side på hvert språk: svensk og norsk med LIX, engelsk med Flesch lesbarhetsindeks. En side som er vanskeligere enn valgt nivå, gir en advarsel; den stopper ikke innsendingen.',
  'readability.heading': 'Sidens lesbarhet',
  'readability.score': '{language}: {band} ({formula} {score})',
  'readability.counts': '{words, plural, one {# ord} other {# ord}}, {sentences, plural, one {# setning} other {# setninger}}',
  'readability.band.easy': 'lettlest',
  'readability.band.standard': 'normal',
  'readability.band.hard': 'tungt lest',
  'readability.formula.lix': 'LIX',
  'readability.formula.flesch': 'Flesch',
  'readability.aboveLevel': 'vanskeligere enn modulens nivå «{level}»',
  'readability.noText': '{language}: ingen tekst ennå',
  'readability.noFormula': '{language}: ikke noe lesbarhetsmål for dette språket',
  'readability.level': 'Valgt lesenivå: {level}.',
  'readability.noLevel': 'Ingen lesenivå valgt (Moduldetaljer).',
  'readability.level.easy': 'lettlest',
  'readability.level.standard': 'normal',
  'validation.warnings': '{count, plural, one {# advarsel} other {# advarsler}}: de stopper ikke innsending',
  'submit.warnings': '{count, plural, one {Én side er} other {# sider er}} vanskeligere å lese enn modulens lesenivå. Du kan likevel sende inn.',
};
