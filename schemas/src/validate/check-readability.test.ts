import { describe, expect, it } from 'vitest';
import type { Module } from '../generated/format.js';
import { moduleWarnings, validateModule } from './index.js';
import { broken, validModule } from './test-fixtures.js';

const paragraph = (words: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: words }] }] });

// One sentence of 25 words, 20 of them long (LIX 105 alone), and its English likeness (Flesch far below 0):
// hard enough to outweigh the fixture page's short prompts and option labels.
const HARD_SV = `${Array.from({ length: 5 }, () => 'behandlingsprogrammet innehåller psykoedukation och exponeringsövningar').join(', ')}.`.replace(/^b/, 'B');
const HARD_EN = `${Array.from({ length: 5 }, () => 'psychoeducational intervention methodologies institutionalise collaboration').join(', ')}.`.replace(/^p/, 'P');

/** The fixture with its first page's welcome text replaced, and a reading level. */
function withWelcome(sv: string, en: string, level: Module['readingLevel']): Module {
  return broken(validModule(), (module) => {
    const welcome = module.pages[0]!.blocks[0]!;
    if (welcome.type === 'text') welcome.content = { sv: paragraph(sv), en: paragraph(en) };
    if (level === undefined) delete module.readingLevel;
    else module.readingLevel = level;
  });
}

describe('the publish gate: plain language', () => {
  it('accepts a reading level in the module, and a module stays valid however hard its text (a warning, not an error)', () => {
    const module = withWelcome(HARD_SV, HARD_EN, 'easy');
    expect(validateModule(module).issues).toEqual([]);
    expect(validateModule({ ...module, readingLevel: 'expert' }).issues.map(({ code, path }) => [code, path])).toEqual([['schema.enum', '/readingLevel']]);
  });

  it('warns about a page harder than the chosen level, once per language, naming the score and the limit', () => {
    const warnings = moduleWarnings(withWelcome(HARD_SV, HARD_EN, 'standard'));
    expect(warnings.map(({ code, path, params }) => [code, path, params?.['language'], params?.['formula'], params?.['limit'], params?.['level']])).toEqual([
      ['readability.above_level', '/pages/0', 'sv', 'lix', 40, 'standard'],
      ['readability.above_level', '/pages/0', 'en', 'flesch', 60, 'standard'],
    ]);
    expect(warnings[0]?.message).toMatch(/^Page 1 .* is harder to read in "sv" than the module's reading level "standard": LIX \d+, where the level asks for at most 40\./);
    expect(warnings[1]?.message).toContain('Flesch reading ease');
    expect(typeof warnings[0]?.params?.['score']).toBe('number');
  });

  it('does not warn about easy text, a level the page meets, or a module without a level', () => {
    expect(moduleWarnings(withWelcome('Välkommen hit. Här får du lära dig om sömn.', 'Welcome. Here you learn about sleep.', 'easy'))).toEqual([]);
    expect(moduleWarnings(withWelcome(HARD_SV, HARD_EN, undefined))).toEqual([]);
  });

  it('leaves the validated instrument on page 2 out even at the easy level', () => {
    const warnings = moduleWarnings(withWelcome('Välkommen hit.', 'Welcome here.', 'easy'));
    expect(warnings.filter(({ path }) => path === '/pages/1')).toEqual([]);
  });

  it('warns only in the language whose text is hard', () => {
    for (const level of ['easy', 'standard'] as const) {
      const warnings = moduleWarnings(withWelcome(HARD_SV, 'Welcome.', level));
      expect(warnings.map(({ params }) => params?.['language'])).toEqual(['sv']);
    }
  });
});
