import { syllable } from 'syllable';

/**
 * Readability of patient-facing text: LIX for Swedish and Norwegian, Flesch reading ease for
 * English, with words and sentences counted by `Intl.Segmenter` (Unicode UAX #29, the same rules in
 * Node and every current browser).
 *
 * `Intl.Segmenter` is in Node 16+, Chrome/Edge 87+, Safari 14.1+ and Firefox 125+. Where it is
 * missing (an older Firefox), no score is given rather than a figure counted some other way: the
 * designer then shows no score and the publish gate no warning, so the same text never gets two
 * different scores in two places.
 */

/** The formula a language is measured with. */
export type ReadabilityFormula = 'lix' | 'flesch';

/** How hard a text reads, in the words of the module's reading level. */
export type ReadingBand = 'easy' | 'standard' | 'hard';

/** A module's chosen reading level (module.schema.json `readingLevel`). */
export type ReadingLevel = 'easy' | 'standard';

export interface ReadabilityScore {
  formula: ReadabilityFormula;
  /** LIX (lower is easier) or Flesch reading ease (higher is easier), unrounded. */
  score: number;
  words: number;
  sentences: number;
  /** LIX: words of more than six letters. */
  longWords?: number;
  /** Flesch: syllables of all words. */
  syllables?: number;
  band: ReadingBand;
}

/**
 * The limits of each reading level, from the formulas' published scales: Björnsson's LIX scale
 * (under 30 easy, 30–40 medium such as a newspaper, over 40 hard such as official texts) and
 * Flesch's (70–80 fairly easy, 60–70 plain English, below 60 fairly difficult and harder).
 * `docs/plain-language.md` says what each means for a care organisation.
 */
export const READING_LEVELS: Readonly<Record<ReadingLevel, { lixAtMost: number; fleschAtLeast: number }>> = {
  easy: { lixAtMost: 30, fleschAtLeast: 70 },
  standard: { lixAtMost: 40, fleschAtLeast: 60 },
};

/** Letters a LIX long word has more than. */
const LONG_WORD_LETTERS = 6;

const LIX_LANGUAGES = new Set(['sv', 'nb', 'nn', 'no']);
const FLESCH_LANGUAGES = new Set(['en']);

/**
 * The formula for a language tag ('sv', 'nb', 'en-GB' …), or undefined when none of the two is
 * made for it.
 *
 * @example
 * readabilityFormula('nb'); // 'lix'
 */
export function readabilityFormula(language: string): ReadabilityFormula | undefined {
  const base = language.toLowerCase().split('-')[0] ?? '';
  if (LIX_LANGUAGES.has(base)) return 'lix';
  if (FLESCH_LANGUAGES.has(base)) return 'flesch';
  return undefined;
}

/**
 * The readability of a text in a language, or undefined when it has no words, the language has no
 * formula, or this engine has no `Intl.Segmenter`. A sentence is a segment of the sentence
 * segmenter that holds at least one word, so a heading or a line on its own is a sentence.
 *
 * LIX = words / sentences + 100 × long words / words (Björnsson 1968), a long word having more than
 * six letters. Flesch reading ease = 206.835 − 1.015 × words / sentences − 84.6 × syllables / words
 * (Flesch 1948), syllables counted by the `syllable` library, at least one per word (a number such
 * as "2026" has none of its own). Flesch is not clamped: very hard text falls below 0.
 *
 * @example
 * measureReadability('Det här är en kort text. Den är lätt att läsa.', 'sv'); // { formula: 'lix', score: 5, … }
 */
export function measureReadability(text: string, language: string): ReadabilityScore | undefined {
  const formula = readabilityFormula(language);
  const Segmenter = segmenterConstructor();
  if (!formula || !Segmenter) return undefined;
  const wordSegmenter = new Segmenter(language, { granularity: 'word' });
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  let syllables = 0;
  for (const { segment } of new Segmenter(language, { granularity: 'sentence' }).segment(text)) {
    let wordsInSentence = 0;
    for (const part of wordSegmenter.segment(segment)) {
      if (!part.isWordLike) continue;
      wordsInSentence += 1;
      if (formula === 'lix') {
        if (letterCount(part.segment) > LONG_WORD_LETTERS) longWords += 1;
      } else {
        syllables += Math.max(1, syllable(part.segment));
      }
    }
    words += wordsInSentence;
    if (wordsInSentence > 0) sentences += 1;
  }
  if (words === 0) return undefined;
  if (formula === 'lix') {
    const score = words / sentences + (100 * longWords) / words;
    return { formula, score, words, sentences, longWords, band: readingBand(formula, score) };
  }
  const score = 206.835 - (1.015 * words) / sentences - (84.6 * syllables) / words;
  return { formula, score, words, sentences, syllables, band: readingBand(formula, score) };
}

/**
 * The easiest reading level a score meets, or 'hard' when it meets none.
 *
 * @example
 * readingBand('lix', 35); // 'standard'
 */
export function readingBand(formula: ReadabilityFormula, score: number): ReadingBand {
  for (const level of ['easy', 'standard'] as const) if (meetsLevel(formula, score, level)) return level;
  return 'hard';
}

/**
 * Whether a score is within a reading level's limit (LIX at most, Flesch at least).
 *
 * @example
 * meetsReadingLevel({ formula: 'flesch', score: 65 } as ReadabilityScore, 'easy'); // false
 */
export function meetsReadingLevel(score: Pick<ReadabilityScore, 'formula' | 'score'>, level: ReadingLevel): boolean {
  return meetsLevel(score.formula, score.score, level);
}

/** The limit a reading level sets for a formula: the highest LIX or the lowest Flesch score. */
export function readingLevelLimit(formula: ReadabilityFormula, level: ReadingLevel): number {
  return formula === 'lix' ? READING_LEVELS[level].lixAtMost : READING_LEVELS[level].fleschAtLeast;
}

function meetsLevel(formula: ReadabilityFormula, score: number, level: ReadingLevel): boolean {
  const limit = readingLevelLimit(formula, level);
  return formula === 'lix' ? score <= limit : score >= limit;
}

function letterCount(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}

/** `Intl.Segmenter` where the engine runs with one (see the file's comment). */
function segmenterConstructor(): typeof Intl.Segmenter | undefined {
  return typeof Intl === 'object' && typeof Intl.Segmenter === 'function' ? Intl.Segmenter : undefined;
}
