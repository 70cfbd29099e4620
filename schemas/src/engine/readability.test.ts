import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureReadability, meetsReadingLevel, readabilityFormula, readingBand } from './readability.js';

describe('readabilityFormula', () => {
  it('measures Swedish and Norwegian with LIX and English with Flesch, by the base language', () => {
    expect(['sv', 'sv-FI', 'nb', 'nn', 'no', 'NB'].map(readabilityFormula)).toEqual(['lix', 'lix', 'lix', 'lix', 'lix', 'lix']);
    expect(['en', 'en-GB'].map(readabilityFormula)).toEqual(['flesch', 'flesch']);
    expect(['de', 'fi', '', 'x'].map(readabilityFormula)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('measureReadability: LIX', () => {
  it('counts words, sentences and long words of a short Swedish text by hand', () => {
    // 6 + 5 words in 2 sentences, no word longer than six letters: 11 / 2 + 0 = 5.5.
    expect(measureReadability('Det här är en kort text. Den är lätt att läsa.', 'sv')).toEqual({ formula: 'lix', score: 5.5, words: 11, sentences: 2, longWords: 0, band: 'easy' });
  });

  it('counts letters, not characters, for a long word and treats a long compound as one word', () => {
    // Behandlingsprogrammet, innehåller, psykoedukation, exponeringsövningar are long; "och" is not: 5 / 1 + 100 × 4 / 5 = 85.
    const score = measureReadability('Behandlingsprogrammet innehåller psykoedukation och exponeringsövningar.', 'sv');
    expect(score).toMatchObject({ score: 85, words: 5, sentences: 1, longWords: 4, band: 'hard' });
  });

  it('does not count digits or punctuation as letters ("2026" and "COVID-19" are short)', () => {
    // Words: Under, 2026, fick, många, COVID, 19 — none over six letters: 6 / 1 = 6.
    expect(measureReadability('Under 2026 fick många COVID-19.', 'nb')).toMatchObject({ score: 6, words: 6, longWords: 0 });
  });

  it('counts a line on its own (a heading, an option) as a sentence', () => {
    // "Andning" (7 letters, long) and "Andas lugnt och långsamt" (långsamt is long): 5 words in 2 sentences: 2.5 + 100 × 2 / 5 = 42.5.
    expect(measureReadability('Andning\nAndas lugnt och långsamt', 'sv')).toMatchObject({ score: 42.5, sentences: 2, words: 5, longWords: 2 });
  });

  it('gives the same score in Norwegian as in Swedish for the same words', () => {
    const text = 'Dette er en enkel tekst. Pusteøvelsen hjelper.';
    // 5 + 2 words, 2 sentences; Pusteøvelsen and hjelper are long: 3.5 + 100 × 2 / 7.
    expect(measureReadability(text, 'nb')?.score).toBeCloseTo(3.5 + 200 / 7, 10);
  });
});

describe('measureReadability: Flesch reading ease', () => {
  it('computes a known English text by hand', () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 − 1.015 × 6 − 84.6 × 1 = 116.145.
    const score = measureReadability('The cat sat on the mat.', 'en');
    expect(score).toMatchObject({ formula: 'flesch', words: 6, sentences: 1, syllables: 6, band: 'easy' });
    expect(score?.score).toBeCloseTo(116.145, 10);
  });

  it('counts syllables of longer words', () => {
    // An·xi·e·ty (3) is com·mon (2). It will pass. 6 words, 2 sentences, 9 syllables: 206.835 − 3.045 − 126.9 = 76.89.
    const score = measureReadability('Anxiety is common. It will pass.', 'en');
    expect(score).toMatchObject({ words: 6, sentences: 2, syllables: 9 });
    expect(score?.score).toBeCloseTo(76.89, 10);
  });

  it('gives a number at least one syllable and lets very hard text fall below zero', () => {
    expect(measureReadability('2026', 'en')).toMatchObject({ words: 1, syllables: 1 });
    const hard = measureReadability('Psychoeducational intervention methodologies institutionalise interdisciplinary collaboration', 'en');
    expect(hard?.score).toBeLessThan(0);
    expect(hard?.band).toBe('hard');
  });
});

describe('measureReadability: no score', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives none for text without words, or a language without a formula', () => {
    for (const text of ['', '   ', '\n\n', '...!?', '— – ·']) expect(measureReadability(text, 'sv')).toBeUndefined();
    expect(measureReadability('Das ist ein Text.', 'de')).toBeUndefined();
  });

  it('gives none where the engine has no Intl.Segmenter, rather than a differently counted figure', () => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    expect(measureReadability('Det här är en kort text.', 'sv')).toBeUndefined();
  });
});

