import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Module, Page } from '../generated/format.js';
import { moduleReadability, pagesAboveReadingLevel, pageText } from './page-readability.js';

/** An example module as shipped (tests only: the engine itself reads no files). */
function loadExampleModule(name: string): Module {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'modules', `${name}.json`), 'utf8')) as Module;
}

const rich = (...paragraphs: string[]) => ({ type: 'doc' as const, content: paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })) });

function bilingual(blocks: Block[], title: Record<string, string> = { sv: 'Andning', en: 'Breathing' }): Page {
  return { id: 'p1', title, blocks } as Page;
}

describe('pageText', () => {
  it('reads what the patient reads in one language, a line per piece, and no other language', () => {
    const page = bilingual([
      { type: 'text', id: 't1', content: { sv: rich('Andas lugnt.', 'Räkna till fyra.'), en: rich('Breathe calmly.', 'Count to four.') } },
      { type: 'question', id: 'q1', prompt: { sv: 'Hur känns det?', en: 'How does it feel?' }, help: { sv: 'Välj ett svar.', en: 'Pick one.' }, input: { kind: 'single', options: [{ id: 'a', label: { sv: 'Bra', en: 'Good' } }, { id: 'b', label: { sv: 'Dåligt', en: 'Bad' } }] } },
      { type: 'unitContact', id: 'u1', show: ['phone'], intro: { sv: 'Ring oss.', en: 'Call us.' } },
    ] as Block[]);
    expect(pageText(page, 'sv')).toBe('Andning\nAndas lugnt.\nRäkna till fyra.\nHur känns det?\nVälj ett svar.\nBra\nDåligt\nRing oss.');
    expect(pageText(page, 'en')).toBe('Breathing\nBreathe calmly.\nCount to four.\nHow does it feel?\nPick one.\nGood\nBad\nCall us.');
    expect(pageText(page, 'nb')).toBe('');
  });

  it('leaves out a validated instrument, whose wording the designer may not change', () => {
    const module = loadExampleModule('phq-9');
    const page = module.pages.find((candidate) => candidate.blocks.some((block) => block.type === 'instrument')) as Page;
    const instrument = page.blocks.find((block) => block.type === 'instrument');
    const itemText = (instrument as { items: Array<{ text: Record<string, string> }> }).items[0]?.text['en'] ?? '';
    expect(itemText).not.toBe('');
    expect(pageText(page, 'en')).not.toContain(itemText);
  });

  it('reads grids, exercises, registrations with their plan and goal, and media texts', () => {
    const page = bilingual([
      { type: 'grid', id: 'g', prompt: { sv: 'Hur ofta?' }, rows: [{ id: 'r', prompt: { sv: 'Yrsel' } }], options: [{ id: 'o1', label: { sv: 'Aldrig' } }, { id: 'o2', label: { sv: 'Ofta' } }] },
      { type: 'exercise', id: 'e', title: { sv: 'Övning' }, instructions: { sv: rich('Gör så här.') }, fields: [{ id: 'f', label: { sv: 'Tid' }, help: { sv: 'Minuter' }, input: { kind: 'slider', min: 0, max: 10, minLabel: { sv: 'Lite' }, maxLabel: { sv: 'Mycket' } } }] },
      { type: 'registration', id: 'r', title: { sv: 'Dagbok' }, description: { sv: 'Skriv varje dag.' }, fields: [{ id: 'x', label: { sv: 'Sömn' }, input: { kind: 'yesNo', yesLabel: { sv: 'Ja' }, noLabel: { sv: 'Nej' } } }],
        zones: { rules: [{ id: 'z', zone: 'red', when: { op: 'answered', item: 'x' }, explanation: { sv: 'Dålig natt' } }], actions: { green: { sv: rich('Fortsätt.') }, yellow: { sv: rich('Vila.') }, red: { sv: rich('Ring.') } } },
        goal: { field: 'x', aggregate: 'count', period: 'week', comparison: 'gte', target: 3, label: { sv: 'Sov bra' } } },
      { type: 'film', id: 'f', src: '/m.mp4', alt: { sv: 'En film' }, caption: { sv: 'Bildtext' }, transcript: { sv: rich('Det som sägs.') } },
    ] as unknown as Block[]);
    expect(pageText(page, 'sv').split('\n')).toEqual([
      'Andning', 'Hur ofta?', 'Yrsel', 'Aldrig', 'Ofta', 'Övning', 'Gör så här.', 'Tid', 'Minuter', 'Lite', 'Mycket',
      'Dagbok', 'Skriv varje dag.', 'Sömn', 'Ja', 'Nej', 'Dålig natt', 'Fortsätt.', 'Vila.', 'Ring.', 'Sov bra', 'En film', 'Bildtext', 'Det som sägs.',
    ]);
  });

  it('skips the gaps of a draft (blocks without texts, no blocks, odd values)', () => {
    const draft = { id: 'p', title: { sv: 'Titel' }, blocks: [null, { type: 'text' }, { type: 'question', prompt: 'not a map', input: { kind: 'single', options: 'x' } }, { id: 'no-type' }] } as unknown as Page;
    expect(pageText(draft, 'sv')).toBe('Titel');
    expect(pageText({ id: 'p', title: {} } as unknown as Page, 'sv')).toBe('');
  });
});

describe('moduleReadability and pagesAboveReadingLevel', () => {
  const module = {
    languages: ['sv', 'en', 'de'],
    pages: [
      bilingual([{ type: 'text', id: 't', content: { sv: rich('Det här är lätt.'), en: rich('This is easy.'), de: rich('Das ist leicht.') } }] as Block[], { sv: 'Start', en: 'Start', de: 'Start' }),
      { ...bilingual([{ type: 'text', id: 't2', content: { sv: rich('Behandlingsprogrammet innehåller psykoedukation och exponeringsövningar.'), en: rich('Psychoeducational intervention methodologies institutionalise interdisciplinary collaboration.'), de: rich('Schwer.') } }] as Block[], { sv: 'Behandlingsinnehåll', en: 'Treatment', de: 'Inhalt' }), id: 'p2' },
    ],
  } as unknown as Pick<Module, 'languages' | 'pages'>;

  it('scores every page in every language, none where the language has no formula', () => {
    const scores = moduleReadability(module);
    expect(scores.map(({ pageId, pageIndex, language, score }) => [pageId, pageIndex, language, score?.formula, score?.band])).toEqual([
      ['p1', 0, 'sv', 'lix', 'easy'], ['p1', 0, 'en', 'flesch', 'easy'], ['p1', 0, 'de', undefined, undefined],
      ['p2', 1, 'sv', 'lix', 'hard'], ['p2', 1, 'en', 'flesch', 'hard'], ['p2', 1, 'de', undefined, undefined],
    ]);
  });

  it('lists the pages harder than the chosen level, and nothing without a level', () => {
    expect(pagesAboveReadingLevel(module, 'standard').map(({ pageId, language }) => `${pageId}/${language}`)).toEqual(['p2/sv', 'p2/en']);
    expect(pagesAboveReadingLevel(module, undefined)).toEqual([]);
  });

  it('finds every example module measurable: a score for each page with text in sv and en', () => {
    const week1 = loadExampleModule('panic-week-1');
    const scores = moduleReadability(week1);
    expect(scores.length).toBe(week1.pages.length * week1.languages.length);
    for (const entry of scores) expect(Number.isFinite(entry.score?.score)).toBe(true);
  });
});
