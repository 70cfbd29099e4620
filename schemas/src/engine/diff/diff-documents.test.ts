import { describe, expect, it } from 'vitest';
import { classifyRelease } from './release-class.js';
import { diffDocuments } from './diff-documents.js';
import { richTextToPlain } from './plain-text.js';
import { wordDiff } from './word-diff.js';

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function moduleV1() {
  return {
    formatVersion: 1,
    id: 'mood-check',
    title: { en: 'Mood check', sv: 'Humörkoll' },
    languages: ['en', 'sv'],
    defaultLanguage: 'en',
    tags: ['mood'],
    pages: [
      {
        id: 'intro',
        title: { en: 'Welcome', sv: 'Välkommen' },
        blocks: [
          { type: 'text', id: 'intro-text', content: { en: paragraph('Breathe slowly before you start.'), sv: paragraph('Andas lugnt innan du börjar.') } },
          { type: 'image', id: 'calm-lake', src: '/media/lake.jpg', alt: { en: 'A calm lake', sv: 'En lugn sjö' } },
        ],
      },
      {
        id: 'questions',
        title: { en: 'Questions', sv: 'Frågor' },
        blocks: [
          {
            type: 'question',
            id: 'sleep',
            prompt: { en: 'How did you sleep?', sv: 'Hur sov du?' },
            required: true,
            input: {
              kind: 'singleChoice',
              options: [
                { id: 'well', label: { en: 'Well', sv: 'Bra' }, value: 2 },
                { id: 'badly', label: { en: 'Badly', sv: 'Dåligt' }, value: 0 },
              ],
            },
          },
          {
            type: 'instrument',
            id: 'mini',
            name: { en: 'Mini scale', sv: 'Miniskala' },
            abbreviation: 'MINI',
            licence: { name: 'CC0' },
            options: [
              { id: 'no', label: { en: 'No', sv: 'Nej' }, score: 0 },
              { id: 'yes', label: { en: 'Yes', sv: 'Ja' }, score: 1 },
            ],
            items: [
              { id: 'm1', text: { en: 'Tired?', sv: 'Trött?' } },
              { id: 'm2', text: { en: 'Worried?', sv: 'Orolig?' } },
            ],
            scoring: {
              total: { method: 'sum' },
              missing: { maxMissing: 0, impute: 'zero' },
              bands: [
                { id: 'low', min: 0, max: 0, label: { en: 'Low', sv: 'Låg' }, level: 'none' },
                { id: 'high', min: 1, max: 2, label: { en: 'High', sv: 'Hög' }, level: 'moderate' },
              ],
            },
            tests: [{ name: 'all yes', answers: { m1: 'yes', m2: 'yes' }, expect: { total: 2, band: 'high' } }],
          },
        ],
        branches: [{ when: { op: 'eq', item: 'sleep', value: 'badly' }, goTo: '#end' }],
      },
    ],
  };
}

type Mod = ReturnType<typeof moduleV1>;
const edit = (change: (module: Mod) => void): Mod => {
  const module = structuredClone(moduleV1());
  change(module);
  return module;
};
const instrumentOf = (module: Mod) => module.pages[1]!.blocks[1] as ReturnType<typeof moduleV1>['pages'][1]['blocks'][1] & { scoring: { bands: Array<{ id: string; min: number; max: number }> } };