describe('readability properties', () => {
  const languages = fc.constantFrom('sv', 'nb', 'en', 'de');

  it('is finite, with positive counts, for any string; no words means no score', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), languages, (text, language) => {
        const score = measureReadability(text, language);
        if (score === undefined) return;
        expect(Number.isFinite(score.score)).toBe(true);
        expect(score.words).toBeGreaterThan(0);
        expect(score.sentences).toBeGreaterThan(0);
        expect(score.sentences).toBeLessThanOrEqual(score.words);
        if (score.formula === 'lix') {
          expect(score.score).toBeGreaterThanOrEqual(1);
          expect(score.score).toBeLessThanOrEqual(score.words + 100);
        }
      }),
    );
  });

  const sentence = fc
    .array(fc.stringMatching(/^[a-zåäöæø]{1,14}$/), { minLength: 1, maxLength: 12 })
    // Capitalised: a full stop followed by a small letter is no sentence break (UAX #29, rule SB8).
    .map((words) => `${words.join(' ').replace(/^./, (first) => first.toUpperCase())}.`);

  it('keeps LIX when the same sentences are repeated', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), fc.integer({ min: 2, max: 6 }), fc.constantFrom('sv', 'nb'), (sentences, times, language) => {
        const once = measureReadability(sentences.join(' '), language);
        const repeated = measureReadability(Array.from({ length: times }, () => sentences.join(' ')).join(' '), language);
        expect(repeated?.score).toBeCloseTo(once?.score ?? Number.NaN, 9);
        expect(repeated?.words).toBe((once?.words ?? 0) * times);
      }),
    );
  });

  it('keeps Flesch when the same sentences are repeated', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), fc.integer({ min: 2, max: 4 }), (sentences, times) => {
        const once = measureReadability(sentences.join(' '), 'en');
        const repeated = measureReadability(Array.from({ length: times }, () => sentences.join(' ')).join(' '), 'en');
        expect(repeated?.score).toBeCloseTo(once?.score ?? Number.NaN, 9);
      }),
    );
  });

  it('never makes a text easier by lengthening one of its words past six letters (LIX)', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), (sentences) => {
        const text = sentences.join(' ');
        const longer = text.replace(/[A-ZÅÄÖÆØa-zåäöæø]+/, (word) => word.padEnd(7, 'a'));
        expect(measureReadability(longer, 'sv')?.score ?? 0).toBeGreaterThanOrEqual(measureReadability(text, 'sv')?.score ?? 0);
      }),
    );
  });
});

describe('reading levels', () => {
  it('puts the published limits on the right side (LIX at most, Flesch at least)', () => {
    expect([25, 30, 30.01, 40, 40.5].map((score) => readingBand('lix', score))).toEqual(['easy', 'easy', 'standard', 'standard', 'hard']);
    expect([90, 70, 69.9, 60, 59.9].map((score) => readingBand('flesch', score))).toEqual(['easy', 'easy', 'standard', 'standard', 'hard']);
    expect(meetsReadingLevel({ formula: 'lix', score: 35 }, 'easy')).toBe(false);
    expect(meetsReadingLevel({ formula: 'lix', score: 35 }, 'standard')).toBe(true);
    expect(meetsReadingLevel({ formula: 'flesch', score: 65 }, 'easy')).toBe(false);
    expect(meetsReadingLevel({ formula: 'flesch', score: 65 }, 'standard')).toBe(true);
  });
});
