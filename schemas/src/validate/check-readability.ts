import type { Module } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { pointer } from '../issue.js';
import { pagesAboveReadingLevel } from '../engine/page-readability.js';
import { readingLevelLimit } from '../engine/readability.js';
import { issue, type CheckContext } from './check-context.js';

const FORMULA_NAMES = { lix: 'LIX', flesch: 'Flesch reading ease' } as const;

/**
 * The publish gate's plain-language warnings: each page, in each language, harder to read than the
 * module's `readingLevel` (the engine's LIX or Flesch score, `schemas/src/engine/readability.ts`).
 * A warning, never an error: a formula counts word and sentence lengths, not whether a patient
 * understands, so the designer and the publisher decide. No level declared, no warning.
 */
export function checkReadability(context: CheckContext<Module>): Issue[] {
  const level = context.doc.readingLevel;
  if (level === undefined) return [];
  return pagesAboveReadingLevel(context.doc, level).map(({ pageIndex, language, score }) => {
    const path = pointer('pages', pageIndex);
    const limit = readingLevelLimit(score.formula, level);
    const shown = Math.round(score.score);
    const bound = score.formula === 'lix' ? `at most ${limit}` : `at least ${limit}`;
    return issue('readability.above_level', path,
      `${context.where(path)} is harder to read in "${language}" than the module's reading level "${level}": ${FORMULA_NAMES[score.formula]} ${shown}, where the level asks for ${bound}. Shorter sentences and shorter words make it easier.`,
      { language, level, formula: score.formula, score: shown, limit, words: score.words, sentences: score.sentences });
  });
}