describe('diffDocuments', () => {
  it('finds nothing between identical versions, and classifies that as no release', () => {
    const changes = diffDocuments(moduleV1(), moduleV1());
    expect(changes).toEqual([]);
    expect(classifyRelease(changes).level).toBe('none');
  });

  it('shows a reworded translation word by word, in its language, as a minor change', () => {
    const after = edit((module) => { module.pages[0]!.title.sv = 'Hej och välkommen'; });
    const changes = diffDocuments(moduleV1(), after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'changed', entity: 'text', id: 'intro', language: 'sv', path: '/pages/0/title/sv', category: 'wording', property: 'title' });
    expect(changes[0]!.words).toEqual([{ op: 'delete', text: 'Välkommen' }, { op: 'insert', text: 'Hej och välkommen' }]);
    expect(classifyRelease(changes).level).toBe('minor');
  });

  it('diffs rich text by its words, not its JSON', () => {
    const after = edit((module) => { module.pages[0]!.blocks[0] = { ...module.pages[0]!.blocks[0]!, content: { en: paragraph('Breathe slowly and calmly before you start.'), sv: paragraph('Andas lugnt innan du börjar.') } } as never; });
    const [change] = diffDocuments(moduleV1(), after);
    expect(change).toMatchObject({ id: 'intro-text', within: ['intro'], language: 'en', category: 'wording', path: '/pages/0/blocks/0/content/en' });
    expect(change!.words!.filter((run) => run.op !== 'equal').map((run) => run.text.trim())).toEqual(['and calmly']);
  });

  it('reports a changed band boundary as a major change naming the band', () => {
    const after = edit((module) => { instrumentOf(module).scoring.bands[1]!.min = 2; instrumentOf(module).scoring.bands[0]!.max = 1; });
    const changes = diffDocuments(moduleV1(), after);
    expect(changes.map((change) => [change.id, change.property, change.before, change.after, change.category])).toEqual([
      ['low', 'max', 0, 1, 'logic'],
      ['high', 'min', 1, 2, 'logic'],
    ]);
    expect(changes[0]!.within).toEqual(['questions', 'mini']);
    const release = classifyRelease(changes);
    expect(release.level).toBe('major');
    expect(release.reasons[0]).toBe('"low": max changed from 0 to 1');
  });

  it('matches options by id, so an added option is one addition and a changed score is logic', () => {
    const after = edit((module) => {
      const input = (module.pages[1]!.blocks[0] as { input: { options: Array<{ id: string; label: Record<string, string>; value: number }> } }).input;
      input.options.splice(1, 0, { id: 'ok', label: { en: 'Okay', sv: 'Okej' }, value: 1 });
      input.options[0]!.value = 3;
    });
    const changes = diffDocuments(moduleV1(), after);
    expect(changes.map((change) => [change.kind, change.entity, change.id, change.path, change.category])).toEqual([
      ['changed', 'property', 'well', '/pages/1/blocks/0/input/options/0/value', 'logic'],
      ['added', 'option', 'ok', '/pages/1/blocks/0/input/options/1', 'logic'],
    ]);
  });

  it('reports a reordered page as one move, not as every page changing', () => {
    const after = edit((module) => { module.pages.reverse(); });
    const changes = diffDocuments(moduleV1(), after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'moved', entity: 'page', path: '/pages/0', beforePath: '/pages/1' });
    expect(classifyRelease(changes).level).toBe('major');
  });

  it('reports removed and added items, a removed translation and a changed condition', () => {
    const after = edit((module) => {
      const instrument = module.pages[1]!.blocks[1] as { items: unknown[] };
      instrument.items.pop();
      instrument.items.push({ id: 'm3', text: { en: 'Restless?', sv: 'Rastlös?' } });
      delete (module.pages[0]!.blocks[1] as { alt: Record<string, string> }).alt.sv;
      (module.pages[1]!.branches![0]!.when as { value: string }).value = 'well';
    });
    const changes = diffDocuments(moduleV1(), after);
    const brief = changes.map((change) => `${change.kind} ${change.entity} ${change.id} ${change.path} ${change.category}`);
    expect(brief).toEqual([
      'removed translation calm-lake /pages/0/blocks/1/alt/sv wording',
      'added item m3 /pages/1/blocks/1/items/1 logic',
      'removed item m2 /pages/1/blocks/1/items/1 logic',
      'changed property questions /pages/1/branches/0/when/value logic',
    ]);
  });

  it('treats a new image, a new media file and a new tag as minor', () => {
    const after = edit((module) => {
      (module.pages[0]!.blocks[1] as { src: string }).src = '/media/lake-2.jpg';
      module.pages[0]!.blocks.push({ type: 'image', id: 'forest', src: '/media/forest.jpg', alt: { en: 'Forest', sv: 'Skog' } } as never);
      module.tags.push('sleep');
    });
    const changes = diffDocuments(moduleV1(), after);
    expect(changes.map((change) => change.category)).toEqual(['metadata', 'media', 'media']);
    expect(classifyRelease(changes).level).toBe('minor');
  });

  it('treats a new question block as major but a new text block as minor', () => {
    const withText = edit((module) => { module.pages[0]!.blocks.push({ type: 'text', id: 'more', content: { en: paragraph('More'), sv: paragraph('Mer') } } as never); });
    expect(classifyRelease(diffDocuments(moduleV1(), withText)).level).toBe('minor');
    const withQuestion = edit((module) => { module.pages[0]!.blocks.push({ type: 'question', id: 'age', prompt: { en: 'Age', sv: 'Ålder' }, input: { kind: 'number' } } as never); });
    expect(classifyRelease(diffDocuments(moduleV1(), withQuestion)).level).toBe('major');
  });

  it('treats changed scoring test cases as metadata, not as a scoring change', () => {
    const after = edit((module) => { (module.pages[1]!.blocks[1] as { tests: Array<{ name: string }> }).tests.push({ name: 'none', answers: {}, expect: {} } as never); });
    const changes = diffDocuments(moduleV1(), after);
    expect(changes.map((change) => [change.entity, change.category])).toEqual([['test', 'metadata']]);
  });
});

describe('wordDiff and richTextToPlain', () => {
  it('keeps whitespace so both texts can be rebuilt from the runs', () => {
    const runs = wordDiff('Take a slow breath now', 'Take two slow breaths now');
    expect(runs.filter((run) => run.op !== 'insert').map((run) => run.text).join('')).toBe('Take a slow breath now');
    expect(runs.filter((run) => run.op !== 'delete').map((run) => run.text).join('')).toBe('Take two slow breaths now');
  });

  it('flattens rich text into one line per paragraph or list item', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Panic' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Heart ' }, { type: 'text', text: 'races', marks: [{ type: 'bold' }] }] }] }] },
      ],
    };
    expect(richTextToPlain(doc)).toBe('Panic\nHeart races');
  });
});
